using FluentValidation;
using Mediator;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Common;

namespace UnifiedCustomers.Application.Bookings.CheckIn;

/// <summary>Marks the customer as arrived: from 30 minutes before the class until it ends.</summary>
public sealed record CheckInCommand(Guid OrganizationId, Guid BookingId) : ITenantCommand<Result<BookingResponse>>;

internal sealed class CheckInValidator : AbstractValidator<CheckInCommand>
{
    public CheckInValidator() => RuleFor(c => c.BookingId).NotEmpty();
}

internal sealed class CheckInHandler(BookingDesk desk, TimeProvider clock) : ICommandHandler<CheckInCommand, Result<BookingResponse>>
{
    public async ValueTask<Result<BookingResponse>> Handle(CheckInCommand command, CancellationToken ct) =>
        await desk.ChangeAsync(command.OrganizationId, command.BookingId, opened => opened.Booking.CheckIn(opened.Session, clock.GetUtcNow()), ct);
}
