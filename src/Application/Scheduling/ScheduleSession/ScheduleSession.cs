using System.Text.Json.Serialization;
using UnifiedCustomers.Application.Bookings;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Scheduling.ScheduleSession;

/// <param name="EndsAt">defaults to the class type's duration</param>
/// <param name="Capacity">defaults to the class type's capacity</param>
/// <param name="InstructorId">an active instructor of the organization, or none</param>
/// <param name="LocationId">an active location of the organization, or none</param>
public sealed record ScheduleSessionCommand(
    Guid OrganizationId,
    Guid ClassTypeId,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt = null,
    int? Capacity = null,
    Guid? InstructorId = null,
    Guid? LocationId = null) : ITenantCommand<Result<ScheduleSessionResponse>>, IOrganizationRequest;

/// <summary>A standing booking met by the new session: booked, or why not.</summary>
public sealed record StandingBookingOutcome(Guid StandingBookingId, Guid CustomerId, Guid? BookingId, BookingStatus? Status, string? ErrorCode)
{
    [JsonIgnore]
    public Error? Error { get; private init; }

    public static StandingBookingOutcome Booked(StandingBooking pattern, Booking booking) => new(pattern.Id, pattern.CustomerId, booking.Id, booking.Status, null);

    public static StandingBookingOutcome Refused(StandingBooking pattern, Error error) => new(pattern.Id, pattern.CustomerId, null, null, error.Code) { Error = error };
}

public sealed record ScheduleSessionResponse(
    Guid Id,
    Guid ClassTypeId,
    string ClassName,
    DateTimeOffset StartsAtUtc,
    DateTimeOffset StartsAtLocal,
    DateTimeOffset EndsAtUtc,
    int Capacity,
    Guid? InstructorId,
    string? Instructor,
    Guid? LocationId,
    string? Location,
    SessionStatus Status,
    IReadOnlyList<StandingBookingOutcome> StandingBookings);

/// <summary>The shape only: times that end before they start or a capacity out of range are <see cref="ClassSession.Schedule"/>'s to refuse.</summary>
internal sealed class ScheduleSessionValidator : AbstractValidator<ScheduleSessionCommand>
{
    public ScheduleSessionValidator()
    {
        RuleFor(c => c.ClassTypeId).NotEmpty();
        RuleFor(c => c.StartsAt).Must(s => s.Year is >= 2000 and <= 2100).WithMessage("Give a start between the years 2000 and 2100.");
        RuleFor(c => c.InstructorId).NotEqual(Guid.Empty).WithMessage("The instructor id cannot be empty.");
        RuleFor(c => c.LocationId).NotEqual(Guid.Empty).WithMessage("The location id cannot be empty.");
    }
}

internal sealed class ScheduleSessionHandler(CurrentOrganization current, IAppDbContext db, BookingLoader loader, TimeProvider clock)
    : ICommandHandler<ScheduleSessionCommand, Result<ScheduleSessionResponse>>
{
    public async ValueTask<Result<ScheduleSessionResponse>> Handle(ScheduleSessionCommand command, CancellationToken ct)
    {
        var organization = current.Organization;
        var classType = await db.ClassTypes.FirstOrDefaultAsync(t => t.Id == command.ClassTypeId, ct);
        if (classType is null) return SessionErrors.ClassTypeNotFound;
        var staffing = await SessionStaffing.LoadAsync(db, command.InstructorId, command.LocationId, ct);
        if (staffing.IsFailure) return staffing.Error!;
        var (instructor, location) = staffing.Value;
        var now = clock.GetUtcNow();
        var scheduled = ClassSession.Schedule(classType, command.StartsAt, command.EndsAt, command.Capacity, instructor, location, now);
        if (scheduled.IsFailure) return scheduled.Error!;
        var session = scheduled.Value;
        db.ClassSessions.Add(session);
        // Nobody else can see the new session yet, so it needs no lock and holds no booking.
        var atDesk = BookingLoader.NewSession(session, classType.Name);

        var outcomes = new List<StandingBookingOutcome>();
        var accounts = new Dictionary<Guid, CustomerAccount?>();
        var standing = await db.StandingBookings
            .Where(s => s.ClassTypeId == classType.Id && s.IsActive)
            .OrderBy(s => s.CreatedAt)
            .ToListAsync(ct);
        var matching = standing.Where(s => s.Matches(session, organization)).ToList();
        // A pattern books one session per occurrence: none here when its customer already has a booking of another
        // session of the same occurrence (a room beside this one, the other instant of a repeated hour).
        var day = organization.LocalDate(session.StartsAt);
        var (dayStarts, dayEnds) = (organization.StartOfDay(day), organization.StartOfDay(day.AddDays(1)));
        var standingCustomers = matching.Select(p => p.CustomerId).Distinct().ToList();
        var sameDay = matching.Count == 0 ? [] : await db.ClassSessions.AsNoTracking()
            .Where(s => s.ClassTypeId == classType.Id && s.StartsAt >= dayStarts && s.StartsAt < dayEnds)
            .ToListAsync(ct);
        var sameDayIds = sameDay.Select(s => s.Id).ToList();
        var bookedThatDay = (await db.Bookings.Where(b => sameDayIds.Contains(b.SessionId) && standingCustomers.Contains(b.CustomerId))
                .Select(b => new { b.CustomerId, b.SessionId }).ToListAsync(ct))
            .ToLookup(b => b.CustomerId, b => b.SessionId);
        foreach (var pattern in matching)
        {
            var occurrence = pattern.OccurrenceOf(session, organization);
            if (sameDay.Any(s => bookedThatDay[pattern.CustomerId].Contains(s.Id) && pattern.OccurrenceOf(s, organization) == occurrence))
            {
                outcomes.Add(StandingBookingOutcome.Refused(pattern, BookingErrors.AlreadyBooked));
                continue;
            }
            // One account per customer, so a second pattern of theirs counts what the first one booked.
            if (!accounts.TryGetValue(pattern.CustomerId, out var account))
            {
                account = await loader.AccountAsync(
                    organization.Id, pattern.CustomerId, CustomerAccount.ChargesNeededFrom(Min(now, session.StartsAt)), forUpdate: true, ct);
                accounts[pattern.CustomerId] = account;
            }
            if (account is null) continue;
            var made = BookingDesk.Book(account, atDesk, new BookingRequest(null, pattern.JoinWaitlistIfFull, BookingSource.Staff), now);
            if (made.IsSuccess)
            {
                db.Bookings.Add(made.Value.Booking);
                db.CreditLedger.AddRange(made.Value.LedgerRows);
            }
            outcomes.Add(made.Match(
                decision => StandingBookingOutcome.Booked(pattern, decision.Booking),
                error => StandingBookingOutcome.Refused(pattern, error)));
        }

        return new ScheduleSessionResponse(
            session.Id, classType.Id, classType.Name, session.StartsAt, organization.LocalTime(session.StartsAt), session.EndsAt,
            session.Capacity, instructor?.Id, instructor?.Name, location?.Id, location?.Name, session.Status, outcomes);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
