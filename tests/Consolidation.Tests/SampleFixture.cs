using UnifiedCustomers.Tool.Consolidation;

namespace UnifiedCustomers.Consolidation.Tests;

/// <summary>sample.sql consolidated once, with the legacy checksums taken before.</summary>
public sealed class SampleFixture : IAsyncLifetime
{
    public SampleDatabase Database { get; } = new();
    internal ConsolidationResult Result { get; private set; } = null!;
    internal ConsolidationReport Report => Result.Report!;
    public Dictionary<string, string> LegacyBefore { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        LegacyBefore = await Database.LegacyChecksumsAsync();
        Result = await Database.ConsolidateAsync();
    }

    public Task DisposeAsync() => Database.DisposeAsync();
}
