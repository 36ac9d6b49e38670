namespace UnifiedCustomers.Domain.Organizations;

public static class OrganizationErrors
{
    public static readonly Error NameRequired = Error.Invalid("organization.name_required", "The studio needs a name.", "name");
    public static readonly Error NameTooLong =
        Error.Invalid("organization.name_too_long", $"A studio's name is at most {Organization.NameMaxLength} characters.", "name");
    public static readonly Error CountryInvalid = Error.Invalid("organization.country_invalid", "The country must be a two-letter ISO 3166 code.", "country");
    public static readonly Error SlugInvalid = Error.Invalid(
        "organization.slug_invalid",
        $"A slug is 2 to {Organization.SlugMaxLength} lower-case letters, digits and single hyphens, starting and ending with a letter or digit.",
        "slug");
    public static readonly Error SlugTaken = Error.Conflict("organization.slug_taken", "Another organization already uses this slug.");

    public static readonly Error PolicyClosesBeforeOpens = Error.Invalid(
        "organization.policy_invalid",
        "Booking cannot close before it opens: policy.bookingClosesMinutesBefore is at most policy.bookingOpensDaysBefore in minutes.",
        "policy.bookingClosesMinutesBefore");
    public static readonly Error TooManyOrigins =
        Error.Invalid("organization.origin_invalid", $"At most {Organization.MaxAllowedOrigins} origins may be allowed.", "allowedOrigins");

    public static Error OriginInvalid(string origin) =>
        Error.Invalid("organization.origin_invalid", $"'{origin}' is not a web origin such as https://studio.example.", "allowedOrigins");

    public static Error TimeZoneUnknown(string? timeZone) =>
        Error.Invalid("organization.time_zone_unknown", $"'{timeZone}' is not an IANA time zone (for example Europe/London).", "timeZone");

    /// <param name="field">the policy field, as a client names it (policy.waitlistCap)</param>
    public static Error PolicyOutOfRange(string field, int min, int max) =>
        Error.Invalid("organization.policy_invalid", $"{field} is between {min} and {max}.", field);
}
