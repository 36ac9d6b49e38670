namespace UnifiedCustomers.Infrastructure.Jobs;

/// <summary>The scheduler inside the host (section <c>Jobs</c>).</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Off: this replica runs no job (the others still do).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the scheduler looks for due runs.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a claimed run stays claimed without its scheduler renewing it (it renews every third of this while the run works).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    public IEnumerable<string> Problems()
    {
        if (PollInterval < TimeSpan.FromSeconds(1) || PollInterval > TimeSpan.FromHours(1))
            yield return "Jobs:PollInterval must be between 00:00:01 and 01:00:00.";
        if (Lease < TimeSpan.FromSeconds(30) || Lease > TimeSpan.FromHours(6))
            yield return "Jobs:Lease must be between 00:00:30 and 06:00:00.";
    }
}
