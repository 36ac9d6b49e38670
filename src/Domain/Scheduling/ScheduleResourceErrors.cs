namespace UnifiedCustomers.Domain.Scheduling;

/// <summary>Instructors and locations: the resources a session is given, side by side.</summary>
public static class InstructorErrors
{
    public static readonly Error NotFound = Error.NotFound("instructor.not_found", "No such instructor in this organization.");
    public static readonly Error NameInvalid = Error.Invalid("instructor.name_invalid", $"An instructor needs a name of at most {Instructor.NameMaxLength} characters.", "name");
    public static readonly Error NameTaken = Error.Conflict("instructor.name_taken", "Another instructor of this organization has this name.");
    public static readonly Error Inactive = new("instructor.inactive", "The instructor is deactivated and cannot be given new sessions.");
}

public static class LocationErrors
{
    public static readonly Error NotFound = Error.NotFound("location.not_found", "No such location in this organization.");
    public static readonly Error NameInvalid = Error.Invalid("location.name_invalid", $"A location needs a name of at most {Location.NameMaxLength} characters.", "name");
    public static readonly Error NameTaken = Error.Conflict("location.name_taken", "Another location of this organization has this name.");
    public static readonly Error Inactive = new("location.inactive", "The location is deactivated and cannot be given new sessions.");
}
