using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Common;

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

internal sealed class BookClassHandler(IAppDbContext db, BookingDesk desk) : ICommandHandler<BookClassCommand, Result<BookingResponse>>
{
    public async ValueTask<Result<BookingResponse>> Handle(BookClassCommand command, CancellationToken ct)
    {
        var seated = await desk.SeatCustomerAsync(command.OrganizationId, command.CustomerId, forWriting: true, ct);
        if (seated.IsFailure) return seated.Error!;

        if (command.IdempotencyKey is { } key)
        {
            // Under the customer's lock, so a repeated request sees the first one's booking.
            var earlier = await db.Bookings.FirstOrDefaultAsync(b => b.OrganizationId == command.OrganizationId && b.IdempotencyKey == key, ct);
            if (earlier is not null)
            {
                return earlier.CustomerId == command.CustomerId && earlier.SessionId == command.SessionId
                    ? BookingResponses.From(await desk.DescribeAsync(seated.Value, earlier, ct), seated.Value.Organization)
                    : BookingErrors.IdempotencyKeyReused;
            }
        }

        var made = await desk.BookAsync(
            seated.Value,
            new BookingRequest(command.SessionId, command.Payment, command.JoinWaitlistIfFull, command.Source, command.IdempotencyKey),
            dryRun: false,
            ct);
        return made.IsSuccess ? BookingResponses.From(made.Value, seated.Value.Organization) : made.Error!;
    }
}
