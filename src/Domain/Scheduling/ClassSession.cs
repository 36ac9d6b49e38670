using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Organizations;

namespace UnifiedCustomers.Domain.Scheduling;

/// <summary>How a new booking enters a session: with a seat, or on the waitlist at a position.</summary>
public readonly record struct Admission(bool Waitlisted, int? WaitlistPosition);

/// <summary>One scheduled class. Seats are counted from its bookings under a row lock on the session.</summary>
public sealed class ClassSession : Entity, ITenantOwned
{
    public const int MaxCapacity = 1000;
    public const int InstructorMaxLength = 120;
    public const int LocationMaxLength = 120;

    private ClassSession() { }

    public Guid OrganizationId { get; private set; }
    public Guid ClassTypeId { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public int Capacity { get; private set; }
    public string? Instructor { get; private set; }
    public string? Location { get; private set; }
    public SessionStatus Status { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }

    public static Result<ClassSession> Schedule(
        ClassType type, DateTimeOffset startsAt, DateTimeOffset? endsAt, int? capacity, string? instructor, string? location, DateTimeOffset now, Guid? id = null)
    {
        if ((DateBounds.Check(startsAt, "startsAt") ?? DateBounds.Check(endsAt, "endsAt")) is { } outOfRange) return outOfRange;
        if ((CleanText.Check(instructor, "instructor") ?? CleanText.Check(location, "location")) is { } unclean) return unclean;
        var end = endsAt ?? startsAt.AddMinutes(type.DefaultDurationMinutes);
        if (end <= startsAt || end - startsAt > TimeSpan.FromHours(24)) return SessionErrors.TimesInvalid;
        var seats = capacity ?? type.DefaultCapacity;
        if (seats is < 1 or > MaxCapacity) return SessionErrors.CapacityInvalid;
        if (instructor is { Length: > InstructorMaxLength } || location is { Length: > LocationMaxLength })
            return Error.Invalid("session.text_too_long", "Instructor and location are at most 120 characters.", instructor is { Length: > InstructorMaxLength } ? "instructor" : "location");
        return new ClassSession
        {
            Id = id ?? Guid.CreateVersion7(now),
            OrganizationId = type.OrganizationId,
            ClassTypeId = type.Id,
            StartsAt = startsAt.ToUniversalTime(),
            EndsAt = end.ToUniversalTime(),
            Capacity = seats,
            Instructor = string.IsNullOrWhiteSpace(instructor) ? null : instructor.Trim(),
            Location = string.IsNullOrWhiteSpace(location) ? null : location.Trim(),
            Status = SessionStatus.Scheduled,
        };
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
        return Result.Success();
    }
}
