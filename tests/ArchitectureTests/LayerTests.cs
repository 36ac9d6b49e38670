using System.Reflection;
using System.Xml.Linq;
using UnifiedCustomers.Testing;

namespace UnifiedCustomers.ArchitectureTests;

/// <summary>The dependency rule: Domain on nothing, Application on Domain, Infrastructure on Application, Api on all.</summary>
public sealed class LayerTests
{
    private const string Domain = "UnifiedCustomers.Domain";
    private const string Application = "UnifiedCustomers.Application";
    private const string Infrastructure = "UnifiedCustomers.Infrastructure";
    private const string Api = "UnifiedCustomers.Api";
    private const string Migrations = "UnifiedCustomers.Migrations";

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

    private static List<string> ProjectReferences(string project) =>
        ProjectItems(project, "ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

    private static List<string> PackageReferences(string project) =>
        ProjectItems(project, "PackageReference").Select(e => e.Attribute("Include")!.Value).ToList();
}
