namespace UnifiedCustomers.Infrastructure.Jobs;

/// <summary>
/// One run of a scheduled job, claimed by one scheduler (replica) at a time: the primary key
/// (job, run_key) makes a run exist once; <see cref="LeaseUntil"/> lets another replica take over a
/// run whose scheduler died, and delays the retry of a failed one. Written with SQL by <see cref="JobRunStore"/>.
/// </summary>
internal sealed class JobRunRecord
{
    public const int JobMaxLength = 100;
    public const int RunKeyMaxLength = 200;
    public const int ClaimedByMaxLength = 200;

    private JobRunRecord() { }

    public string Job { get; private set; } = "";
    public string RunKey { get; private set; } = "";
    /// <summary>running, succeeded or failed</summary>
    public string Status { get; private set; } = "";
    public int Attempts { get; private set; }
    public string ClaimedBy { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset LeaseUntil { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    /// <summary>The run's counts as a JSON object.</summary>
    public string? Report { get; private set; }
    public string? Error { get; private set; }
}
