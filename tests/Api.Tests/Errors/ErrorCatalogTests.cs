using System.Reflection;
using System.Text.RegularExpressions;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Testing;

namespace UnifiedCustomers.Api.Tests.Errors;

/// <summary>docs/errors.md lists every error code a client can receive.</summary>
public sealed partial class ErrorCatalogTests
{
    private static readonly string Catalog = File.ReadAllText(Path.Combine(TestServer.RepositoryRoot(), "docs", "errors.md"));

    [Fact]
    public void EveryStaticError_IsDocumented()
    {
        var codes = new[] { typeof(Error).Assembly, typeof(Application.DependencyInjection).Assembly, typeof(Program).Assembly }
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(f => f.FieldType == typeof(Error))
            .Select(f => ((Error)f.GetValue(null)!).Code)
            .Distinct()
            .ToList();

        codes.Should().NotBeEmpty();
        codes.Where(code => !Documented(code)).Should().BeEmpty("every code needs a row in docs/errors.md");
    }

    [Fact]
    public void EveryCodeWrittenInTheSource_IsDocumented()
    {
        var root = Path.Combine(TestServer.RepositoryRoot(), "src");
        var codes = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => ErrorCode().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        codes.Should().HaveCountGreaterThan(40);
        codes.Where(code => !Documented(code)).Should().BeEmpty("every code needs a row in docs/errors.md");
    }

    private static bool Documented(string code) => Catalog.Contains($"`{code}`", StringComparison.Ordinal);

    [GeneratedRegex("""(?:Error\.(?:NotFound|Conflict|Invalid)|new Error|new)\(\s*"([a-z_]+(?:\.[a-z_]+)+)"\s*,""")]
    private static partial Regex ErrorCode();
}
