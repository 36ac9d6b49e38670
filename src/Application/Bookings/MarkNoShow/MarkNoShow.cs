using UnifiedCustomers.Domain.Bookings;

namespace UnifiedCustomers.Application.Bookings.MarkNoShow;

/// <summary>The customer did not come: only once the class has started. The credit stays spent.</summary>
public sealed record MarkNoShowCommand(Guid OrganizationId, Guid BookingId) : ITenantCommand<Result<BookingResponse>>, IBookingCommand;

internal sealed class MarkNoShowValidator() : IdRequiredValidator<MarkNoShowCommand>(c => c.BookingId);

internal sealed class MarkNoShowHandler(BookingLoader loader, TimeProvider clock)
    : AttendanceHandler<MarkNoShowCommand>(loader, (account, session, booking) => BookingDesk.MarkNoShow(account, session, booking, clock.GetUtcNow()));
