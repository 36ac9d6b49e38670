namespace UnifiedCustomers.Domain.Webhooks;

public static class WebhookErrors
{
    public static readonly Error NotFound = Error.NotFound("webhook.not_found", "No such webhook subscription.");
    public static readonly Error DeliveryNotFound = Error.NotFound("webhook.delivery_not_found", "No such delivery of this subscription.");
    public static readonly Error UrlInvalid = Error.Invalid("webhook.url_invalid", $"The URL must be absolute, http or https, without credentials, and at most {WebhookSubscription.UrlMaxLength} characters.", "url");
    public static readonly Error UrlNotHttps = Error.Invalid("webhook.url_not_https", "The URL must use https.", "url");
    public static readonly Error UrlNotPublic = Error.Invalid("webhook.url_not_public", "The URL resolves to a loopback, link-local, private or otherwise non-public address.", "url");
    public static readonly Error UrlUnresolvable = Error.Invalid("webhook.url_unresolvable", "The URL's host name does not resolve.", "url");
    public static readonly Error EventTypeUnknown = Error.Invalid("webhook.event_type_unknown", "Every event type must be one of docs/events.md (at most 100).", "eventTypes");
    public static readonly Error DescriptionTooLong = Error.Invalid("webhook.description_too_long", $"A description is at most {WebhookSubscription.DescriptionMaxLength} characters.", "description");
}
