using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Application.Customers;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Members.ListAccessTokens;

/// <summary>A customer's access tokens, newest first (at most the last 100).</summary>
public sealed record ListAccessTokensQuery(Guid OrganizationId, Guid CustomerId) : ITenantQuery<Result<IReadOnlyList<AccessTokenResponse>>>;

internal sealed class ListAccessTokensValidator : AbstractValidator<ListAccessTokensQuery>
{
    public ListAccessTokensValidator() => RuleFor(q => q.CustomerId).NotEmpty().WithMessage("Name the customer.");
}

internal sealed class ListAccessTokensHandler(IAppDbContext db) : IQueryHandler<ListAccessTokensQuery, Result<IReadOnlyList<AccessTokenResponse>>>
{
    public const int Limit = 100;

    public async ValueTask<Result<IReadOnlyList<AccessTokenResponse>>> Handle(ListAccessTokensQuery query, CancellationToken ct)
    {
        if (!await db.Customers.ExistsInAsync(query.OrganizationId, query.CustomerId, ct)) return CustomerErrors.NotFound;
        var tokens = await db.CustomerAccessTokens.AsNoTracking()
            .Where(t => t.OrganizationId == query.OrganizationId && t.CustomerId == query.CustomerId)
            .OrderByDescending(t => t.IssuedAt).ThenByDescending(t => t.Id)
            .Take(Limit)
            .ToListAsync(ct);
        return tokens.Select(AccessTokenResponse.From).ToList();
    }
}
