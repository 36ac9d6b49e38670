using UnifiedCustomers.Domain.Bookings;

namespace UnifiedCustomers.Application.Bookings.CheckIn;

/// <summary>Marks the customer as arrived: from 30 minutes before the class until it ends.</summary>
public sealed record CheckInCommand(Guid OrganizationId, Guid BookingId) : ITenantCommand<Result<BookingResponse>>, IBookingCommand;

internal sealed class CheckInValidator() : IdRequiredValidator<CheckInCommand>(c => c.BookingId);

internal sealed class CheckInHandler(BookingLoader loader, TimeProvider clock)
    : AttendanceHandler<CheckInCommand>(loader, (account, session, booking) => BookingDesk.CheckIn(account, session, booking, clock.GetUtcNow()));
