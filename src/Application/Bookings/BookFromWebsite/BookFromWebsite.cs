using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Bookings.BookFromWebsite;

/// <summary>
/// A booking request from the studio's website widget, by name and email, from someone nobody has
/// recognised (docs/adr/0007). An unknown email registers a new lead and books as that lead, in one
/// transaction. A known email books nothing and spends nothing: the request is written as a note on
/// that customer for the studio to confirm. Either way the answer is what a newcomer would get (the
/// same refusals, the same receipt), so it never tells whether the email belongs to a customer.
/// </summary>
public sealed record BookFromWebsiteCommand(Guid OrganizationId, Guid SessionId, string Name, string Email, bool JoinWaitlistIfFull = false)
    : ITenantCommand<Result<WebsiteBookingReceipt>>, IOrganizationRequest;

/// <summary>The same for every email: which class the request was for.</summary>
/// <param name="StartsAtLocal">the class's start in the studio's time zone, with its offset</param>
public sealed record WebsiteBookingReceipt(Guid SessionId, string ClassName, DateTimeOffset StartsAtUtc, DateTimeOffset StartsAtLocal, string TimeZone);

internal sealed class BookFromWebsiteValidator : AbstractValidator<BookFromWebsiteCommand>
{
    public BookFromWebsiteValidator()
    {
        RuleFor(c => c.SessionId).NotEmpty();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(2 * PersonName.MaxLength);
        // Whether it is an address is the domain's to say (customer.email_invalid).
        RuleFor(c => c.Email).NotEmpty().MaximumLength(EmailAddress.MaxLength);
    }
}

internal sealed class BookFromWebsiteHandler(CurrentOrganization current, IAppDbContext db, IRowLocks locks, BookingLoader loader, TimeProvider clock)
    : ICommandHandler<BookFromWebsiteCommand, Result<WebsiteBookingReceipt>>
{
    public const string Source = "website";

    public async ValueTask<Result<WebsiteBookingReceipt>> Handle(BookFromWebsiteCommand command, CancellationToken ct)
    {
        var organization = current.Organization;
        var now = clock.GetUtcNow();

        // Every answer is computed for a newcomer with this name and email, whoever the email belongs to.
        var names = command.Name.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var registered = Customer.Register(organization.Id, names.ElementAtOrDefault(0), names.ElementAtOrDefault(1), command.Email, null, Source, now);
        // The widget sends one name field: a name the domain refuses is that field's.
        if (registered.IsFailure) return registered.Error!.Field is "firstName" or "lastName" ? registered.Error! with { Field = "name" } : registered.Error!;
        var email = registered.Value.Email!;
        var newcomer = new CustomerAccount(organization, registered.Value, [], [], []);
        // No Idempotency-Key on the booking: the request's key is kept 24 hours (IdempotencyStore) and a booking's for
        // ever, so after a day a reused key would be refused for a new email and not for a known one, telling them apart.
        var request = new BookingRequest(null, command.JoinWaitlistIfFull, BookingSource.Public, IdempotencyKey: null);

        // Two first requests with one new email would both register it, and the loser be told the email is taken
        // (never so for a known email): the second waits here and finds the customer the first registered.
        await locks.LockEmailAsync(organization.Id, email, ct);
        // An archived customer is known too: registering their email again as a lead blocked restoring them (409).
        var known = await db.Customers
            .Where(c => c.Email == email && c.MergedIntoId == null)
            .OrderBy(c => c.Status == LifecycleStatus.Archived)
            .FirstOrDefaultAsync(ct);
        // A newcomer holds nothing, so the known customer's own bookings never shape the answer; only a real booking locks the session.
        var sessions = await loader.SessionsAsync(organization.Id, [command.SessionId], registered.Value.Id, withWaitlist: false, forUpdate: known is null, ct);
        var decision = BookingDesk.Book(newcomer, sessions.SingleOrDefault(), request, now);
        if (decision.IsFailure) return decision.Error!;
        var receipt = Receipt(decision.Value, organization);
        if (known is null)
        {
            db.Customers.Add(registered.Value);
            db.Bookings.Add(decision.Value.Booking);
            db.CreditLedger.AddRange(decision.Value.LedgerRows);
            return receipt;
        }

        // Nothing of the customer is read or spent: the newcomer's decision is the answer, the studio decides the booking.
        return CustomerNote.Write(known, RequestNote(command, receipt), author: null, now)
            .Tap(note => db.CustomerNotes.Add(note))
            .Map(_ => receipt);
    }

    private static WebsiteBookingReceipt Receipt(BookingDecision made, Domain.Organizations.Organization organization) =>
        new(made.Session.Session.Id, made.Session.ClassName, made.Session.Session.StartsAt, organization.LocalTime(made.Session.Session.StartsAt), organization.TimeZone);

    private static string RequestNote(BookFromWebsiteCommand command, WebsiteBookingReceipt receipt) =>
        FormattableString.Invariant($"Booking request from the website widget, not booked: {receipt.ClassName} on {receipt.StartsAtLocal:yyyy-MM-dd HH:mm} ({receipt.TimeZone}), ")
            + FormattableString.Invariant($"session {receipt.SessionId}{(command.JoinWaitlistIfFull ? ", waitlist if full" : "")}. Name given: \"{command.Name.Trim()}\". ")
            + "Anyone can type an email into the widget: confirm with the customer before booking.";
}
