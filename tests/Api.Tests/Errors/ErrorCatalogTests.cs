using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using UnifiedCustomers.Api.Errors;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Testing;

namespace UnifiedCustomers.Api.Tests.Errors;

/// <summary>
/// The error catalog is the <c>*Errors</c> classes of Domain (one per aggregate) and of the layers
/// above (ApplicationErrors, ApiErrors); docs/errors.md lists exactly its codes, each with the
/// status its kind maps to; and no code is written anywhere else.
/// </summary>
public sealed class ErrorCatalogTests
{
    private static readonly Assembly[] Layers =
    [
        typeof(Error).Assembly, typeof(Application.DependencyInjection).Assembly,
        typeof(Infrastructure.Persistence.AppDbContext).Assembly, typeof(Program).Assembly,
    ];

    private static readonly string Document = File.ReadAllText(Path.Combine(TestServer.RepositoryRoot(), "docs", "errors.md"));

    /// <summary>Every catalog class and what it declares: its static Error fields, and its Error factories called with sample arguments.</summary>
    private static readonly IReadOnlyList<(string Source, Error Error)> Catalog = Layers
        .SelectMany(a => a.GetTypes())
        .Where(IsCatalog)
        .SelectMany(Declared)
        .ToList();

    /// <summary>The rows of docs/errors.md's tables: `code` | status | meaning.</summary>
    private static readonly IReadOnlyDictionary<string, int> DocumentedStatus = Document
        .Split('\n')
        .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
        .Where(cells => cells.Length >= 4 && cells[1].StartsWith('`') && cells[1].EndsWith('`') && int.TryParse(cells[2], out _))
        .ToDictionary(cells => cells[1].Trim('`'), cells => int.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void TheCatalog_HasEveryLayersErrors()
    {
        var sources = Catalog.Select(e => e.Source.Split('.')[0]).Distinct().ToList();

        sources.Should().Contain(["CustomerErrors", "BookingErrors", "SessionErrors", "MembershipErrors", "PackErrors", "OrganizationErrors", "WebhookErrors",
            "StandingBookingErrors", "InputErrors", "ApplicationErrors", "ApiErrors"]);
        Catalog.Select(e => e.Error.Code).Distinct().Should().HaveCountGreaterThan(100);
    }

    [Fact]
    public void EveryCatalogCode_IsDocumented()
    {
        Catalog.Where(e => !DocumentedStatus.ContainsKey(e.Error.Code)).Select(e => $"{e.Source}: {e.Error.Code}")
            .Should().BeEmpty("every code needs a row in docs/errors.md");
    }

    [Fact]
    public void EveryDocumentedCode_IsInTheCatalog()
    {
        var codes = Catalog.Select(e => e.Error.Code).ToHashSet();

        DocumentedStatus.Should().HaveCountGreaterThan(100);
        DocumentedStatus.Keys.Where(code => !codes.Contains(code)).Should().BeEmpty("docs/errors.md lists only codes a client can receive");
    }

    [Fact]
    public void EveryDocumentedStatus_IsTheStatusOfTheErrorsKind()
    {
        Catalog.Where(e => DocumentedStatus.TryGetValue(e.Error.Code, out var status) && status != ProblemMapping.StatusOf(e.Error))
            .Select(e => $"{e.Source}: {e.Error.Code} is {e.Error.Kind} ({ProblemMapping.StatusOf(e.Error)}), documented {DocumentedStatus[e.Error.Code]}")
            .Should().BeEmpty();
    }

    [Fact]
    public void OneCode_HasOneKind()
    {
        Catalog.GroupBy(e => e.Error.Code).Where(g => g.Select(e => e.Error.Kind).Distinct().Count() > 1).Select(g => g.Key)
            .Should().BeEmpty("a code answers with one status wherever it is raised");
    }

    [Fact]
    public void EveryKind_HasItsOwnStatus()
    {
        var kinds = Enum.GetValues<ErrorKind>();

        kinds.Select(ProblemMapping.StatusOf).Should().OnlyHaveUniqueItems();
        kinds.Where(k => k != ErrorKind.Unexpected).Select(ProblemMapping.StatusOf).Should().NotContain(500);
    }

    [Fact]
    public void TheTransportsKinds_AreRaisedByTheEdgeOnly()
    {
        ErrorKind[] transport = [ErrorKind.MethodNotAllowed, ErrorKind.Timeout, ErrorKind.TooLarge, ErrorKind.UnsupportedMediaType, ErrorKind.HeadersTooLarge,
            ErrorKind.RateLimited, ErrorKind.Unavailable, ErrorKind.Unexpected];

        Catalog.Where(e => transport.Contains(e.Error.Kind) && !e.Source.StartsWith(nameof(ApiErrors) + ".", StringComparison.Ordinal))
            .Select(e => $"{e.Source}: {e.Error.Kind}")
            .Should().BeEmpty("a use case refuses by the rules of the studio, not of HTTP");
        Catalog.Where(e => e.Source.StartsWith(nameof(ApiErrors) + ".", StringComparison.Ordinal)).Select(e => e.Error.Kind).Should().Contain(transport);
    }

    [Fact]
    public void NoStaticError_LivesOutsideTheCatalog()
    {
        Layers.SelectMany(a => a.GetTypes())
            .Where(t => !IsCatalog(t))
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => f.FieldType == typeof(Error))
                .Select(f => $"{t.FullName}.{f.Name}"))
            .Should().BeEmpty("an error is declared in its aggregate's *Errors class (or its layer's catalog)");
    }

    /// <summary>
    /// Reads the string literals of every method outside the catalog (in the compiled IL, so a code
    /// in an interpolation or a constant counts too): none may be a catalog code.
    /// </summary>
    [Fact]
    public void NoCode_IsWrittenOutsideTheCatalog()
    {
        var codes = Catalog.Select(e => e.Error.Code).ToHashSet(StringComparer.Ordinal);

        var written = Layers.SelectMany(a => a.GetTypes())
            .Where(t => !IsCatalog(Outermost(t)) && !NamesEvents(Outermost(t)))
            .SelectMany(t => t.GetMethods(Everything).Cast<MethodBase>().Concat(t.GetConstructors(Everything))
                .SelectMany(m => Literals(m).Where(codes.Contains).Select(code => $"{t.FullName}.{m.Name}: \"{code}\"")))
            .ToList();

        written.Should().BeEmpty("error codes are written once, in the catalog");
    }

    [Fact]
    public void TheLiteralReader_FindsALiteralCode()
    {
        var method = typeof(Domain.Customers.CustomerErrors).TypeInitializer!;

        Literals(method).Should().Contain("customer.not_found");
    }

    private const BindingFlags Everything = BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private static bool IsCatalog(Type type) => type.Name.EndsWith("Errors", StringComparison.Ordinal) && type is { IsAbstract: true, IsSealed: true };

    /// <summary>Event type names share the dotted form, and a few are also error codes (session.cancelled is both).</summary>
    private static bool NamesEvents(Type type) => type.Name == "EventCatalog";

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer) type = outer;
        return type;
    }

    private static IEnumerable<(string, Error)> Declared(Type catalog)
    {
        foreach (var field in catalog.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic).Where(f => f.FieldType == typeof(Error)))
            yield return ($"{catalog.Name}.{field.Name}", (Error)field.GetValue(null)!);
        foreach (var factory in catalog.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                     .Where(m => m.ReturnType == typeof(Error) && !m.IsSpecialName && m.GetCustomAttribute<CompilerGeneratedAttribute>() is null))
            yield return ($"{catalog.Name}.{factory.Name}()", (Error)factory.Invoke(null, factory.GetParameters().Select(Sample).ToArray())!);
    }

    private static object? Sample(ParameterInfo parameter) =>
        parameter.HasDefaultValue ? parameter.DefaultValue
        : parameter.ParameterType == typeof(string) ? "sample"
        : parameter.ParameterType.IsValueType ? Activator.CreateInstance(parameter.ParameterType)
        : null;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The operands of the method's ldstr instructions.</summary>
    private static IEnumerable<string> Literals(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        for (var i = 0; i < il.Length;)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var opCode = OpCodesByValue[value];
            if (opCode == OpCodes.Ldstr) yield return method.Module.ResolveString(BitConverter.ToInt32(il, i));
            i += opCode.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
        }
    }
}
