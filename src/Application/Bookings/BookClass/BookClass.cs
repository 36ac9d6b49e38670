using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Bookings.BookClass;

/// <param name="Payment">how to pay; null lets the studio's rules choose</param>
/// <param name="JoinWaitlistIfFull">when the class is full, join its waitlist instead of being refused</param>
/// <param name="IdempotencyKey">the same key returns the same booking instead of booking twice</param>
public sealed record BookClassCommand(
    Guid OrganizationId,
    Guid CustomerId,
    Guid SessionId,
    PaymentChoice? Payment = null,
    bool JoinWaitlistIfFull = false,
    BookingSource Source = BookingSource.Api,
    string? IdempotencyKey = null) : ITenantCommand<Result<BookingResponse>>;

internal sealed class BookClassValidator : AbstractValidator<BookClassCommand>
{
    public BookClassValidator()
    {
        RuleFor(c => c.CustomerId).NotEmpty();
        RuleFor(c => c.SessionId).NotEmpty();
        RuleFor(c => c.Source).IsInEnum();
        RuleFor(c => c.IdempotencyKey).MaximumLength(Booking.IdempotencyKeyMaxLength);
        RuleFor(c => c.Payment!).SetValidator(new PaymentChoiceValidator()).When(c => c.Payment is not null);
    }
}

internal sealed class PaymentChoiceValidator : AbstractValidator<PaymentChoice>
{
    public PaymentChoiceValidator()
    {
        RuleFor(p => p.Method).IsInEnum().NotEqual(PaymentMethod.LegacyUnknown).WithMessage("Choose membership, pack, drop_in or complimentary.");
        // Must, not NotEmpty: on a Guid? NotEmpty lets Guid.Empty through.
        RuleFor(p => p.Id).Must(id => id is { } value && value != Guid.Empty).When(p => p.Method is PaymentMethod.Membership or PaymentMethod.Pack)
            .WithMessage("Name the membership or pack to pay with.");
        RuleFor(p => p.Id).Null().When(p => p.Method is PaymentMethod.DropIn or PaymentMethod.Complimentary)
            .WithMessage("A drop-in or complimentary booking names no membership or pack.");
    }
}

internal sealed class BookClassHandler(IAppDbContext db, BookingLoader loader, TimeProvider clock) : ICommandHandler<BookClassCommand, Result<BookingResponse>>
{
    public async ValueTask<Result<BookingResponse>> Handle(BookClassCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Sessions open for booking have not started, so no allowance period that matters began before now - LongestPeriod.
        var (account, session, earlier) = await loader.SnapshotAsync(
            command.OrganizationId, command.CustomerId, command.SessionId, CustomerAccount.ChargesNeededFrom(now), command.IdempotencyKey, forUpdate: true, ct);
        if (account is null) return CustomerErrors.NotFound;

        // The command is idempotent on its own (for callers other than the HTTP edge): read under the
        // customer's lock, so a repeated command sees the first one's booking.
        if (earlier is not null)
        {
            if (earlier.CustomerId != command.CustomerId || earlier.SessionId != command.SessionId) return BookingErrors.IdempotencyKeyReused;
            await loader.IncludePaymentAsync(account, earlier, ct);
            return BookingResponses.From(BookingDesk.Describe(account, session!, earlier), account.Organization);
        }

        return BookingDesk.Book(account, session, new BookingRequest(command.Payment, command.JoinWaitlistIfFull, command.Source, command.IdempotencyKey), now)
            .Tap(made =>
            {
                db.Bookings.Add(made.Booking);
                db.CreditLedger.AddRange(made.LedgerRows);
            })
            .Map(made => BookingResponses.From(made, account.Organization));
    }
}
