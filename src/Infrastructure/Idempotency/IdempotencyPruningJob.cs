using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Application.Common.Jobs;
using UnifiedCustomers.Infrastructure.Persistence;

namespace UnifiedCustomers.Infrastructure.Idempotency;

/// <summary>
/// Deletes idempotency records past their retention, every hour. A new request with a key already
/// prunes its own organization's; this catches the organizations that stopped sending. Row-level
/// security scopes every delete to one organization, so it runs organization by organization.
/// </summary>
internal sealed class IdempotencyPruningJob(AppDbContext db, IUnitOfWork unitOfWork, TimeProvider clock) : IScheduledJob
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public string Name => "idempotency-pruning";

    public Task<IReadOnlyList<JobRun>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        JobRun.DueEvery(Interval, now);

    public async Task<JobReport> RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        var organizations = await db.Organizations.IdsInOrderAsync(cancellationToken);
        var cutoff = clock.GetUtcNow() - IdempotencyStore.Retention;
        long deleted = 0;
        foreach (var organizationId in organizations)
        {
            deleted += await unitOfWork.RunAsync(
                organizationId,
                ct => db.Database.ExecuteSqlInterpolatedAsync(
                    $"DELETE FROM idempotency_records WHERE organization_id = {organizationId} AND created_at < {cutoff}", ct),
                _ => true,
                cancellationToken);
        }
        return JobReport.Of(("organizations", organizations.Count), ("records_deleted", deleted));
    }
}
