using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace UnifiedCustomers.Application.Common.Telemetry;

/// <summary>
/// The application's own traces and metrics, in the BCL's types so that no layer below the host
/// depends on OpenTelemetry. The host subscribes to <see cref="SourceName"/> and <see cref="MeterName"/>;
/// other features add their instruments to <see cref="Meter"/> (names start with <c>uc.</c>).
/// </summary>
public static class AppTelemetry
{
    public const string SourceName = "UnifiedCustomers";
    public const string MeterName = "UnifiedCustomers";

    public static readonly ActivitySource Source = new(SourceName);
    public static readonly Meter Meter = new(MeterName);

    /// <summary>Tag names shared by the spans and the instruments.</summary>
    public static class Tags
    {
        public const string UseCase = "uc.use_case";
        public const string Outcome = "uc.outcome";
        public const string ErrorCode = "uc.error.code";
        public const string BookingStatus = "uc.booking.status";
        public const string PaymentMethod = "uc.payment_method";
        public const string SqlState = "db.response.status_code";
        public const string Job = "uc.job";
        public const string Item = "uc.item";
    }

    /// <summary>The outcome tag of a use case that succeeded; a refused one carries its error code.</summary>
    public const string Ok = "ok";

    /// <summary>The outcome tag of a use case that threw (a bug or the infrastructure): its span's status is Error.</summary>
    public const string Failed = "exception";

    /// <summary>Bookings made (committed), by the status they got and the payment method.</summary>
    public static readonly Counter<long> Bookings = CounterOf("uc.bookings", "{booking}", "Bookings made, by status (confirmed or waitlisted) and payment method.");

    /// <summary>Use cases refused with an expected business error, by use case and code.</summary>
    public static readonly Counter<long> Refusals = CounterOf("uc.refusals", "{refusal}", "Use cases refused with a business error, by use case and error code.");

    public static readonly Counter<long> UnitOfWorkRetries =
        CounterOf("uc.unit_of_work.retries", "{retry}", "Command transactions retried from the start, by SQLSTATE.");

    public static readonly Counter<long> IdempotentReplays =
        CounterOf("uc.idempotency.replays", "{replay}", "Requests answered with the stored first answer of their Idempotency-Key.");

    public static readonly Counter<long> WaitlistPromotions =
        CounterOf("uc.waitlist.promotions", "{booking}", "Waitlisted bookings promoted to confirmed (committed).");

    /// <summary>Events numbered by the sequencer and so visible on the feed (after commit, see ARCHITECTURE.md Events).</summary>
    public static readonly Counter<long> EventsPublished = CounterOf("uc.events.published", "{event}", "Committed events given their feed position (published).");

    /// <summary>Webhook delivery attempts, by result (succeeded, http_error, timed_out, network_error, address_refused).</summary>
    public static readonly Counter<long> WebhookDeliveries = CounterOf("uc.webhooks.deliveries", "{attempt}", "Webhook delivery attempts, by result.");

    /// <summary>The outbox's lag as an integrator sees it: from the event's occurrence (its transaction) to its successful delivery.</summary>
    public static readonly Histogram<double> WebhookDeliveryLag =
        SecondsOf("uc.webhooks.delivery_lag", "From an event's occurrence to its successful webhook delivery.");

    public static readonly Counter<long> JobRuns = CounterOf("uc.jobs.runs", "{run}", "Scheduled job runs, by job and outcome (succeeded or failed).");

    public static readonly Counter<long> JobItems =
        CounterOf("uc.jobs.items", "{item}", "What scheduled job runs did, by job and item (customers_changed, records_deleted, ...).");

    public static readonly Histogram<double> JobDuration = SecondsOf("uc.jobs.duration", "How long a scheduled job run took.");

    /// <summary>A counter on the application's meter.</summary>
    private static Counter<long> CounterOf(string name, string unit, string description) => Meter.CreateCounter<long>(name, unit, description);

    /// <summary>A histogram of durations on the application's meter, in seconds.</summary>
    private static Histogram<double> SecondsOf(string name, string description) => Meter.CreateHistogram<double>(name, "s", description);
}
