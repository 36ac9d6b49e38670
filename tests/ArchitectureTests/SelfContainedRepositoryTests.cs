using UnifiedCustomers.Testing;

namespace UnifiedCustomers.ArchitectureTests;

/// <summary>A clone anywhere runs the tests and the benchmark: nothing reads outside the repository.</summary>
public sealed class SelfContainedRepositoryTests
{
    private static readonly string[] SkippedFolders = [".git", "bin", "obj", "node_modules", ".pg", "TestResults"];
    private static readonly string[] TextExtensions = [".cs", ".sh", ".sql", ".md", ".json", ".csproj", ".props", ".yaml", ".yml", ""];

    [Fact]
    public void NoFile_ReadsTheWorkspaceOutsideTheRepository()
    {
        var root = TestServer.RepositoryRoot();
        var offenders = Files(root)
            .Where(file => TextExtensions.Contains(Path.GetExtension(file)))
            .Where(file => File.ReadAllText(file) is var text
                && (text.Contains("../shared/", StringComparison.Ordinal) || text.Contains("\"..\", \"shared\"", StringComparison.Ordinal)))
            .Select(file => Path.GetRelativePath(root, file))
            .Where(file => file != Path.Combine("tests", "ArchitectureTests", "SelfContainedRepositoryTests.cs"));

        offenders.Should().BeEmpty("the legacy schema, rules and sample live in docs/legacy/");
    }

    [Fact]
    public void LegacyData_LivesInTheRepository()
    {
        var legacy = Path.Combine(TestServer.RepositoryRoot(), "docs", "legacy");

        new[] { "README.md", "schema.sql", "sample.sql" }
            .Should().OnlyContain(name => File.Exists(Path.Combine(legacy, name)));
    }

    private static IEnumerable<string> Files(string folder) =>
        Directory.EnumerateFiles(folder).Concat(Directory.EnumerateDirectories(folder)
            .Where(sub => !SkippedFolders.Contains(Path.GetFileName(sub)))
            .SelectMany(Files));
}
