namespace UnifiedCustomers.Api.Bookings;

internal static class BookingListEndpoints
{
    public static RouteGroupBuilder MapBookingList(this RouteGroupBuilder api)
    {
        api.MapGet("/bookings", (DateTimeOffset updatedSince, Tenant tenant, IMediator mediator, CancellationToken ct, int page = 1, int pageSize = Paging.DefaultPageSize) =>
                mediator.SendOk(new ListBookingsQuery(tenant.OrganizationId, updatedSince, page, pageSize), ct))
            .WithTags("Bookings")
            .WithName("ListBookings")
            .WithSummary("Every booking changed since an instant, oldest change first (resynchronising without the events feed)")
            .WithDescription("`updatedSince` (required, an instant): the database's time at the start of the changing transaction, so ask from a minute "
                             + "before the last change you saw. The events feed is the gap-free way to follow changes.")
            .Produces<PagedList<BookingResponse>>()
            .Problems();
        return api;
    }
}
