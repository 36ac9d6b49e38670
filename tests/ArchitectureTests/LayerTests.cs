using System.Reflection;
using System.Xml.Linq;
using UnifiedCustomers.Testing;

namespace UnifiedCustomers.ArchitectureTests;

/// <summary>
/// The dependency rule: Domain on nothing, Application on Domain, Infrastructure on Application, the Api on
/// Application and Infrastructure only, with the database's types behind Application's ports (docs/adr/0033).
/// </summary>
public sealed class LayerTests
{
    private const string Domain = "UnifiedCustomers.Domain";
    private const string Application = "UnifiedCustomers.Application";
    private const string Infrastructure = "UnifiedCustomers.Infrastructure";
    private const string Api = "UnifiedCustomers.Api";
    private const string Migrations = "UnifiedCustomers.Migrations";
    private const string ApplicationTests = "UnifiedCustomers.Application.Tests";

    private static readonly Dictionary<string, Assembly> Assemblies = new[]
    {
        typeof(Domain.Common.Entity).Assembly,
        typeof(Application.DependencyInjection).Assembly,
        typeof(Infrastructure.DependencyInjection).Assembly,
        typeof(Program).Assembly,
    }.ToDictionary(a => a.GetName().Name!);

    public static TheoryData<string, string[]> Forbidden => new()
    {
        { Domain, [Application, Infrastructure, Api, Migrations] },
        { Application, [Infrastructure, Api, Migrations] },
        { Infrastructure, [Api, Migrations] },
        { Api, [Migrations] },
    };

    /// <summary>Each project's own project references, all of them.</summary>
    public static TheoryData<string, string[]> AllowedProjects => new()
    {
        { Domain, [] },
        { Application, [Domain] },
        { Infrastructure, [Application] },
        { Api, [Application, Infrastructure] },
    };

    /// <summary>The solution's assemblies each assembly's compiled code uses (Domain's types reach the outer layers through Application).</summary>
    public static TheoryData<string, string[]> AllowedAssemblies => new()
    {
        { Domain, [] },
        { Application, [Domain] },
        { Infrastructure, [Domain, Application] },
        { Api, [Domain, Application, Infrastructure] },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void Project_DoesNotReferenceOuterLayers(string project, string[] forbidden)
    {
        var references = ProjectReferences(project);

        references.Should().NotContain(forbidden, $"{project} must not depend on an outer layer");
    }

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void Types_DoNotUseOuterLayers(string project, string[] forbidden)
    {
        // The compiler emits an assembly reference only when a type of that assembly is used.
        var used = Assemblies[project].GetReferencedAssemblies().Select(a => a.Name);

        used.Should().NotContain(forbidden);
    }

    [Theory]
    [MemberData(nameof(AllowedProjects))]
    public void Project_ReferencesOnlyItsInnerLayers(string project, string[] allowed)
    {
        ProjectReferences(project).Should().BeSubsetOf(allowed, $"{project} may reference only {string.Join(", ", allowed)}");
    }

    [Theory]
    [MemberData(nameof(AllowedAssemblies))]
    public void Types_UseOnlyInnerLayers(string project, string[] allowed)
    {
        var ours = Assemblies[project].GetReferencedAssemblies().Select(a => a.Name!).Where(name => name.StartsWith("UnifiedCustomers.", StringComparison.Ordinal));

        ours.Should().BeSubsetOf(allowed);
    }

    /// <summary>The database stays behind Application's ports: no DbContext, no Npgsql type, no EF Core type in the web host's code.</summary>
    [Fact]
    public void Api_UsesNoDatabaseTypes()
    {
        // The compiler emits an assembly reference for each assembly whose types the code names (a field, a call, a cast).
        var used = Assemblies[Api].GetReferencedAssemblies().Select(a => a.Name!);

        used.Should().NotContain(name => name.StartsWith("Npgsql", StringComparison.Ordinal)
                                         || name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
                                         || name.StartsWith("EFCore", StringComparison.Ordinal));
    }

    /// <summary>The use-case tests compose the backend as any host does, without the web host, directly or through another project.</summary>
    [Fact]
    public void ApplicationTests_DoNotReachTheApi()
    {
        ReachableProjects(ApplicationTests).Should().Contain(Infrastructure).And.NotContain(Api);
    }

    [Fact]
    public void Domain_ReferencesOnlyTheBaseClassLibrary()
    {
        ProjectReferences(Domain).Should().BeEmpty();
        PackageReferences(Domain).Should().BeEmpty();
        Assemblies[Domain].GetReferencedAssemblies().Select(a => a.Name)
            .Should().OnlyContain(name => name!.StartsWith("System", StringComparison.Ordinal) || name == "netstandard");
    }

    private static IEnumerable<XElement> ProjectItems(string project, string item)
    {
        var file = Directory.GetFiles(TestServer.RepositoryRoot(), project + ".csproj", SearchOption.AllDirectories).Single();
        return XDocument.Load(file).Descendants(item);
    }

    /// <summary>The project's references, theirs, and so on.</summary>
    private static HashSet<string> ReachableProjects(string project)
    {
        var reached = new HashSet<string>();
        var pending = new Queue<string>([project]);
        while (pending.TryDequeue(out var next))
        {
            foreach (var reference in ProjectReferences(next).Where(reached.Add)) pending.Enqueue(reference);
        }
        return reached;
    }

    private static List<string> ProjectReferences(string project) =>
        ProjectItems(project, "ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

    private static List<string> PackageReferences(string project) =>
        ProjectItems(project, "PackageReference").Select(e => e.Attribute("Include")!.Value).ToList();
}
