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

    /// <summary>Cancelling a class cancels these of its bookings, and refunds what they spent.</summary>
    public static readonly BookingStatus[] CancelledWithTheirSession = [BookingStatus.Confirmed, BookingStatus.Waitlisted];
}
