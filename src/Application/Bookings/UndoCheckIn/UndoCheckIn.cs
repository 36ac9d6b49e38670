using UnifiedCustomers.Domain.Bookings;

namespace UnifiedCustomers.Application.Bookings.UndoCheckIn;

/// <summary>Takes back a check-in made by mistake.</summary>
public sealed record UndoCheckInCommand(Guid OrganizationId, Guid BookingId) : ITenantCommand<Result<BookingResponse>>, IBookingCommand;

internal sealed class UndoCheckInValidator() : IdRequiredValidator<UndoCheckInCommand>(c => c.BookingId);

internal sealed class UndoCheckInHandler(BookingLoader loader)
    : AttendanceHandler<UndoCheckInCommand>(loader, BookingDesk.UndoCheckIn);
