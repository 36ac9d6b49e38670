using UnifiedCustomers.Application.Webhooks.CreateWebhookSubscription;
using UnifiedCustomers.Domain.Webhooks;

namespace UnifiedCustomers.Application.Webhooks.UpdateWebhookSubscription;

/// <summary>Changes what is given and keeps the rest (a null field is left as it is; an empty description clears it).</summary>
public sealed record UpdateWebhookSubscriptionCommand(
    Guid OrganizationId, Guid SubscriptionId, string? Url, IReadOnlyList<string>? EventTypes, string? Description, bool? Enabled)
    : ITenantCommand<Result<WebhookSubscriptionResponse>>;

internal sealed class UpdateWebhookSubscriptionHandler(IAppDbContext db, IWebhookUrlPolicy urls, TimeProvider clock)
    : ICommandHandler<UpdateWebhookSubscriptionCommand, Result<WebhookSubscriptionResponse>>
{
    public async ValueTask<Result<WebhookSubscriptionResponse>> Handle(UpdateWebhookSubscriptionCommand command, CancellationToken ct)
    {
        var subscription = await db.WebhookSubscriptions
            .FirstOrDefaultAsync(s => s.Id == command.SubscriptionId, ct);
        if (subscription is null) return WebhookErrors.NotFound;
        var types = command.EventTypes ?? subscription.EventTypes;
        if (!WebhookEventTypes.AllKnown(types)) return WebhookErrors.EventTypeUnknown;
        return (await urls.CheckAsync(command.Url ?? subscription.Url, ct))
            .Bind(url => subscription.Change(url, types, command.Description ?? subscription.Description, command.Enabled ?? subscription.Enabled, clock.GetUtcNow()))
            .Map(() => WebhookSubscriptionResponse.From(subscription));
    }
}
