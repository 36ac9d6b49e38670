using UnifiedCustomers.Domain.Webhooks;

namespace UnifiedCustomers.Application.Webhooks;

/// <param name="EventTypes">empty: every event type</param>
/// <param name="FailingSince">since when every delivery failed; null while deliveries succeed</param>
public sealed record WebhookSubscriptionResponse(
    Guid Id,
    string Url,
    IReadOnlyList<string> EventTypes,
    string? Description,
    bool Enabled,
    DateTimeOffset? DisabledAt,
    string? DisabledReason,
    DateTimeOffset? FailingSince,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static WebhookSubscriptionResponse From(WebhookSubscription s) =>
        new(s.Id, s.Url, s.EventTypes, s.Description, s.Enabled, s.DisabledAt, s.DisabledReason, s.FailingSince, s.CreatedAt, s.UpdatedAt);
}

/// <summary>The subscription with its signing secret: shown this once, at creation.</summary>
/// <param name="Secret">the Standard Webhooks secret (whsec_ and base64): verify every delivery's webhook-signature with it</param>
public sealed record CreatedWebhookSubscriptionResponse(WebhookSubscriptionResponse Subscription, string Secret);

/// <param name="Secret">the new secret, shown this once</param>
/// <param name="PreviousSecretExpiresAt">until then deliveries carry signatures by both the new and the previous secret</param>
public sealed record RotatedWebhookSecretResponse(string Secret, DateTimeOffset PreviousSecretExpiresAt);

/// <param name="ResponseExcerpt">the first bytes (at most 1 KiB) of the receiver's answer</param>
public sealed record WebhookAttemptResponse(int Number, DateTimeOffset AttemptedAt, AttemptOutcome Outcome, int? ResponseStatus, int DurationMs, string? ResponseExcerpt, string? Error);

/// <param name="NextAttemptAt">when the next attempt is due, while pending</param>
public sealed record WebhookDeliveryResponse(
    Guid Id,
    Guid EventId,
    string EventType,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<WebhookAttemptResponse> AttemptLog);
