using System.Globalization;

namespace UnifiedCustomers.Application.Common.Jobs;

/// <summary>
/// One run of a job: <paramref name="Key"/> names the period it covers (a UTC slot, or an
/// organization and its local date), so each run is done once however many replicas are up.
/// </summary>
public sealed record JobRun(string Key, Guid? OrganizationId = null)
{
    /// <summary>The run of the fixed-length UTC slot (from the Unix epoch) that contains <paramref name="now"/>.</summary>
    public static JobRun Every(TimeSpan interval, DateTimeOffset now)
    {
        var start = new DateTimeOffset(now.UtcTicks - (now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) % interval.Ticks, TimeSpan.Zero);
        return new JobRun(start.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture));
    }

    /// <summary>What a job that runs once per <paramref name="interval"/> has due: the run of the slot that contains <paramref name="now"/>.</summary>
    public static Task<IReadOnlyList<JobRun>> DueEvery(TimeSpan interval, DateTimeOffset now) =>
        Task.FromResult<IReadOnlyList<JobRun>>([Every(interval, now)]);

    /// <summary>The run of an organization's local date.</summary>
    public static JobRun Daily(Guid organizationId, DateOnly localDate) =>
        new($"{organizationId:N}/{localDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", organizationId);
}

/// <summary>What a run did, as named counts (customers_changed, records_deleted, ...): logged, stored with the run and counted.</summary>
public sealed record JobReport(IReadOnlyDictionary<string, long> Counts)
{
    public static JobReport Of(params (string Item, long Count)[] counts) =>
        new(counts.ToDictionary(c => c.Item, c => c.Count, StringComparer.Ordinal));

    public override string ToString() => string.Join(", ", Counts.Select(c => $"{c.Key} {c.Value}"));
}

/// <summary>
/// Work the host does by itself on a schedule (registered with <c>AddScheduledJob</c>; resolved in
/// a scope of its own per run). The scheduler asks which runs are due; a run whose key has been done
/// is never run again, and two replicas never run the same key at once (a claimed row per run).
/// </summary>
public interface IScheduledJob
{
    /// <summary>Stable: it names the job in the job_runs table, the logs and the metrics.</summary>
    string Name { get; }

    /// <summary>The runs due at <paramref name="now"/> (done ones may be listed again: they are skipped).</summary>
    Task<IReadOnlyList<JobRun>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Does one run. Throwing marks the run failed; it is tried again later.</summary>
    Task<JobReport> RunAsync(JobRun run, CancellationToken cancellationToken);
}

public static class JobOrganizations
{
    /// <summary>Every organization's id, in id order: jobs work organization by organization (row-level security scopes each).</summary>
    public static Task<List<Guid>> IdsInOrderAsync(this IQueryable<Domain.Organizations.Organization> organizations, CancellationToken ct) =>
        organizations.AsNoTracking().OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(ct);
}
