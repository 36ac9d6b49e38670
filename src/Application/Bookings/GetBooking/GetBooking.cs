using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Common;

namespace UnifiedCustomers.Application.Bookings.GetBooking;

public sealed record GetBookingQuery(Guid OrganizationId, Guid BookingId) : ITenantQuery<Result<BookingResponse>>;

internal sealed class GetBookingValidator : AbstractValidator<GetBookingQuery>
{
    public GetBookingValidator() => RuleFor(q => q.BookingId).NotEmpty();
}

internal sealed class GetBookingHandler(IAppDbContext db, BookingDesk desk) : IQueryHandler<GetBookingQuery, Result<BookingResponse>>
{
    public async ValueTask<Result<BookingResponse>> Handle(GetBookingQuery query, CancellationToken ct)
    {
        var booking = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.OrganizationId == query.OrganizationId && b.Id == query.BookingId, ct);
        if (booking is null) return BookingErrors.NotFound;
        var seated = await desk.SeatCustomerAsync(query.OrganizationId, booking.CustomerId, forWriting: false, ct);
        if (seated.IsFailure) return seated.Error!;
        return BookingResponses.From(await desk.DescribeAsync(seated.Value, booking, ct), seated.Value.Organization);
    }
}
