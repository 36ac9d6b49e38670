using UnifiedCustomers.Domain.Bookings;

namespace UnifiedCustomers.Application.Bookings;

/// <summary>A command about one booking, named by its id.</summary>
public interface IBookingCommand
{
    Guid BookingId { get; }
}

/// <summary>
/// Check-in, no-show and their undo: the booking opened under its customer's and session's locks,
/// the desk's decision on it, and the booking as decided (see docs/adr/0032).
/// </summary>
internal abstract class AttendanceHandler<TCommand>(
    BookingLoader loader, Func<CustomerAccount, SessionAtDesk, Booking, Result<BookingDecision>> decide)
    : ICommandHandler<TCommand, Result<BookingResponse>>
    where TCommand : ITenantCommand<Result<BookingResponse>>, IBookingCommand
{
    public async ValueTask<Result<BookingResponse>> Handle(TCommand command, CancellationToken ct)
    {
        if (await loader.BookingAsync(command.OrganizationId, command.BookingId, withWaitlist: false, forUpdate: true, ct) is not { } opened)
            return BookingErrors.NotFound;
        var decision = decide(opened.Account, opened.Session, opened.Booking);
        return decision.IsSuccess ? BookingResponses.From(decision.Value, opened.Account.Organization) : decision.Error!;
    }
}
