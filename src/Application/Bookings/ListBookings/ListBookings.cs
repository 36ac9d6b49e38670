namespace UnifiedCustomers.Application.Bookings.ListBookings;

/// <summary>
/// The organization's bookings changed at or after an instant, oldest change first: how a consumer
/// that lost its events cursor resynchronises. The time is the database's, at the start of the
/// changing transaction; ask from a minute before the last change seen.
/// </summary>
public sealed record ListBookingsQuery(Guid OrganizationId, DateTimeOffset UpdatedSince, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : ITenantQuery<Result<PagedList<BookingResponse>>>, IOrganizationRequest, IPagedQuery
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

internal sealed class ListBookingsHandler(CurrentOrganization current, IAppDbContext db) : IQueryHandler<ListBookingsQuery, Result<PagedList<BookingResponse>>>
{
    public async ValueTask<Result<PagedList<BookingResponse>>> Handle(ListBookingsQuery query, CancellationToken ct)
    {
        var organization = current.Organization;
        // The instant as UTC: Npgsql writes a timestamptz parameter from no other offset (it threw: a 500 for +01:00).
        var since = query.UpdatedSince.ToUniversalTime();
        var rows =
            from b in db.Bookings
            join s in db.ClassSessions on b.SessionId equals s.Id
            join t in db.ClassTypes on s.ClassTypeId equals t.Id
            where EF.Property<DateTimeOffset>(b, ListBookingsQuery.UpdatedAtColumn) >= since
            orderby EF.Property<DateTimeOffset>(b, ListBookingsQuery.UpdatedAtColumn), b.Id
            select new { Booking = b, s.StartsAt, s.ClassTypeId, ClassName = t.Name };
        var (page, total) = await query.PageOfAsync(rows.AsNoTracking(), ct);
        return query.Answer(page.Select(r => BookingResponses.Listed(r.Booking, r.StartsAt, r.ClassTypeId, r.ClassName, organization)).ToList(), total);
    }
}
