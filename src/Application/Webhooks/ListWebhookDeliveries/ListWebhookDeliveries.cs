using UnifiedCustomers.Domain.Webhooks;

namespace UnifiedCustomers.Application.Webhooks.ListWebhookDeliveries;

/// <summary>A subscription's deliveries, newest first, each with the log of its attempts.</summary>
public sealed record ListWebhookDeliveriesQuery(Guid OrganizationId, Guid SubscriptionId, DeliveryStatus? Status = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : ITenantQuery<Result<PagedList<WebhookDeliveryResponse>>>, IPagedQuery;

internal sealed class ListWebhookDeliveriesValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesValidator()
    {
        RuleFor(q => q.Status).IsInEnum().WithMessage("The status is one of pending, succeeded or failed.");
        Include(new PageRules());
    }
}

internal sealed class ListWebhookDeliveriesHandler(IAppDbContext db)
    : IQueryHandler<ListWebhookDeliveriesQuery, Result<PagedList<WebhookDeliveryResponse>>>
{
    public async ValueTask<Result<PagedList<WebhookDeliveryResponse>>> Handle(ListWebhookDeliveriesQuery query, CancellationToken ct)
    {
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == query.SubscriptionId, ct))
            return WebhookErrors.NotFound;
        var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == query.SubscriptionId);
        if (query.Status is { } status) deliveries = deliveries.Where(d => d.Status == status);
        var (page, total) = await query.PageOfAsync(deliveries.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id), ct);
        var ids = page.Select(d => d.Id).ToList();
        var attempts = (await db.WebhookDeliveryAttempts.AsNoTracking()
                .Where(a => ids.Contains(a.DeliveryId))
                .OrderBy(a => a.Number)
                .ToListAsync(ct))
            .ToLookup(a => a.DeliveryId);
        return query.Answer(page.Select(d => WebhookDeliveries.Response(d, attempts[d.Id])).ToList(), total);
    }
}

internal static class WebhookDeliveries
{
    public static WebhookDeliveryResponse Response(WebhookDelivery d, IEnumerable<WebhookDeliveryAttempt> attempts) => new(
        d.Id, d.EventId, d.EventType, d.Status, d.Attempts, d.CreatedAt, d.Status == DeliveryStatus.Pending ? d.NextAttemptAt : null, d.LastAttemptAt, d.CompletedAt,
        attempts.Select(a => new WebhookAttemptResponse(a.Number, a.AttemptedAt, a.Outcome, a.ResponseStatus, a.DurationMs, a.ResponseExcerpt, a.Error)).ToList());
}
