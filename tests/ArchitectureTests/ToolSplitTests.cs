using System.Xml.Linq;
using UnifiedCustomers.Testing;

namespace UnifiedCustomers.ArchitectureTests;

/// <summary>
/// The command-line tool (CLI, seeding, consolidation) is its own project, so the web host does not
/// ship it (ADR 0027): no project under src/ reaches it or its console library, and the migrations
/// assembly holds the schema only.
/// </summary>
public sealed class ToolSplitTests
{
    private const string Tool = "UnifiedCustomers.Tool";
    private const string Migrations = "UnifiedCustomers.Migrations";

    public static TheoryData<string> ProductionProjects => new(
        Directory.GetFiles(Path.Combine(TestServer.RepositoryRoot(), "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)!);

    [Theory]
    [MemberData(nameof(ProductionProjects))]
    public void NoProjectUnderSrc_ReachesTheTool_OrItsConsoleLibrary(string project)
    {
        var reached = Closure(project);

        reached.Should().NotContain(Tool);
        reached.SelectMany(PackageReferences).Should().NotContain("Spectre.Console");
    }

    [Fact]
    public void TheMigrationsAssembly_ReferencesInfrastructureOnly_AndTheToolReferencesIt()
    {
        ProjectReferences(Migrations).Should().Equal("UnifiedCustomers.Infrastructure");
        PackageReferences(Migrations).Should().Equal("Microsoft.EntityFrameworkCore.Design");
        ProjectReferences(Tool).Should().Equal(Migrations);
    }

    private static HashSet<string> Closure(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { project };
        var queue = new Queue<string>([project]);
        while (queue.TryDequeue(out var next))
        {
            foreach (var reference in ProjectReferences(next).Where(seen.Add)) queue.Enqueue(reference);
        }
        return seen;
    }

    private static IEnumerable<XElement> ProjectItems(string project, string item)
    {
        var file = Directory.GetFiles(TestServer.RepositoryRoot(), project + ".csproj", SearchOption.AllDirectories)
            .Single(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        return XDocument.Load(file).Descendants(item);
    }

    private static List<string> ProjectReferences(string project) =>
        ProjectItems(project, "ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

    private static List<string> PackageReferences(string project) =>
        ProjectItems(project, "PackageReference").Select(e => e.Attribute("Include")!.Value).ToList();
}
