using FluentValidation;
using Mediator;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Common;

namespace UnifiedCustomers.Application.Bookings.UndoCheckIn;

/// <summary>Takes back a check-in made by mistake.</summary>
public sealed record UndoCheckInCommand(Guid OrganizationId, Guid BookingId) : ITenantCommand<Result<BookingResponse>>;

internal sealed class UndoCheckInValidator : AbstractValidator<UndoCheckInCommand>
{
    public UndoCheckInValidator() => RuleFor(c => c.BookingId).NotEmpty();
}

internal sealed class UndoCheckInHandler(BookingDesk desk) : ICommandHandler<UndoCheckInCommand, Result<BookingResponse>>
{
    public async ValueTask<Result<BookingResponse>> Handle(UndoCheckInCommand command, CancellationToken ct) =>
        await desk.ChangeAsync(command.OrganizationId, command.BookingId, opened => opened.Booking.UndoCheckIn(), ct);
}
