namespace UnifiedCustomers.Application.Tests;

public sealed class MappingConfigurationTests
{
    [Fact]
    public void Create_CompilesEveryRegisteredMapping()
    {
        var config = MappingConfiguration.Create();

        config.Invoking(c => c.Compile()).Should().NotThrow();
        config.RuleMap.Should().NotBeEmpty("the use cases register their mappings by scanning the Application assembly");
    }
}
