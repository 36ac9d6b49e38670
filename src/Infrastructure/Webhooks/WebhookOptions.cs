using UnifiedCustomers.Domain.Webhooks;

namespace UnifiedCustomers.Infrastructure.Webhooks;

/// <summary>The `Webhooks` configuration section (README lists each setting).</summary>
public sealed class WebhookOptions
{
    /// <summary>Whether this process runs the delivery worker.</summary>
    public bool WorkerEnabled { get; set; } = true;
    /// <summary>Allow URLs that resolve to loopback, private, link-local or other non-public addresses (development and tests only).</summary>
    public bool AllowPrivateAddresses { get; set; }
    public bool RequireHttps { get; set; } = true;
    /// <summary>How long one POST may take, from connecting to the end of the answer's first bytes.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Deliveries one worker claims at a time.</summary>
    public int BatchSize { get; set; } = 16;
    /// <summary>How often an idle worker looks for due deliveries (it is also woken by the publisher of its own process).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
    public TimeSpan FirstRetryAfter { get; set; } = RetryPolicy.Default.FirstRetryAfter;
    public TimeSpan MaxRetryDelay { get; set; } = RetryPolicy.Default.MaxDelay;
    /// <summary>A delivery is retried for at least this long after its first attempt (then it fails and can be redelivered).</summary>
    public TimeSpan RetryFor { get; set; } = RetryPolicy.Default.RetryFor;
    /// <summary>A subscription whose deliveries have all failed for this long is disabled (webhook_subscription.disabled).</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(5);

    public RetryPolicy Retry => new(FirstRetryAfter, MaxRetryDelay, RetryFor);

    /// <summary>
    /// How long a claim holds a batch: every delivery of it may take the whole timeout in turn. A
    /// worker that dies leaves its deliveries to be claimed again after this.
    /// </summary>
    public TimeSpan Lease => (Timeout + TimeSpan.FromSeconds(2)) * BatchSize;

    public const string Section = "Webhooks";

    /// <summary>What is wrong with these settings, one sentence each (checked before the host starts).</summary>
    public IEnumerable<string> Problems()
    {
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(2)) yield return "Webhooks:Timeout must be between 0 and 2 minutes.";
        if (BatchSize is < 1 or > 500) yield return "Webhooks:BatchSize must be between 1 and 500.";
        if (PollInterval <= TimeSpan.Zero) yield return "Webhooks:PollInterval must be positive.";
        if (FirstRetryAfter <= TimeSpan.Zero || MaxRetryDelay < FirstRetryAfter) yield return "Webhooks:FirstRetryAfter must be positive and at most Webhooks:MaxRetryDelay.";
        if (RetryFor < TimeSpan.FromHours(24)) yield return "Webhooks:RetryFor must be at least 24 hours.";
        if (DisableAfter < RetryFor) yield return "Webhooks:DisableAfter must be at least Webhooks:RetryFor.";
    }
}
