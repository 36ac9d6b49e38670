using UnifiedCustomers.Domain.Bookings;

namespace UnifiedCustomers.Application.Bookings.GetBooking;

public sealed record GetBookingQuery(Guid OrganizationId, Guid BookingId) : ITenantQuery<Result<BookingResponse>>;

internal sealed class GetBookingValidator : AbstractValidator<GetBookingQuery>
{
    public GetBookingValidator() => RuleFor(q => q.BookingId).NotEmpty();
}

internal sealed class GetBookingHandler(BookingLoader loader) : IQueryHandler<GetBookingQuery, Result<BookingResponse>>
{
    public async ValueTask<Result<BookingResponse>> Handle(GetBookingQuery query, CancellationToken ct)
    {
        if (await loader.BookingAsync(query.OrganizationId, query.BookingId, withWaitlist: false, forUpdate: false, ct) is not { } found)
            return BookingErrors.NotFound;
        return BookingResponses.From(BookingDesk.Describe(found.Account, found.Session, found.Booking), found.Account.Organization);
    }
}
