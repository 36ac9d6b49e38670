using UnifiedCustomers.Domain.Bookings;

namespace UnifiedCustomers.Application.Bookings.UndoCheckIn;

/// <summary>Takes back a check-in made by mistake.</summary>
public sealed record UndoCheckInCommand(Guid OrganizationId, Guid BookingId) : ITenantCommand<Result<BookingResponse>>;

internal sealed class UndoCheckInValidator : AbstractValidator<UndoCheckInCommand>
{
    public UndoCheckInValidator() => RuleFor(c => c.BookingId).NotEmpty();
}

internal sealed class UndoCheckInHandler(BookingLoader loader) : ICommandHandler<UndoCheckInCommand, Result<BookingResponse>>
{
    public async ValueTask<Result<BookingResponse>> Handle(UndoCheckInCommand command, CancellationToken ct)
    {
        if (await loader.BookingAsync(command.OrganizationId, command.BookingId, withWaitlist: false, forUpdate: true, ct) is not { } opened)
            return BookingErrors.NotFound;
        var decision = BookingDesk.UndoCheckIn(opened.Account, opened.Session, opened.Booking);
        return decision.IsSuccess ? BookingResponses.From(decision.Value, opened.Account.Organization) : decision.Error!;
    }
}
