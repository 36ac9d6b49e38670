using FluentValidation;
using Mediator;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Common;

namespace UnifiedCustomers.Application.Bookings.MarkNoShow;

/// <summary>The customer did not come: only once the class has started. The credit stays spent.</summary>
public sealed record MarkNoShowCommand(Guid OrganizationId, Guid BookingId) : ITenantCommand<Result<BookingResponse>>;

internal sealed class MarkNoShowValidator : AbstractValidator<MarkNoShowCommand>
{
    public MarkNoShowValidator() => RuleFor(c => c.BookingId).NotEmpty();
}

internal sealed class MarkNoShowHandler(BookingDesk desk, TimeProvider clock) : ICommandHandler<MarkNoShowCommand, Result<BookingResponse>>
{
    public async ValueTask<Result<BookingResponse>> Handle(MarkNoShowCommand command, CancellationToken ct) =>
        await desk.ChangeAsync(command.OrganizationId, command.BookingId, opened => opened.Booking.MarkNoShow(opened.Session, clock.GetUtcNow()), ct);
}
