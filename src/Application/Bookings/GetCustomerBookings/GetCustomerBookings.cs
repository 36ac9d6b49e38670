using UnifiedCustomers.Application.Customers;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Bookings.GetCustomerBookings;

public enum BookingPeriod
{
    Upcoming,
    Past,
    All,
}

/// <summary>A customer's bookings: upcoming ones soonest first, past ones latest first.</summary>
public sealed record GetCustomerBookingsQuery(
    Guid OrganizationId,
    Guid CustomerId,
    BookingPeriod When = BookingPeriod.Upcoming,
    BookingStatus? Status = null,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : ITenantQuery<Result<PagedList<BookingResponse>>>, IOrganizationRequest, IPagedQuery;

internal sealed class GetCustomerBookingsValidator : AbstractValidator<GetCustomerBookingsQuery>
{
    public GetCustomerBookingsValidator()
    {
        RuleFor(q => q.CustomerId).NotEmpty();
        RuleFor(q => q.When).IsInEnum();
        RuleFor(q => q.Status).IsInEnum();
        Include(new PageRules());
    }
}

internal sealed class GetCustomerBookingsHandler(CurrentOrganization current, IAppDbContext db, TimeProvider clock)
    : IQueryHandler<GetCustomerBookingsQuery, Result<PagedList<BookingResponse>>>
{
    public async ValueTask<Result<PagedList<BookingResponse>>> Handle(GetCustomerBookingsQuery query, CancellationToken ct)
    {
        var organization = current.Organization;
        if (!await db.Customers.ExistsAsync(query.CustomerId, ct)) return CustomerErrors.NotFound;

        var now = clock.GetUtcNow();
        var rows =
            from b in db.Bookings
            join s in db.ClassSessions on b.SessionId equals s.Id
            join t in db.ClassTypes on s.ClassTypeId equals t.Id
            where b.CustomerId == query.CustomerId
            select new { Booking = b, s.StartsAt, s.ClassTypeId, ClassName = t.Name };
        if (query.Status is { } status) rows = rows.Where(r => r.Booking.Status == status);
        rows = query.When switch
        {
            // The id breaks ties (two rooms at 18:00, a class booked again after a cancellation): pages never repeat or skip one.
            BookingPeriod.Upcoming => rows.Where(r => r.StartsAt >= now).OrderBy(r => r.StartsAt).ThenBy(r => r.Booking.Id),
            BookingPeriod.Past => rows.Where(r => r.StartsAt < now).OrderByDescending(r => r.StartsAt).ThenByDescending(r => r.Booking.Id),
            _ => rows.OrderByDescending(r => r.StartsAt).ThenByDescending(r => r.Booking.Id),
        };
        var (page, total) = await query.PageOfAsync(rows.AsNoTracking(), ct);
        return query.Answer(page.Select(r => BookingResponses.Listed(r.Booking, r.StartsAt, r.ClassTypeId, r.ClassName, organization)).ToList(), total);
    }
}
