using UnifiedCustomers.Domain.Bookings;

namespace UnifiedCustomers.Application.Bookings.CancelBooking;

public enum CancelledBy
{
    Customer,
    Staff,
}

/// <param name="WaiveLateFee">staff only: a late cancellation gives the credit back anyway</param>
public sealed record CancelBookingCommand(Guid OrganizationId, Guid BookingId, CancelledBy By = CancelledBy.Customer, bool WaiveLateFee = false)
    : ITenantCommand<Result<BookingResponse>>;

internal sealed class CancelBookingValidator : AbstractValidator<CancelBookingCommand>
{
    public CancelBookingValidator()
    {
        RuleFor(c => c.BookingId).NotEmpty();
        RuleFor(c => c.By).IsInEnum();
        RuleFor(c => c.WaiveLateFee).Equal(false).When(c => c.By != CancelledBy.Staff).WithMessage("Only staff can waive a late-cancellation fee.");
    }
}

internal sealed class CancelBookingHandler(IAppDbContext db, BookingLoader loader, WaitlistPromoter promoter, TimeProvider clock)
    : ICommandHandler<CancelBookingCommand, Result<BookingResponse>>
{
    public async ValueTask<Result<BookingResponse>> Handle(CancelBookingCommand command, CancellationToken ct)
    {
        var opened = await loader.BookingAsync(command.OrganizationId, command.BookingId, withWaitlist: true, forUpdate: true, ct);
        if (opened is null) return BookingErrors.NotFound;
        var (account, booking, session) = opened.Value;

        return await BookingDesk.Cancel(account, session, booking, command.WaiveLateFee, clock.GetUtcNow())
            .Tap(cancelled => db.CreditLedger.AddRange(cancelled.LedgerRows))
            .TapAsync(_ => promoter.FillFreedSeatsAsync(account.Organization, session, ct))
            .Map(_ => BookingResponses.From(BookingDesk.Describe(account, session, booking), account.Organization));
    }
}
