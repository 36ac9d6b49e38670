namespace UnifiedCustomers.Domain.Webhooks;

public enum DeliveryStatus
{
    Pending,
    Succeeded,
    /// <summary>Retried for the whole retry period without success; a redelivery starts it again.</summary>
    Failed,
}

public enum AttemptOutcome
{
    /// <summary>The receiver answered 2xx.</summary>
    Succeeded,
    /// <summary>The receiver answered, but not 2xx.</summary>
    HttpError,
    TimedOut,
    /// <summary>No connection, TLS failure, connection reset.</summary>
    NetworkError,
    /// <summary>The host resolved to an address deliveries may not go to (loopback, private, link-local).</summary>
    AddressRefused,
}

/// <summary>
/// How failed deliveries are retried: exponential back-off from <see cref="FirstRetryAfter"/> (times 3,
/// at most <see cref="MaxDelay"/>) with ±20% jitter, for at least <see cref="RetryFor"/>.
/// </summary>
public sealed record RetryPolicy(TimeSpan FirstRetryAfter, TimeSpan MaxDelay, TimeSpan RetryFor)
{
    public static readonly RetryPolicy Default = new(TimeSpan.FromSeconds(5), TimeSpan.FromHours(4), TimeSpan.FromHours(24));

    /// <param name="failures">the failed attempts so far, at least 1</param>
    /// <param name="jitter">uniform in [0, 1)</param>
    public TimeSpan DelayAfter(int failures, double jitter)
    {
        var exponential = FirstRetryAfter.TotalSeconds * Math.Pow(3, Math.Min(failures - 1, 30));
        var seconds = Math.Min(exponential, MaxDelay.TotalSeconds) * (0.8 + 0.4 * jitter);
        return TimeSpan.FromSeconds(seconds);
    }
}

/// <summary>
/// One event for one subscription. Created by the publisher when the event is sequenced; a worker
/// leases it (next_attempt_at moves past the lease), posts, and records the attempt here.
/// </summary>
public sealed class WebhookDelivery : Entity, ITenantOwned
{
    public const int ResponseExcerptMaxLength = 1024;

    private WebhookDelivery() { }

    public Guid OrganizationId { get; private set; }
    public Guid SubscriptionId { get; private set; }
    public Guid EventId { get; private set; }
    public string EventType { get; private set; } = "";
    public DeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    /// <summary>The worker holding the delivery right now; its attempt counts only while this still matches.</summary>
    public Guid? LeaseId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Start of the current retry period: creation, or the last redelivery.</summary>
    public DateTimeOffset RetryingSince { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    public bool IsLeasedBy(Guid leaseId) => Status == DeliveryStatus.Pending && LeaseId == leaseId;

    public WebhookDeliveryAttempt RecordAttempt(
        AttemptOutcome outcome, int? responseStatus, string? responseExcerpt, string? error, TimeSpan duration, DateTimeOffset now, RetryPolicy policy, double jitter)
    {
        Attempts++;
        LastAttemptAt = now;
        LeaseId = null;
        if (outcome == AttemptOutcome.Succeeded)
        {
            Status = DeliveryStatus.Succeeded;
            CompletedAt = now;
        }
        else if (now - RetryingSince >= policy.RetryFor)
        {
            Status = DeliveryStatus.Failed;
            CompletedAt = now;
        }
        else
        {
            NextAttemptAt = now + policy.DelayAfter(Attempts, jitter);
        }
        return new WebhookDeliveryAttempt(this, Attempts, outcome, responseStatus,
            responseExcerpt is { Length: > ResponseExcerptMaxLength } ? responseExcerpt[..ResponseExcerptMaxLength] : responseExcerpt,
            error is { Length: > ResponseExcerptMaxLength } ? error[..ResponseExcerptMaxLength] : error,
            (int)Math.Min(int.MaxValue, Math.Round(duration.TotalMilliseconds)), now);
    }

    /// <summary>Send it again now, whatever happened before, with a new retry period. Same event id: receivers de-duplicate by it.</summary>
    public void Redeliver(DateTimeOffset now)
    {
        Status = DeliveryStatus.Pending;
        NextAttemptAt = now;
        RetryingSince = now;
        LeaseId = null;
        CompletedAt = null;
    }
}

/// <summary>One POST of a delivery: what came back and how long it took. The log of a delivery.</summary>
public sealed class WebhookDeliveryAttempt : ITenantOwned
{
    private WebhookDeliveryAttempt() { }

    internal WebhookDeliveryAttempt(
        WebhookDelivery delivery, int number, AttemptOutcome outcome, int? responseStatus, string? responseExcerpt, string? error, int durationMs, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        OrganizationId = delivery.OrganizationId;
        DeliveryId = delivery.Id;
        Number = number;
        Outcome = outcome;
        ResponseStatus = responseStatus;
        ResponseExcerpt = responseExcerpt;
        Error = error;
        DurationMs = durationMs;
        AttemptedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid DeliveryId { get; private set; }
    public int Number { get; private set; }
    public AttemptOutcome Outcome { get; private set; }
    public int? ResponseStatus { get; private set; }
    /// <summary>The first bytes of the response body (at most 1 KiB).</summary>
    public string? ResponseExcerpt { get; private set; }
    public string? Error { get; private set; }
    public int DurationMs { get; private set; }
    public DateTimeOffset AttemptedAt { get; private set; }
}
