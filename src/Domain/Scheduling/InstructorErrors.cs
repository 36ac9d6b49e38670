using UnifiedCustomers.Domain.Common;

namespace UnifiedCustomers.Domain.Scheduling;

public static class InstructorErrors
{
    public static readonly Error NotFound = Error.NotFound("instructor.not_found", "No such instructor in this organization.");
    public static readonly Error NameInvalid = Error.Invalid("instructor.name_invalid", $"An instructor needs a name of at most {Instructor.NameMaxLength} characters.", "name");
    public static readonly Error NameTaken = Error.Conflict("instructor.name_taken", "Another instructor of this organization has this name.");
    public static readonly Error Inactive = new("instructor.inactive", "The instructor is deactivated and cannot be given new sessions.");
}
