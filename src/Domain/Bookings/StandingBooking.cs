using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Domain.Bookings;

/// <summary>
/// "Every Monday and Wednesday at 18:00 from March to June": a recurring booking that also books
/// the sessions a studio schedules later inside its range. Times are the studio's wall clock, so
/// 18:00 stays 18:00 across daylight-saving changes.
/// </summary>
public sealed class StandingBooking : Entity, ITenantOwned
{
    public const int MaxOccurrences = 400;

    private StandingBooking() { }

    public Guid OrganizationId { get; private set; }
    public Guid CustomerId { get; private set; }
    public Guid ClassTypeId { get; private set; }
    public DayOfWeek[] Weekdays { get; private set; } = [];
    public TimeOnly LocalTime { get; private set; }
    public DateOnly FromDate { get; private set; }
    public DateOnly UntilDate { get; private set; }
    public bool JoinWaitlistIfFull { get; private set; }
    public bool IsActive { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The local dates of a pattern: every listed weekday from a date, until a date or for a count.</summary>
    public static Result<IReadOnlyList<DateOnly>> Occurrences(IReadOnlyCollection<DayOfWeek> weekdays, DateOnly from, DateOnly? until, int? count)
    {
        if (weekdays.Count == 0) return StandingBookingErrors.WeekdaysRequired;
        if ((until is null) == (count is null)) return StandingBookingErrors.EndRequired;
        if ((DateBounds.Check(from, "fromDate") ?? DateBounds.Check(until, "untilDate")) is { } outOfRange) return outOfRange;
        if (until < from) return StandingBookingErrors.RangeInvalid;
        var dates = new List<DateOnly>();
        for (var date = from; (until is null || date <= until) && (count is null || dates.Count < count) && date <= DateBounds.Max; date = date.AddDays(1))
        {
            if (weekdays.Contains(date.DayOfWeek)) dates.Add(date);
            if (dates.Count > MaxOccurrences) return StandingBookingErrors.TooMany;
        }
        return dates;
    }

    public static Result<StandingBooking> Create(
        Customer customer, ClassType classType, IReadOnlyCollection<DayOfWeek> weekdays, TimeOnly localTime,
        IReadOnlyList<DateOnly> occurrences, bool joinWaitlistIfFull, DateTimeOffset now)
    {
        if (occurrences.Count == 0) return StandingBookingErrors.NoOccurrences;
        return new StandingBooking
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = customer.OrganizationId,
            CustomerId = customer.Id,
            ClassTypeId = classType.Id,
            Weekdays = weekdays.Distinct().Order().ToArray(),
            LocalTime = localTime,
            FromDate = occurrences[0],
            UntilDate = occurrences[^1],
            JoinWaitlistIfFull = joinWaitlistIfFull,
            IsActive = true,
            CreatedAt = now,
        };
    }

    /// <summary>Whether a session of the same class type falls on this pattern, in the studio's local time.</summary>
    public bool Matches(ClassSession session, Organization organization) => OccurrenceOf(session, organization) is not null;

    /// <summary>
    /// The occurrence a session falls on (class type, local date and wall time), or null. Sessions of one occurrence
    /// are rooms side by side, or the two instants of an hour clocks going back repeat: a pattern books one of them.
    /// </summary>
    public StandingOccurrence? OccurrenceOf(ClassSession session, Organization organization)
    {
        if (!IsActive || session.ClassTypeId != ClassTypeId) return null;
        var local = organization.LocalTime(session.StartsAt);
        var date = DateOnly.FromDateTime(local.DateTime);
        return date >= FromDate && date <= UntilDate && Weekdays.Contains(date.DayOfWeek) && TimeOnly.FromDateTime(local.DateTime) == LocalTime
            ? new StandingOccurrence(ClassTypeId, date, LocalTime)
            : null;
    }

    /// <summary>
    /// What one customer's patterns book among sessions: per occurrence the first session (in time, then id), and
    /// nothing for an occurrence on whose sessions the customer already has a booking (booked by hand, in another
    /// room, or cancelled: their own choice, never undone).
    /// </summary>
    /// <param name="sessionsWithABooking">the sessions the customer has a booking of, in any status</param>
    public static IReadOnlyList<(ClassSession Session, StandingBooking Pattern)> SessionsToBook(
        IEnumerable<StandingBooking> patterns, IEnumerable<ClassSession> sessions, IReadOnlySet<Guid> sessionsWithABooking, Organization organization)
    {
        var byAge = patterns.OrderBy(p => p.CreatedAt).ToList();
        var matched = sessions.OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .SelectMany(session => byAge.Select(pattern => (Session: session, Pattern: pattern, Occurrence: pattern.OccurrenceOf(session, organization)))
                .Where(m => m.Occurrence is not null).Take(1))
            .ToList();
        var filled = matched.Where(m => sessionsWithABooking.Contains(m.Session.Id)).Select(m => m.Occurrence).ToHashSet();
        return matched.Where(m => !filled.Contains(m.Occurrence)).DistinctBy(m => m.Occurrence).Select(m => (m.Session, m.Pattern)).ToList();
    }

    public void Stop() => IsActive = false;
}

/// <summary>One occurrence of a standing booking: a class type at a local date and wall time.</summary>
public readonly record struct StandingOccurrence(Guid ClassTypeId, DateOnly Date, TimeOnly Time);
