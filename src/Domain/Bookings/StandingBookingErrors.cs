namespace UnifiedCustomers.Domain.Bookings;

/// <summary>Recurring bookings: the pattern of a standing booking, and its occurrences.</summary>
public static class StandingBookingErrors
{
    public static readonly Error WeekdaysRequired = Error.Invalid("recurring.weekdays_required", "Name at least one weekday.", "weekdays");
    public static readonly Error EndRequired = Error.Invalid("recurring.end_required", "Give either an end date or a count.", "untilDate");
    public static readonly Error RangeInvalid = Error.Invalid("recurring.range_invalid", "The end date is before the start date.", "untilDate");
    public static readonly Error TooMany = Error.Invalid("recurring.too_many", $"At most {StandingBooking.MaxOccurrences} occurrences.", "untilDate");
    public static readonly Error NoOccurrences = Error.Invalid("recurring.no_occurrences", "The pattern has no date in its range.", "weekdays");
    public static readonly Error NoSession = Error.Rule("recurring.no_session", "No class of this type is scheduled at that time.");
}
