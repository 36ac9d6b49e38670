using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Bookings.BookFromWebsite;

/// <summary>
/// A booking from the studio's website widget, by name and email: a known email books as that
/// customer, an unknown one registers a new lead first, in the same transaction. The payment is
/// chosen by the studio's rules (a lead pays as a drop-in when the studio allows it).
/// </summary>
public sealed record BookFromWebsiteCommand(
    Guid OrganizationId, Guid SessionId, string Name, string Email, bool JoinWaitlistIfFull = false, string? IdempotencyKey = null)
    : ITenantCommand<Result<BookingResponse>>;

internal sealed class BookFromWebsiteValidator : AbstractValidator<BookFromWebsiteCommand>
{
    public BookFromWebsiteValidator()
    {
        RuleFor(c => c.SessionId).NotEmpty();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(2 * Customer.NameMaxLength);
        RuleFor(c => c.Email).NotEmpty().Must(e => EmailAddress.Normalize(e) is { } normalized && EmailAddress.IsValid(normalized))
            .WithMessage("The email address is not valid.");
        RuleFor(c => c.IdempotencyKey).MaximumLength(Booking.IdempotencyKeyMaxLength);
    }
}

internal sealed class BookFromWebsiteHandler(IAppDbContext db, BookingLoader loader, TimeProvider clock)
    : ICommandHandler<BookFromWebsiteCommand, Result<BookingResponse>>
{
    public const string Source = "website";

    public async ValueTask<Result<BookingResponse>> Handle(BookFromWebsiteCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == command.OrganizationId, ct);
        if (organization is null) return ApplicationErrors.OrganizationNotFound;
        var email = EmailAddress.Normalize(command.Email)!;
        var known = await db.Customers
            .Where(c => c.OrganizationId == organization.Id && c.Email == email && c.Status != LifecycleStatus.Archived)
            .Select(c => (Guid?)c.Id)
            .FirstOrDefaultAsync(ct);

        CustomerAccount account;
        if (known is { } customerId)
        {
            var found = await loader.AccountAsync(organization.Id, customerId, CustomerAccount.ChargesNeededFrom(now), forUpdate: true, ct);
            if (found is null) return CustomerErrors.NotFound;
            account = found;
        }
        else
        {
            var names = command.Name.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            // Two first bookings with one new email race on the unique email index; the loser is told the email is taken.
            var registered = Customer.Register(organization.Id, names.ElementAtOrDefault(0), names.ElementAtOrDefault(1), email, null, Source, now);
            if (registered.IsFailure) return registered.Error!;
            db.Customers.Add(registered.Value);
            account = new CustomerAccount(organization, registered.Value, [], [], []);
        }

        var sessions = await loader.SessionsAsync(organization.Id, [command.SessionId], account.Customer.Id, withWaitlist: false, forUpdate: true, ct);
        var decision = BookingDesk.Book(
            account, sessions.SingleOrDefault(), new BookingRequest(null, command.JoinWaitlistIfFull, BookingSource.Public, command.IdempotencyKey), now);
        if (decision.IsFailure) return decision.Error!;
        db.Bookings.Add(decision.Value.Booking);
        db.CreditLedger.AddRange(decision.Value.LedgerRows);
        return BookingResponses.From(decision.Value, organization);
    }
}
