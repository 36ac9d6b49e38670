namespace UnifiedCustomers.Domain.Bookings;

public enum BookingStatus
{
    Confirmed,
    Waitlisted,
    Cancelled,
    LateCancelled,
    Attended,
    NoShow,
}

public enum BookingSource
{
    Staff,
    Public,
    Api,
    Legacy,
    /// <summary>The customer, through a member app (/api/v1/me).</summary>
    MemberApp,
}

public static class BookingStatuses
{
    /// <summary>A customer may hold one of these per session (a partial unique index backs it).</summary>
    public static readonly BookingStatus[] Active = [BookingStatus.Confirmed, BookingStatus.Waitlisted, BookingStatus.Attended];

    /// <summary>These occupy a seat of the session's capacity.</summary>
    public static readonly BookingStatus[] HoldingSeat = [BookingStatus.Confirmed, BookingStatus.Attended, BookingStatus.NoShow];

    /// <summary>
    /// Cancelling a class cancels every active booking of it, an early check-in too (a class cancels only
    /// before it starts: <see cref="Scheduling.ClassSession.Cancel"/>), and refunds what they spent; a merge
    /// collapses a duplicate booking the same way.
    /// </summary>
    public static readonly BookingStatus[] CancelledWithTheirSession = Active;

    /// <summary>What a customer or staff may cancel: a booking not yet checked in, or a waitlist place.</summary>
    public static readonly BookingStatus[] Cancellable = [BookingStatus.Confirmed, BookingStatus.Waitlisted];
}
