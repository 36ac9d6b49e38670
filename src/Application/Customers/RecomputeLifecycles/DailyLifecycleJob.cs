using UnifiedCustomers.Application.Common.Jobs;

namespace UnifiedCustomers.Application.Customers.RecomputeLifecycles;

/// <summary>Recomputes each organization's lifecycles once a day, after midnight in the studio's time zone.</summary>
internal sealed class DailyLifecycleJob(IAppDbContext db, ISender sender) : IScheduledJob
{
    public string Name => "lifecycle-recompute";

    public async Task<IReadOnlyList<JobRun>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var organizations = await db.Organizations.AsNoTracking().ToListAsync(cancellationToken);
        return organizations.Select(o => JobRun.Daily(o.Id, o.LocalDate(now))).ToList();
    }

    public async Task<JobReport> RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new RecomputeLifecyclesCommand(run.OrganizationId!.Value), cancellationToken);
        // An organization deleted since the run was listed has nothing left to recompute.
        if (result.Error == ApplicationErrors.OrganizationNotFound) return JobReport.Of();
        if (result.IsFailure) throw new InvalidOperationException($"Recomputing the lifecycles of {run.OrganizationId} failed: {result.Error!.Code}");
        var done = result.Value;
        return JobReport.Of(
            ("memberships_expired", done.MembershipsExpired), ("customers_checked", done.CustomersChecked), ("customers_changed", done.CustomersChanged));
    }
}
