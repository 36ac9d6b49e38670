using FluentValidation;
using Mediator;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Common;

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

internal sealed class CancelBookingHandler(BookingDesk desk, WaitlistPromoter promoter, TimeProvider clock)
    : ICommandHandler<CancelBookingCommand, Result<BookingResponse>>
{
    public async ValueTask<Result<BookingResponse>> Handle(CancelBookingCommand command, CancellationToken ct)
    {
        var opened = await desk.OpenBookingAsync(command.OrganizationId, command.BookingId, ct);
        if (opened.IsFailure) return opened.Error!;
        var (customer, booking, session) = opened.Value;
        var organization = customer.Organization;

        var cancelled = booking.Cancel(session, organization.Policy, command.WaiveLateFee, clock.GetUtcNow());
        if (cancelled.IsFailure) return cancelled.Error!;
        if (cancelled.Value.Refund) await desk.RefundAsync(customer, booking, session, LedgerReason.CancellationRefund, ct);
        await promoter.FillFreedSeatsAsync(organization, session, ct);

        return BookingResponses.From(await desk.DescribeAsync(customer, booking, ct), organization);
    }
}
