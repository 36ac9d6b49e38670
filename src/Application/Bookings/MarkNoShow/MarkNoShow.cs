using UnifiedCustomers.Domain.Bookings;

namespace UnifiedCustomers.Application.Bookings.MarkNoShow;

/// <summary>The customer did not come: only once the class has started. The credit stays spent.</summary>
public sealed record MarkNoShowCommand(Guid OrganizationId, Guid BookingId) : ITenantCommand<Result<BookingResponse>>;

internal sealed class MarkNoShowValidator : AbstractValidator<MarkNoShowCommand>
{
    public MarkNoShowValidator() => RuleFor(c => c.BookingId).NotEmpty();
}

internal sealed class MarkNoShowHandler(BookingLoader loader, TimeProvider clock) : ICommandHandler<MarkNoShowCommand, Result<BookingResponse>>
{
    public async ValueTask<Result<BookingResponse>> Handle(MarkNoShowCommand command, CancellationToken ct)
    {
        if (await loader.BookingAsync(command.OrganizationId, command.BookingId, withWaitlist: false, forUpdate: true, ct) is not { } opened)
            return BookingErrors.NotFound;
        var decision = BookingDesk.MarkNoShow(opened.Account, opened.Session, opened.Booking, clock.GetUtcNow());
        return decision.IsSuccess ? BookingResponses.From(decision.Value, opened.Account.Organization) : decision.Error!;
    }
}
