using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Bookings.BookFromWebsite;

/// <summary>
/// A booking request from the studio's website widget, by name and email, from someone nobody has
/// recognised (docs/adr/0007). An unknown email registers a new lead and books as that lead, in one
/// transaction. A known email does the same for a guest: a lead with the name typed and no email, so
/// nothing of the customer is read or spent, with a note on both for the studio to merge them. Either
/// way the answer is what a newcomer gets (the same refusals, the same receipt) and one seat is taken,
/// so neither the answer nor the schedule's counts tell whether the email belongs to a customer.
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
        var (firstName, lastName) = (names.ElementAtOrDefault(0), names.ElementAtOrDefault(1));
        var registered = Customer.Register(organization.Id, firstName, lastName, command.Email, null, Source, now);
        // The widget sends one name field: a name the domain refuses is that field's.
        if (registered.IsFailure) return registered.Error!.Field is "firstName" or "lastName" ? registered.Error! with { Field = "name" } : registered.Error!;
        var email = registered.Value.Email!;
        // No Idempotency-Key on the booking: the request's key is kept 24 hours (IdempotencyStore) and a booking's for
        // ever, so after a day a reused key would be refused for a new email and not for a known one, telling them apart.
        var request = new BookingRequest(null, command.JoinWaitlistIfFull, BookingSource.Public, IdempotencyKey: null);

        // Two first requests with one new email would both register it, and the loser be told the email is taken
        // (never so for a known email): the second waits here and finds the customer the first registered.
        await locks.LockEmailAsync(organization.Id, email, ct);
        // An archived customer is known too: registering their email again as a lead blocked restoring them (409).
        var ofEmail = db.Customers.Where(c => c.Email == email && c.MergedIntoId == null).OrderBy(c => c.Status == LifecycleStatus.Archived);
        // Read after the wait the note's foreign key makes anyway (a writer of the customer in flight, ADR 0007): an
        // erasure (or a change of email) committed meanwhile leaves no one to write a note on.
        if (await ofEmail.Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct) is { } knownId) await locks.KeyShareCustomerAsync(organization.Id, knownId, ct);
        var known = await ofEmail.FirstOrDefaultAsync(ct);
        // A known email books a guest: the email is the customer's (one per studio), and booking as the customer would
        // spend what they own on an email anyone can type. Holding a seat either way keeps the public counts the same.
        var lead = known is null ? registered : Customer.Register(organization.Id, firstName, lastName, null, null, Source, now);
        if (lead.IsFailure) return lead.Error!;
        var sessions = await loader.SessionsAsync(organization.Id, [command.SessionId], lead.Value.Id, withWaitlist: false, forUpdate: true, ct);
        var decision = BookingDesk.Book(new CustomerAccount(organization, lead.Value, [], [], []), sessions.SingleOrDefault(), request, now);
        if (decision.IsFailure) return decision.Error!;
        var receipt = Receipt(decision.Value, organization);
        db.Customers.Add(lead.Value);
        db.Bookings.Add(decision.Value.Booking);
        db.CreditLedger.AddRange(decision.Value.LedgerRows);
        if (known is null) return receipt;

        return CustomerNote.Write(known, KnownCustomersNote(command, receipt, lead.Value), author: null, now)
            .Tap(note => db.CustomerNotes.Add(note))
            .Bind(_ => CustomerNote.Write(lead.Value, GuestsNote(receipt, known), author: null, now))
            .Tap(note => db.CustomerNotes.Add(note))
            .Map(_ => receipt);
    }

    private static WebsiteBookingReceipt Receipt(BookingDecision made, Domain.Organizations.Organization organization) =>
        new(made.Session.Session.Id, made.Session.ClassName, made.Session.Session.StartsAt, organization.LocalTime(made.Session.Session.StartsAt), organization.TimeZone);

    private static string KnownCustomersNote(BookFromWebsiteCommand command, WebsiteBookingReceipt receipt, Customer guest) =>
        FormattableString.Invariant($"Booked from the website widget with this customer's email, as a separate lead without an email ({guest.Id}): ")
            + FormattableString.Invariant($"{receipt.ClassName} on {receipt.StartsAtLocal:yyyy-MM-dd HH:mm} ({receipt.TimeZone}), session {receipt.SessionId}")
            + FormattableString.Invariant($"{(command.JoinWaitlistIfFull ? ", waitlist if full" : "")}. Name given: \"{command.Name.Trim()}\". ")
            + "Anyone can type an email into the widget: confirm with the customer, then merge that lead into them, or cancel its booking.";

    private static string GuestsNote(WebsiteBookingReceipt receipt, Customer known) =>
        FormattableString.Invariant($"Booked from the website widget ({receipt.ClassName} on {receipt.StartsAtLocal:yyyy-MM-dd HH:mm}) with the email of customer {known.Id}, ")
            + "which is not stored here: confirm with that customer, then merge this lead into them, or cancel its booking.";
}
