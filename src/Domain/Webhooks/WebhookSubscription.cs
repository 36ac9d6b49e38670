using System.Security.Cryptography;

namespace UnifiedCustomers.Domain.Webhooks;

/// <summary>
/// An integrator's endpoint and the event types it wants. Deliveries are signed with the secret
/// (Standard Webhooks); after a rotation the previous secret signs too, for a grace period, so the
/// receiver can switch without losing a delivery. A subscription that keeps failing is disabled.
/// </summary>
public sealed class WebhookSubscription : Entity, ITenantOwned
{
    public const int UrlMaxLength = 2000;
    public const int DescriptionMaxLength = 500;
    public const int MaxEventTypes = 100;
    public static readonly TimeSpan PreviousSecretGrace = TimeSpan.FromHours(24);

    private WebhookSubscription() { }

    public Guid OrganizationId { get; private set; }
    public string Url { get; private set; } = "";
    /// <summary>Empty: every event type.</summary>
    public string[] EventTypes { get; private set; } = [];
    public string? Description { get; private set; }
    public bool Enabled { get; private set; }
    public string Secret { get; private set; } = "";
    public string? PreviousSecret { get; private set; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; private set; }
    /// <summary>Since when every delivery has failed; null after a success.</summary>
    public DateTimeOffset? FailingSince { get; private set; }
    public DateTimeOffset? DisabledAt { get; private set; }
    public string? DisabledReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <param name="url">checked by the caller: absolute, http(s), and not pointing into a private network</param>
    /// <param name="eventTypes">checked by the caller against the event catalog</param>
    public static Result<WebhookSubscription> Create(
        Guid organizationId, Uri url, IReadOnlyCollection<string> eventTypes, string? description, bool enabled, DateTimeOffset now)
    {
        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = organizationId,
            Secret = NewSecret(),
            CreatedAt = now,
        };
        return subscription.Change(url, eventTypes, description, enabled, now).Map(() => subscription);
    }

    /// <summary>Re-enabling forgets past failures: the next failure starts a new count.</summary>
    public Result Change(Uri url, IReadOnlyCollection<string> eventTypes, string? description, bool enabled, DateTimeOffset now)
    {
        if (url.OriginalString.Length > UrlMaxLength) return WebhookErrors.UrlInvalid;
        if (description is { Length: > DescriptionMaxLength }) return WebhookErrors.DescriptionTooLong;
        if (eventTypes.Count > MaxEventTypes) return WebhookErrors.EventTypeUnknown;
        Url = url.OriginalString;
        EventTypes = eventTypes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (enabled && !Enabled)
        {
            FailingSince = null;
            DisabledAt = null;
            DisabledReason = null;
        }
        else if (!enabled && Enabled)
        {
            DisabledAt = now;
            DisabledReason = "disabled by staff";
        }
        Enabled = enabled;
        UpdatedAt = now;
        return Result.Success();
    }

    public bool Wants(string eventType) => EventTypes.Length == 0 || EventTypes.Contains(eventType, StringComparer.Ordinal);

    /// <summary>A new secret; the old one keeps signing for <see cref="PreviousSecretGrace"/>.</summary>
    public string RotateSecret(DateTimeOffset now)
    {
        PreviousSecret = Secret;
        PreviousSecretExpiresAt = now + PreviousSecretGrace;
        Secret = NewSecret();
        UpdatedAt = now;
        return Secret;
    }

    /// <summary>The secrets a delivery is signed with now: the current one, and the previous one during its grace period.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecret is not null && PreviousSecretExpiresAt > now ? [Secret, PreviousSecret] : [Secret];

    public void RecordSuccess() => FailingSince = null;

    /// <summary>A failed attempt; failing without a single success for <paramref name="disableAfter"/> disables the subscription.</summary>
    /// <returns>true when this failure disabled it</returns>
    public bool RecordFailure(DateTimeOffset now, TimeSpan disableAfter)
    {
        FailingSince ??= now;
        if (!Enabled || now - FailingSince < disableAfter) return false;
        Enabled = false;
        DisabledAt = now;
        DisabledReason = $"every delivery failed since {FailingSince:O}";
        UpdatedAt = now;
        Raise(new WebhookSubscriptionDisabled(this));
        return true;
    }

    /// <summary>Standard Webhooks secrets: "whsec_" and 32 random bytes in base64.</summary>
    private static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}

public sealed record WebhookSubscriptionDisabled(WebhookSubscription Subscription) : IDomainEvent { public ITenantOwned Subject => Subscription; }
