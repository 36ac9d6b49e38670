namespace UnifiedCustomers.Api.Webhooks;

/// <param name="Url">where deliveries are posted: https, and a public address unless the server allows private ones</param>
/// <param name="EventTypes">the event types to deliver (docs/events.md); every type when empty or left out</param>
internal sealed record CreateWebhookSubscriptionRequest(string Url, IReadOnlyList<string>? EventTypes = null, string? Description = null, bool Enabled = true);

/// <summary>A merge patch: only the fields given change.</summary>
/// <param name="EventTypes">null (or empty): every type</param>
/// <param name="Description">null (or an empty string) clears it</param>
/// <param name="Enabled">true re-enables a disabled subscription (and forgets its failures)</param>
internal sealed record UpdateWebhookSubscriptionRequest(string? Url = null, IReadOnlyList<string>? EventTypes = null, string? Description = null, bool? Enabled = null);

internal static class WebhooksEndpoints
{
    public static RouteGroupBuilder MapWebhooks(this RouteGroupBuilder api)
    {
        var subscriptions = api.MapGroup("/webhook-subscriptions").WithTags("Webhooks");

        subscriptions.MapPost("/", (CreateWebhookSubscriptionRequest request, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendCreated(new CreateWebhookSubscriptionCommand(tenant.OrganizationId, request.Url, request.EventTypes, request.Description, request.Enabled),
                    s => $"/api/v1/webhook-subscriptions/{s.Subscription.Id}", ct))
            .Creates<CreatedWebhookSubscriptionResponse>("CreateWebhookSubscription", "Subscribe a URL to events; the answer shows the signing secret, this once");

        subscriptions.MapGet("/", (Tenant tenant, IMediator mediator, CancellationToken ct, int page = 1, int pageSize = Paging.DefaultPageSize) =>
                mediator.SendOk(new ListWebhookSubscriptionsQuery(tenant.OrganizationId, page, pageSize), ct))
            .Answers<PagedList<WebhookSubscriptionResponse>>("ListWebhookSubscriptions", "The organization's webhook subscriptions (without secrets)");

        subscriptions.MapGet("/{subscriptionId}", (Guid subscriptionId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new GetWebhookSubscriptionQuery(tenant.OrganizationId, subscriptionId), ct))
            .Answers<WebhookSubscriptionResponse>("GetWebhookSubscription", "A webhook subscription (without its secret)", 404);

        subscriptions.MapPatch("/{subscriptionId}", (Guid subscriptionId, HttpRequest http, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendPatch(http, (MergePatchBody<UpdateWebhookSubscriptionRequest> p) => new UpdateWebhookSubscriptionCommand(
                    tenant.OrganizationId, subscriptionId, p.Field("url", p.Body.Url), p.Field("eventTypes", p.Body.EventTypes),
                    p.Field("description", p.Body.Description), p.Field("enabled", p.Body.Enabled)), ct))
            .Patches<UpdateWebhookSubscriptionRequest, WebhookSubscriptionResponse>("UpdateWebhookSubscription",
                "Change a subscription's URL, event types, description or enabled state (JSON Merge Patch)", 404);

        subscriptions.MapDelete("/{subscriptionId}", async (Guid subscriptionId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new DeleteWebhookSubscriptionCommand(tenant.OrganizationId, subscriptionId), ct)).ToNoContent())
            .WithName("DeleteWebhookSubscription")
            .WithSummary("Delete a subscription with its deliveries and their log (the events stay in the feed)")
            .Produces(StatusCodes.Status204NoContent)
            .Problems(404);

        subscriptions.MapPost("/{subscriptionId}/rotate-secret", (Guid subscriptionId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new RotateWebhookSecretCommand(tenant.OrganizationId, subscriptionId), ct))
            .Answers<RotatedWebhookSecretResponse>("RotateWebhookSecret",
                "A new signing secret, shown this once; the previous one keeps signing alongside for 24 hours", 404);

        subscriptions.MapGet("/{subscriptionId}/deliveries", async (
                Guid subscriptionId, Tenant tenant, IMediator mediator, CancellationToken ct,
                string? status = null, int page = 1, int pageSize = Paging.DefaultPageSize) =>
            {
                if (QueryValues.TryEnum<DeliveryStatus>(status, "status", out var deliveryStatus) is { } badStatus) return badStatus;
                return (await mediator.Send(new ListWebhookDeliveriesQuery(tenant.OrganizationId, subscriptionId, deliveryStatus, page, pageSize), ct)).ToOk();
            })
            .WithName("ListWebhookDeliveries")
            .WithSummary("A subscription's deliveries, newest first, each with its attempt log")
            .WithDescription("`status`: pending, succeeded or failed.")
            .Produces<PagedList<WebhookDeliveryResponse>>()
            .Problems(404);

        subscriptions.MapPost("/{subscriptionId}/deliveries/{deliveryId}/redeliver", (Guid subscriptionId, Guid deliveryId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new RedeliverWebhookCommand(tenant.OrganizationId, subscriptionId, deliveryId), ct))
            .Answers<WebhookDeliveryResponse>("RedeliverWebhook", "Send a delivery again now, with the same event id, and retry it for another retry period", 404);

        return api;
    }
}
