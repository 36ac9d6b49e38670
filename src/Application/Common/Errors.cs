namespace UnifiedCustomers.Application.Common;

/// <summary>The catalog of the errors the application layer itself raises (the use cases' own are the domain's).</summary>
public static class ApplicationErrors
{
    public static readonly Error OrganizationNotFound = Error.NotFound("organization.not_found", "No such organization.");

    /// <summary>A request that fails its validator: every field's message travels with it.</summary>
    public static readonly Error ValidationFailed = Error.Invalid("validation.failed", "One or more fields are invalid.", "");
}
