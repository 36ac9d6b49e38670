using UnifiedCustomers.Tool.Consolidation;

namespace UnifiedCustomers.Consolidation.Tests;

/// <summary>A legacy database of its own, consolidated once for every test of the class.</summary>
public sealed class FoldedOnce<TDatabase> : IAsyncLifetime where TDatabase : LegacyDatabase, new()
{
    public TDatabase Database { get; } = new();
    internal ConsolidationResult Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Result = await Database.ConsolidateAsync();
    }

    public Task DisposeAsync() => Database.DisposeAsync();
}
