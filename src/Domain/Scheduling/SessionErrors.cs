namespace UnifiedCustomers.Domain.Scheduling;

public static class SessionErrors
{
    public static readonly Error NotFound = Error.NotFound("session.not_found", "No such class session in this organization.");
    public static readonly Error ClassTypeNotFound = Error.NotFound("class_type.not_found", "No such class type in this organization.");
    public static readonly Error ClassTypeNameRequired = Error.Invalid("class_type.name_required", "A class type needs a name.", "name");
    public static readonly Error ClassTypeNameTooLong = Error.Invalid("class_type.name_too_long", $"A name is at most {ClassType.NameMaxLength} characters.", "name");
    public static readonly Error ClassTypeCapacityInvalid =
        Error.Invalid("class_type.capacity_invalid", $"Capacity is between 1 and {ClassSession.MaxCapacity}.", "defaultCapacity");
    public static readonly Error ClassTypeDurationInvalid = Error.Invalid("class_type.duration_invalid", "Duration is between 5 minutes and 24 hours.", "defaultDurationMinutes");
    public static readonly Error ClassTypeInactive = new("class_type.inactive", "The class type is deactivated: no new session of it can be scheduled.");
    public static readonly Error Cancelled = new("session.cancelled", "The class was cancelled.");
    public static readonly Error AlreadyCancelled = Error.Conflict("session.already_cancelled", "The class is already cancelled.");
    public static readonly Error Started = new("session.started", "The class has already started.");
    public static readonly Error NotStarted = new("session.not_started", "The class has not started yet.");
    public static readonly Error Full = new("session.full", "The class is full.");
    public static readonly Error WaitlistFull = new("waitlist.full", "The class and its waitlist are full.");
    public static readonly Error WindowNotOpen = new("booking.window_not_open", "Booking for this class is not open yet.");
    public static readonly Error WindowClosed = new("booking.window_closed", "Booking for this class has closed.");
    public static readonly Error TimesInvalid = Error.Invalid("session.times_invalid", "A class must end after it starts, within 24 hours.", "endsAt");
    public static readonly Error StartInPast = new("session.start_in_past", "A class can only be moved to a time that has not passed.");
    public static readonly Error CapacityBelowSeatsHeld = new("session.capacity_below_booked", "The capacity cannot go below the seats already booked.");
    public static readonly Error CapacityInvalid = Error.Invalid("session.capacity_invalid", $"Capacity is between 1 and {ClassSession.MaxCapacity}.", "capacity");
}
