using UnifiedCustomers.Application.Common.Jobs;

namespace UnifiedCustomers.Infrastructure.Jobs;

/// <summary>Forgets finished job runs after 30 days (the keys of daily runs never come back).</summary>
internal sealed class JobHistoryPruningJob(JobRunStore store, TimeProvider clock) : IScheduledJob
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    public string Name => "job-history-pruning";

    public Task<IReadOnlyList<JobRun>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        JobRun.DueEvery(TimeSpan.FromDays(1), now);

    public async Task<JobReport> RunAsync(JobRun run, CancellationToken cancellationToken) =>
        JobReport.Of(("runs_deleted", await store.PruneAsync(clock.GetUtcNow() - Retention, cancellationToken)));
}
