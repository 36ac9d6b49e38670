using System.Text.Json.Serialization;
using UnifiedCustomers.Application.Bookings.BookClass;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Bookings.BookRecurring;

/// <summary>
/// Books a class type on some weekdays at a local time, from a date until a date or for a count of
/// occurrences. With <paramref name="Standing"/>, sessions scheduled later inside the range are booked too.
/// </summary>
public sealed record BookRecurringCommand(
    Guid OrganizationId,
    Guid CustomerId,
    Guid ClassTypeId,
    DayOfWeek[] Weekdays,
    TimeOnly LocalTime,
    DateOnly FromDate,
    DateOnly? UntilDate = null,
    int? Count = null,
    PaymentChoice? Payment = null,
    bool JoinWaitlistIfFull = false,
    bool Standing = true,
    BookingSource Source = BookingSource.Api) : ITenantCommand<Result<BookRecurringResponse>>;

/// <param name="ErrorCode">why this occurrence is not booked; recurring.no_session when no class is scheduled then</param>
public sealed record OccurrenceOutcome(DateOnly Date, DateTimeOffset StartsAtLocal, Guid? SessionId, BookingResponse? Booking, string? ErrorCode, string? ErrorMessage)
{
    [JsonIgnore]
    public Error? Error { get; private init; }

    public static OccurrenceOutcome Booked(DateOnly date, DateTimeOffset startsAtLocal, Guid sessionId, BookingResponse booking) =>
        new(date, startsAtLocal, sessionId, booking, null, null);

    public static OccurrenceOutcome Refused(DateOnly date, DateTimeOffset startsAtLocal, Guid? sessionId, Error error) =>
        new(date, startsAtLocal, sessionId, null, error.Code, error.Message) { Error = error };
}

public sealed record BookRecurringResponse(Guid? StandingBookingId, int Booked, int Failed, IReadOnlyList<OccurrenceOutcome> Occurrences);

internal sealed class BookRecurringValidator : AbstractValidator<BookRecurringCommand>
{
    public BookRecurringValidator()
    {
        RuleFor(c => c.CustomerId).NotEmpty();
        RuleFor(c => c.ClassTypeId).NotEmpty();
        // Weekdays named, one end and dates in order are the pattern's rules (StandingBooking.Occurrences: recurring.*).
        RuleFor(c => c.Weekdays).NotNull();
        RuleForEach(c => c.Weekdays).IsInEnum();
        RuleFor(c => c.UntilDate).Must((c, until) => until!.Value.DayNumber - c.FromDate.DayNumber <= 366).WithMessage("A recurring booking spans at most a year.")
            .When(c => c.UntilDate is not null);
        RuleFor(c => c.Count).InclusiveBetween(1, 200).When(c => c.Count is not null);
        RuleFor(c => c.Source).IsInEnum();
        RuleFor(c => c.Payment!).SetValidator(new PaymentChoiceValidator()).When(c => c.Payment is not null);
    }
}

internal sealed class BookRecurringHandler(IAppDbContext db, BookingLoader loader, TimeProvider clock)
    : ICommandHandler<BookRecurringCommand, Result<BookRecurringResponse>>
{
    public async ValueTask<Result<BookRecurringResponse>> Handle(BookRecurringCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var account = await loader.AccountAsync(command.OrganizationId, command.CustomerId, CustomerAccount.ChargesNeededFrom(now), forUpdate: true, ct);
        if (account is null) return CustomerErrors.NotFound;
        var (organization, customer) = (account.Organization, account.Customer);
        var canBook = customer.EnsureCanBook();
        if (canBook.IsFailure) return canBook.Error!;
        var classType = await db.ClassTypes.FirstOrDefaultAsync(t => t.Id == command.ClassTypeId, ct);
        if (classType is null) return SessionErrors.ClassTypeNotFound;

        var dates = StandingBooking.Occurrences(command.Weekdays, command.FromDate, command.UntilDate, command.Count);
        if (dates.IsFailure) return dates.Error!;
        var starts = dates.Value.Select(date => (Date: date, StartsAt: organization.AtLocal(date, command.LocalTime))).ToList();
        var instants = starts.Select(s => s.StartsAt).ToList();
        var sessionIds = await db.ClassSessions
            .Where(s => s.ClassTypeId == classType.Id
                        && s.Status == SessionStatus.Scheduled && instants.Contains(s.StartsAt))
            .Select(s => s.Id)
            .ToListAsync(ct);
        // All of them locked at once, in id order (the order every batch takes), then booked in date order.
        var sessions = await loader.SessionsAsync(command.OrganizationId, sessionIds, customer.Id, withWaitlist: false, forUpdate: true, ct);

        var outcomes = new List<OccurrenceOutcome>(starts.Count);
        foreach (var (date, startsAt) in starts)
        {
            var local = organization.LocalTime(startsAt);
            var session = sessions.FirstOrDefault(s => s.Session.StartsAt == startsAt);
            if (session is null)
            {
                outcomes.Add(OccurrenceOutcome.Refused(date, local, null, StandingBookingErrors.NoSession));
                continue;
            }
            var decision = BookingDesk.Book(account, session, new BookingRequest(command.Payment, command.JoinWaitlistIfFull, command.Source), now);
            if (decision.IsSuccess)
            {
                db.Bookings.Add(decision.Value.Booking);
                db.CreditLedger.AddRange(decision.Value.LedgerRows);
            }
            outcomes.Add(decision.Match(
                made => OccurrenceOutcome.Booked(date, local, session.Session.Id, BookingResponses.From(made, organization)),
                error => OccurrenceOutcome.Refused(date, local, session.Session.Id, error)));
        }

        Guid? standingId = null;
        if (command.Standing)
        {
            var standing = StandingBooking.Create(customer, classType, command.Weekdays, command.LocalTime, dates.Value, command.JoinWaitlistIfFull, now);
            if (standing.IsFailure) return standing.Error!;
            db.StandingBookings.Add(standing.Value);
            standingId = standing.Value.Id;
        }
        var booked = outcomes.Count(o => o.Booking is not null);
        return new BookRecurringResponse(standingId, booked, outcomes.Count - booked, outcomes);
    }
}
