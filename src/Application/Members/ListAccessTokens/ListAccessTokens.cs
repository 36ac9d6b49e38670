using UnifiedCustomers.Application.Customers;
using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Members.ListAccessTokens;

/// <summary>A customer's access tokens, newest first, a page at a time.</summary>
public sealed record ListAccessTokensQuery(Guid OrganizationId, Guid CustomerId, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : ITenantQuery<Result<PagedList<AccessTokenResponse>>>, IPagedQuery;

internal sealed class ListAccessTokensValidator : AbstractValidator<ListAccessTokensQuery>
{
    public ListAccessTokensValidator()
    {
        RuleFor(q => q.CustomerId).NotEmpty().WithMessage("Name the customer.");
        Include(new PageRules());
    }
}

internal sealed class ListAccessTokensHandler(IAppDbContext db) : IQueryHandler<ListAccessTokensQuery, Result<PagedList<AccessTokenResponse>>>
{
    public async ValueTask<Result<PagedList<AccessTokenResponse>>> Handle(ListAccessTokensQuery query, CancellationToken ct)
    {
        if (!await db.Customers.ExistsAsync(query.CustomerId, ct)) return CustomerErrors.NotFound;
        var tokens = db.CustomerAccessTokens.AsNoTracking().Where(t => t.CustomerId == query.CustomerId);
        var (page, total) = await query.PageOfAsync(tokens.OrderByDescending(t => t.IssuedAt).ThenByDescending(t => t.Id), ct);
        return query.Answer(page.Select(AccessTokenResponse.From).ToList(), total);
    }
}
