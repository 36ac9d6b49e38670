using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Members.AuthenticateMember;

/// <summary>
/// Whether a signed customer token still counts, asked on every member request: its row is not
/// revoked or expired and its customer is neither archived nor erased. The signature only proves
/// who issued the token; this answers whether it may still be used.
/// </summary>
public sealed record AuthenticateMemberQuery(Guid OrganizationId, Guid CustomerId, Guid TokenId) : ITenantQuery<Result>;

internal sealed class AuthenticateMemberHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<AuthenticateMemberQuery, Result>
{
    public async ValueTask<Result> Handle(AuthenticateMemberQuery query, CancellationToken ct)
    {
        var found = await (
            from t in db.CustomerAccessTokens.AsNoTracking()
            join c in db.Customers.AsNoTracking() on new { t.OrganizationId, t.CustomerId } equals new { c.OrganizationId, CustomerId = c.Id }
            where t.Id == query.TokenId
            select new { Token = t, Customer = c }).FirstOrDefaultAsync(ct);
        if (found is null || found.Token.CustomerId != query.CustomerId) return CustomerAccessErrors.Revoked;
        return found.Token.EnsureUsable(found.Customer, clock.GetUtcNow());
    }
}
