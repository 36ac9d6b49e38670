using UnifiedCustomers.Domain.Bookings;

namespace UnifiedCustomers.Application.Bookings.CheckIn;

/// <summary>Marks the customer as arrived: from 30 minutes before the class until it ends.</summary>
public sealed record CheckInCommand(Guid OrganizationId, Guid BookingId) : ITenantCommand<Result<BookingResponse>>;

internal sealed class CheckInValidator : AbstractValidator<CheckInCommand>
{
    public CheckInValidator() => RuleFor(c => c.BookingId).NotEmpty();
}

internal sealed class CheckInHandler(BookingLoader loader, TimeProvider clock) : ICommandHandler<CheckInCommand, Result<BookingResponse>>
{
    public async ValueTask<Result<BookingResponse>> Handle(CheckInCommand command, CancellationToken ct)
    {
        if (await loader.BookingAsync(command.OrganizationId, command.BookingId, withWaitlist: false, forUpdate: true, ct) is not { } opened)
            return BookingErrors.NotFound;
        var decision = BookingDesk.CheckIn(opened.Account, opened.Session, opened.Booking, clock.GetUtcNow());
        return decision.IsSuccess ? BookingResponses.From(decision.Value, opened.Account.Organization) : decision.Error!;
    }
}
