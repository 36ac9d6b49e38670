namespace UnifiedCustomers.Application.Common;

public static class ApplicationErrors
{
    public static readonly Error OrganizationNotFound = Error.NotFound("organization.not_found", "No such organization.");
}
