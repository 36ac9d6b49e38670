using UnifiedCustomers.Domain.Webhooks;

namespace UnifiedCustomers.Application.Webhooks.GetWebhookSubscription;

public sealed record GetWebhookSubscriptionQuery(Guid OrganizationId, Guid SubscriptionId) : ITenantQuery<Result<WebhookSubscriptionResponse>>;

internal sealed class GetWebhookSubscriptionHandler(IAppDbContext db) : IQueryHandler<GetWebhookSubscriptionQuery, Result<WebhookSubscriptionResponse>>
{
    public async ValueTask<Result<WebhookSubscriptionResponse>> Handle(GetWebhookSubscriptionQuery query, CancellationToken ct)
    {
        var subscription = await db.WebhookSubscriptions.AsNoTracking()
            .FirstOrDefaultAsync(s => s.Id == query.SubscriptionId, ct);
        return subscription is null ? WebhookErrors.NotFound : WebhookSubscriptionResponse.From(subscription);
    }
}
