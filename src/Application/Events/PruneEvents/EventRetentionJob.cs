using UnifiedCustomers.Application.Common.Jobs;

namespace UnifiedCustomers.Application.Events.PruneEvents;

/// <summary>The retention use case as a scheduled job: hourly, once per hour however many replicas run.</summary>
internal sealed class EventRetentionJob(EventRetention retention) : IScheduledJob
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public string Name => "event-retention";

    public Task<IReadOnlyList<JobRun>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        JobRun.DueEvery(Interval, now);

    public async Task<JobReport> RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        var pruned = await retention.PruneAsync(cancellationToken);
        return JobReport.Of(("events_deleted", pruned.Events), ("deliveries_deleted", pruned.Deliveries), ("attempts_deleted", pruned.Attempts));
    }
}
