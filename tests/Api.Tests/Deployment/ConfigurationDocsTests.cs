using UnifiedCustomers.Testing;

namespace UnifiedCustomers.Api.Tests.Deployment;

public sealed class ConfigurationDocsTests
{
    [Fact]
    public void ReadmeConfigurationTable_ListsEverySettingTheApiReads()
    {
        var readme = File.ReadAllText(Path.Combine(TestServer.RepositoryRoot(), "README.md"));
        var table = readme[readme.IndexOf("## Configuration", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n## ", 5, StringComparison.Ordinal)];

        Settings.All.Where(setting => !table.Contains($"| `{setting}` |", StringComparison.Ordinal))
            .Should().BeEmpty("README's configuration table lists every setting");
    }
}
