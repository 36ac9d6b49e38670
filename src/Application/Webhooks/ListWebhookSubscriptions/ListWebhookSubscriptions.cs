namespace UnifiedCustomers.Application.Webhooks.ListWebhookSubscriptions;

public sealed record ListWebhookSubscriptionsQuery(Guid OrganizationId, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : ITenantQuery<Result<PagedList<WebhookSubscriptionResponse>>>, IPagedQuery;

internal sealed class ListWebhookSubscriptionsValidator : AbstractValidator<ListWebhookSubscriptionsQuery>
{
    public ListWebhookSubscriptionsValidator()
    {
        Include(new PageRules());
    }
}

internal sealed class ListWebhookSubscriptionsHandler(IAppDbContext db)
    : IQueryHandler<ListWebhookSubscriptionsQuery, Result<PagedList<WebhookSubscriptionResponse>>>
{
    public async ValueTask<Result<PagedList<WebhookSubscriptionResponse>>> Handle(ListWebhookSubscriptionsQuery query, CancellationToken ct)
    {
        var all = db.WebhookSubscriptions.AsNoTracking();
        var (page, total) = await query.PageOfAsync(all.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id), ct);
        return query.Answer(page.Select(WebhookSubscriptionResponse.From).ToList(), total);
    }
}
