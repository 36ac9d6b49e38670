namespace UnifiedCustomers.Application.Events.PruneEvents;

/// <param name="RetentionDays">how long the feed keeps an event (at least 30 days)</param>
public sealed record EventRetentionOptions(int RetentionDays = EventRetentionOptions.DefaultRetentionDays)
{
    public const int DefaultRetentionDays = 30;
    public const int MinimumRetentionDays = 30;
}

/// <summary>What one pruning removed.</summary>
public sealed record PruneResult(DateTimeOffset Before, long Events, long Deliveries, long Attempts);

/// <summary>The cross-organization maintenance the events need; the database does it in one statement each.</summary>
public interface IEventMaintenance
{
    /// <summary>Deletes events that occurred before <paramref name="before"/>, with their deliveries and attempt logs.</summary>
    Task<PruneResult> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken);
}

/// <summary>
/// The retention use case: events (and their deliveries' logs) older than the retention period
/// leave the feed. Runs for every organization at once, so it is not a tenant command; a scheduled
/// job calls it (see ARCHITECTURE.md, Events).
/// </summary>
public sealed class EventRetention(IEventMaintenance maintenance, EventRetentionOptions options, TimeProvider clock)
{
    public Task<PruneResult> PruneAsync(CancellationToken cancellationToken)
    {
        var days = Math.Max(options.RetentionDays, EventRetentionOptions.MinimumRetentionDays);
        return maintenance.PruneAsync(clock.GetUtcNow().AddDays(-days), cancellationToken);
    }
}
