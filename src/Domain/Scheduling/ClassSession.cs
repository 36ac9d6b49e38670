using UnifiedCustomers.Domain.Organizations;

namespace UnifiedCustomers.Domain.Scheduling;

/// <summary>How a new booking enters a session: with a seat, or on the waitlist at a position.</summary>
public readonly record struct Admission(bool Waitlisted, int? WaitlistPosition);

/// <summary>One scheduled class. Seats are counted from its bookings under a row lock on the session.</summary>
public sealed class ClassSession : Entity, ITenantOwned
{
    public const int MaxCapacity = 1000;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    private ClassSession() { }

    public Guid OrganizationId { get; private set; }
    public Guid ClassTypeId { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public int Capacity { get; private set; }
    public Guid? InstructorId { get; private set; }
    public Guid? LocationId { get; private set; }
    public SessionStatus Status { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }

    public static Result<ClassSession> Schedule(
        ClassType type, DateTimeOffset startsAt, DateTimeOffset? endsAt, int? capacity, Instructor? instructor, Location? location, DateTimeOffset now, Guid? id = null)
    {
        if ((DateBounds.Check(startsAt, "startsAt") ?? DateBounds.Check(endsAt, "endsAt")) is { } outOfRange) return outOfRange;
        var schedulable = type.EnsureCanBeScheduled();
        if (schedulable.IsFailure) return schedulable.Error!;
        var end = endsAt ?? startsAt.AddMinutes(type.DefaultDurationMinutes);
        if (!AreValidTimes(startsAt, end)) return SessionErrors.TimesInvalid;
        var seats = capacity ?? type.DefaultCapacity;
        if (seats is < 1 or > MaxCapacity) return SessionErrors.CapacityInvalid;
        if (instructor?.EnsureCanTeach() is { IsFailure: true } cannotTeach) return cannotTeach.Error!;
        if (location?.EnsureCanHost() is { IsFailure: true } cannotHost) return cannotHost.Error!;
        var session = new ClassSession
        {
            Id = id ?? Guid.CreateVersion7(now),
            OrganizationId = type.OrganizationId,
            ClassTypeId = type.Id,
            StartsAt = startsAt.ToUniversalTime(),
            EndsAt = end.ToUniversalTime(),
            Capacity = seats,
            InstructorId = instructor?.Id,
            LocationId = location?.Id,
            Status = SessionStatus.Scheduled,
        };
        session.Raise(new SessionScheduled(session));
        return session;
    }

    private static bool AreValidTimes(DateTimeOffset startsAt, DateTimeOffset endsAt) => endsAt > startsAt && endsAt - startsAt <= MaxDuration;

    /// <summary>
    /// Moves a class that has not started to another time still ahead; every booking stays as it is
    /// (their charges stay where they were: <see cref="Bookings.BookingDesk.Reschedule"/>, the only
    /// caller). Without an end, the class keeps its length. Raises <see cref="SessionRescheduled"/>
    /// when the times change.
    /// </summary>
    /// <param name="seatsTaken">the seats its bookings hold, for the event</param>
    internal Result Reschedule(DateTimeOffset startsAt, DateTimeOffset? endsAt, int seatsTaken, DateTimeOffset now)
    {
        if ((DateBounds.Check(startsAt, "startsAt") ?? DateBounds.Check(endsAt, "endsAt")) is { } outOfRange) return outOfRange;
        if (Status == SessionStatus.Cancelled) return SessionErrors.Cancelled;
        if (HasStarted(now)) return SessionErrors.Started;
        var end = endsAt ?? startsAt + (EndsAt - StartsAt);
        if (!AreValidTimes(startsAt, end)) return SessionErrors.TimesInvalid;
        if (startsAt <= now) return SessionErrors.StartInPast;
        var (previousStart, previousEnd) = (StartsAt, EndsAt);
        StartsAt = startsAt.ToUniversalTime();
        EndsAt = end.ToUniversalTime();
        if (StartsAt != previousStart || EndsAt != previousEnd) Raise(new SessionRescheduled(this, previousStart, previousEnd, seatsTaken));
        return Result.Success();
    }

    /// <summary>
    /// Raises or lowers the seats of a class that has not started, never below the seats its
    /// bookings hold (counted by the caller under the session's row lock). Filling the seats a raise
    /// frees from the waitlist is the caller's next step.
    /// </summary>
    public Result ChangeCapacity(int capacity, int seatsHeld, DateTimeOffset now)
    {
        if (Status == SessionStatus.Cancelled) return SessionErrors.Cancelled;
        if (HasStarted(now)) return SessionErrors.Started;
        if (capacity is < 1 or > MaxCapacity) return SessionErrors.CapacityInvalid;
        if (capacity < seatsHeld)
            return SessionErrors.CapacityBelowSeatsHeld with { Message = $"{seatsHeld} seats are booked; the capacity cannot go below that." };
        if (capacity != Capacity) RaiseOnce(new SessionUpdated(this));
        Capacity = capacity;
        return Result.Success();
    }

    /// <summary>Gives the class to an instructor (an active one, unless it already teaches it), or to nobody.</summary>
    public Result AssignInstructor(Instructor? instructor)
    {
        if (Status == SessionStatus.Cancelled) return SessionErrors.Cancelled;
        if (instructor is not null && instructor.Id != InstructorId && instructor.EnsureCanTeach() is { IsFailure: true } refused) return refused;
        if (instructor?.Id != InstructorId) RaiseOnce(new SessionUpdated(this));
        InstructorId = instructor?.Id;
        return Result.Success();
    }

    /// <summary>Holds the class at a location (an active one, unless it is already there), or at none.</summary>
    public Result MoveTo(Location? location)
    {
        if (Status == SessionStatus.Cancelled) return SessionErrors.Cancelled;
        if (location is not null && location.Id != LocationId && location.EnsureCanHost() is { IsFailure: true } refused) return refused;
        if (location?.Id != LocationId) RaiseOnce(new SessionUpdated(this));
        LocationId = location?.Id;
        return Result.Success();
    }

    public bool HasStarted(DateTimeOffset now) => now >= StartsAt;

    /// <summary>The class is scheduled, not started, and its booking window is open.</summary>
    public Result EnsureOpenForBooking(BookingPolicy policy, DateTimeOffset now)
    {
        if (Status == SessionStatus.Cancelled) return SessionErrors.Cancelled;
        if (HasStarted(now)) return SessionErrors.Started;
        if (now < policy.OpensAt(StartsAt)) return SessionErrors.WindowNotOpen;
        if (now > policy.ClosesAt(StartsAt)) return SessionErrors.WindowClosed;
        return Result.Success();
    }

    /// <summary>
    /// A seat while one is free; else the waitlist when asked for and not capped; else refused.
    /// The caller holds the session's row lock, so the counts cannot change underneath.
    /// </summary>
    public Result<Admission> Admit(int seatsTaken, int waitlisted, bool joinWaitlistIfFull, BookingPolicy policy)
    {
        if (seatsTaken < Capacity) return new Admission(false, null);
        if (!joinWaitlistIfFull) return SessionErrors.Full;
        if (waitlisted >= policy.WaitlistCap) return SessionErrors.WaitlistFull;
        return new Admission(true, waitlisted + 1);
    }

    public Result Cancel(DateTimeOffset now)
    {
        if (Status == SessionStatus.Cancelled) return SessionErrors.AlreadyCancelled;
        if (HasStarted(now)) return SessionErrors.Started;
        Status = SessionStatus.Cancelled;
        CancelledAt = now;
        Raise(new SessionCancelled(this));
        return Result.Success();
    }
}
