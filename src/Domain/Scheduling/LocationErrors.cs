using UnifiedCustomers.Domain.Common;

namespace UnifiedCustomers.Domain.Scheduling;

public static class LocationErrors
{
    public static readonly Error NotFound = Error.NotFound("location.not_found", "No such location in this organization.");
    public static readonly Error NameInvalid = Error.Invalid("location.name_invalid", $"A location needs a name of at most {Location.NameMaxLength} characters.", "name");
    public static readonly Error NameTaken = Error.Conflict("location.name_taken", "Another location of this organization has this name.");
    public static readonly Error Inactive = new("location.inactive", "The location is deactivated and cannot be given new sessions.");
}
