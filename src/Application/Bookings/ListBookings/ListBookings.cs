namespace UnifiedCustomers.Application.Bookings.ListBookings;

/// <summary>
/// The organization's bookings changed at or after an instant, oldest change first: how a consumer
/// that lost its events cursor resynchronises. The time is the database's, at the start of the
/// changing transaction; ask from a minute before the last change seen.
/// </summary>
public sealed record ListBookingsQuery(Guid OrganizationId, DateTimeOffset UpdatedSince, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : ITenantQuery<Result<PagedList<BookingResponse>>>, IPagedQuery
{
    /// <summary>The shadow column the database keeps (a default and a trigger); EF never writes it.</summary>
    public const string UpdatedAtColumn = "UpdatedAt";
}

internal sealed class ListBookingsValidator : AbstractValidator<ListBookingsQuery>
{
    public ListBookingsValidator()
    {
        Include(new PageRules());
    }
}

internal sealed class ListBookingsHandler(IAppDbContext db) : IQueryHandler<ListBookingsQuery, Result<PagedList<BookingResponse>>>
{
    public async ValueTask<Result<PagedList<BookingResponse>>> Handle(ListBookingsQuery query, CancellationToken ct)
    {
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == query.OrganizationId, ct);
        if (organization is null) return ApplicationErrors.OrganizationNotFound;
        var rows =
            from b in db.Bookings
            join s in db.ClassSessions on b.SessionId equals s.Id
            join t in db.ClassTypes on s.ClassTypeId equals t.Id
            where b.OrganizationId == query.OrganizationId && EF.Property<DateTimeOffset>(b, ListBookingsQuery.UpdatedAtColumn) >= query.UpdatedSince
            orderby EF.Property<DateTimeOffset>(b, ListBookingsQuery.UpdatedAtColumn), b.Id
            select new { Booking = b, s.StartsAt, s.ClassTypeId, ClassName = t.Name };
        var total = await rows.CountAsync(ct);
        var page = await rows.Skip(query.Offset()).Take(query.PageSize).AsNoTracking().ToListAsync(ct);
        var items = page.Select(r => new BookingResponse(
            r.Booking.Id, r.Booking.Status, r.Booking.CustomerId, r.Booking.SessionId, r.ClassTypeId, r.ClassName,
            r.StartsAt, organization.LocalTime(r.StartsAt), organization.TimeZone, r.Booking.PaymentMethod, r.Booking.MembershipId, r.Booking.PackId,
            null, null, r.Booking.WaitlistPosition, r.Booking.BookedAt, r.Booking.CancelledAt, r.Booking.CheckedInAt)).ToList();
        return new PagedList<BookingResponse>(items, query.Page, query.PageSize, total);
    }
}
