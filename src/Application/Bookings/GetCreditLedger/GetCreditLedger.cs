using UnifiedCustomers.Application.Customers;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Bookings.GetCreditLedger;

public sealed record GetCreditLedgerQuery(Guid OrganizationId, Guid CustomerId, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : ITenantQuery<Result<PagedList<LedgerEntryResponse>>>, IPagedQuery;

public sealed record LedgerEntryResponse(Guid Id, DateTimeOffset At, int Delta, LedgerReason Reason, Guid? BookingId, Guid? MembershipId, Guid? PackId);

internal sealed class GetCreditLedgerValidator : AbstractValidator<GetCreditLedgerQuery>
{
    public GetCreditLedgerValidator()
    {
        RuleFor(q => q.CustomerId).NotEmpty();
        Include(new PageRules());
    }
}

internal sealed class GetCreditLedgerHandler(IAppDbContext db, TypeAdapterConfig mapping)
    : IQueryHandler<GetCreditLedgerQuery, Result<PagedList<LedgerEntryResponse>>>
{
    public async ValueTask<Result<PagedList<LedgerEntryResponse>>> Handle(GetCreditLedgerQuery query, CancellationToken ct)
    {
        if (!await db.Customers.ExistsAsync(query.CustomerId, ct)) return CustomerErrors.NotFound;
        var total = await db.Query(CreditLedgerOfCustomer.All(query.CustomerId)).CountAsync(ct);
        var items = await db.Query(new CreditLedgerOfCustomer(query.CustomerId, query.Page, query.PageSize))
            .ProjectToType<LedgerEntryResponse>(mapping)
            .ToListAsync(ct);
        return query.Answer(items, total);
    }
}
