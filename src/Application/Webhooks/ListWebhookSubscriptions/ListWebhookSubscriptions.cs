using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Common;

namespace UnifiedCustomers.Application.Webhooks.ListWebhookSubscriptions;

public sealed record ListWebhookSubscriptionsQuery(Guid OrganizationId, int Page = 1, int PageSize = ListWebhookSubscriptionsQuery.DefaultPageSize)
    : ITenantQuery<Result<PagedList<WebhookSubscriptionResponse>>>
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
}

internal sealed class ListWebhookSubscriptionsValidator : AbstractValidator<ListWebhookSubscriptionsQuery>
{
    public ListWebhookSubscriptionsValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("Pages start at 1.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, ListWebhookSubscriptionsQuery.MaxPageSize)
            .WithMessage($"A page holds between 1 and {ListWebhookSubscriptionsQuery.MaxPageSize} subscriptions.");
    }
}

internal sealed class ListWebhookSubscriptionsHandler(IAppDbContext db)
    : IQueryHandler<ListWebhookSubscriptionsQuery, Result<PagedList<WebhookSubscriptionResponse>>>
{
    public async ValueTask<Result<PagedList<WebhookSubscriptionResponse>>> Handle(ListWebhookSubscriptionsQuery query, CancellationToken ct)
    {
        var all = db.WebhookSubscriptions.AsNoTracking().Where(s => s.OrganizationId == query.OrganizationId);
        var total = await all.CountAsync(ct);
        var page = await all.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        return new PagedList<WebhookSubscriptionResponse>(page.Select(WebhookSubscriptionResponse.From).ToList(), query.Page, query.PageSize, total);
    }
}
