using UnifiedCustomers.Application.Bookings.BookClass;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Bookings.CheckEligibility;

/// <summary>Runs every booking rule without writing: what would happen if the customer booked now.</summary>
public sealed record CheckEligibilityQuery(
    Guid OrganizationId,
    Guid CustomerId,
    Guid SessionId,
    PaymentChoice? Payment = null,
    bool JoinWaitlistIfFull = false) : ITenantQuery<Result<EligibilityResponse>>;

/// <param name="Reasons">for payment.none_available: why each way to pay failed</param>
public sealed record EligibilityResponse(
    bool CanBook,
    bool WouldBeWaitlisted,
    int? WaitlistPosition,
    PaymentMethod? PaymentMethod,
    Guid? MembershipId,
    Guid? PackId,
    string? ErrorCode,
    string? ErrorMessage,
    IReadOnlyList<EligibilityReason> Reasons);

public sealed record EligibilityReason(string Code, string Message, string? Field);

internal sealed class CheckEligibilityValidator : AbstractValidator<CheckEligibilityQuery>
{
    public CheckEligibilityValidator()
    {
        RuleFor(q => q.CustomerId).NotEmpty();
        RuleFor(q => q.SessionId).NotEmpty();
        RuleFor(q => q.Payment!).SetValidator(new PaymentChoiceValidator()).When(q => q.Payment is not null);
    }
}

internal sealed class CheckEligibilityHandler(BookingLoader loader, TimeProvider clock) : IQueryHandler<CheckEligibilityQuery, Result<EligibilityResponse>>
{
    public async ValueTask<Result<EligibilityResponse>> Handle(CheckEligibilityQuery query, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (account, session, _) = await loader.SnapshotAsync(
            query.OrganizationId, query.CustomerId, query.SessionId, CustomerAccount.ChargesNeededFrom(now), null, forUpdate: false, ct);
        if (account is null) return CustomerErrors.NotFound;
        // The desk's own decision, never saved: a query's transaction is read-only and its changes are dropped.
        var made = BookingDesk.Book(account, session, new BookingRequest(query.Payment, query.JoinWaitlistIfFull, BookingSource.Api), now);
        if (made.IsFailure)
        {
            // What names no customer or session is an error; a rule that refuses is an answer.
            if (made.Error!.Kind == ErrorKind.NotFound) return made.Error;
            return new EligibilityResponse(false, false, null, null, null, null, made.Error.Code, made.Error.Message,
                made.Error.Reasons.Select(r => new EligibilityReason(r.Code, r.Message, r.Field)).ToList());
        }
        var booking = made.Value.Booking;
        return new EligibilityResponse(true, booking.Status == BookingStatus.Waitlisted, booking.WaitlistPosition,
            booking.PaymentMethod, booking.MembershipId, booking.PackId, null, null, []);
    }
}
