namespace UnifiedCustomers.Domain.Organizations;

/// <summary>A studio or gym: the tenant every other row belongs to.</summary>
public sealed class Organization : Entity
{
    public const int NameMaxLength = 200;
    public const int SlugMaxLength = 80;
    public const int TimeZoneMaxLength = 64;
    public const int MaxAllowedOrigins = 20;
    public const int OriginMaxLength = 200;

    private Organization() { }

    public string Name { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public string TimeZone { get; private set; } = "";
    public string Country { get; private set; } = "";
    public BookingPolicy Policy { get; private set; } = BookingPolicy.Default;
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Web origins (scheme, host and port, e.g. https://studio.example) whose pages may call the public widget from a browser (CORS).</summary>
    public string[] AllowedOrigins { get; private set; } = [];

    public static Result<Organization> Create(Guid id, string name, string slug, string timeZone, string country, DateTimeOffset now)
    {
        if ((CleanText.Check(name, "name") ?? CleanText.Check(slug, "slug")) is { } unclean) return unclean;
        var trimmedName = (name ?? "").Trim();
        if (trimmedName.Length == 0) return OrganizationErrors.NameRequired;
        if (trimmedName.Length > NameMaxLength) return OrganizationErrors.NameTooLong;
        if (!IsValidSlug((slug ?? "").Trim().ToLowerInvariant())) return OrganizationErrors.SlugInvalid;
        if (!IsKnownTimeZone(timeZone)) return OrganizationErrors.TimeZoneUnknown(timeZone);
        if (country.Length != 2 || !country.All(char.IsAsciiLetter)) return OrganizationErrors.CountryInvalid;
        return new Organization
        {
            Id = id,
            Name = trimmedName,
            Slug = slug!.Trim().ToLowerInvariant(),
            TimeZone = timeZone,
            Country = country.ToUpperInvariant(),
            CreatedAt = now,
        };
    }

    /// <summary>Public URLs carry the slug: lower-case letters and digits, single hyphens between them.</summary>
    public static bool IsValidSlug(string slug) =>
        slug.Length is >= 2 and <= SlugMaxLength
        && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && slug[0] != '-' && slug[^1] != '-' && !slug.Contains("--", StringComparison.Ordinal);

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>
    /// An IANA time zone the system knows. Its zone files also hold names that are no zone (localtime, which
    /// follows the host's own setting, posixrules, the posix/ and right/ copies); every IANA name starts with a capital.
    /// </summary>
    public static bool IsKnownTimeZone(string? id) =>
        id is { Length: > 0 and <= TimeZoneMaxLength } && char.IsAsciiLetterUpper(id[0]) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public DateTimeOffset LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The instant a local date begins in the studio's zone (daylight saving included).</summary>
    public DateTimeOffset StartOfDay(DateOnly date) => AtLocal(date, TimeOnly.MinValue);

    /// <summary>
    /// The instant of a local wall-clock time; a time skipped by a DST jump moves forward by the gap, and a time
    /// that happens twice (clocks going back) is its first occurrence, so a day whose midnight repeats starts at the first.
    /// </summary>
    public DateTimeOffset AtLocal(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        var zone = Zone;
        // Read with the offset in force before the jump, a skipped wall time lands exactly the gap later; of a repeated
        // wall time's two offsets the larger gives the earlier instant.
        var offset = zone.IsInvalidTime(local) ? zone.GetUtcOffset(local.AddDays(-1))
            : zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max()
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>
    /// The studio's settings page: name, time zone, country and booking policy, replaced together.
    /// Nothing already decided changes (see <see cref="BookingPolicy"/>); the slug, which public
    /// URLs carry, is not among them.
    /// </summary>
    public Result UpdateSettings(string name, string timeZone, string country, BookingPolicy policy)
    {
        if ((CleanText.Check(name, "name") ?? CleanText.Check(timeZone, "timeZone") ?? CleanText.Check(country, "country")) is { } unclean) return unclean;
        var trimmedName = (name ?? "").Trim();
        if (trimmedName.Length == 0) return OrganizationErrors.NameRequired;
        if (trimmedName.Length > NameMaxLength) return OrganizationErrors.NameTooLong;
        if (!IsKnownTimeZone(timeZone)) return OrganizationErrors.TimeZoneUnknown(timeZone);
        if (country is null || country.Length != 2 || !country.All(char.IsAsciiLetter)) return OrganizationErrors.CountryInvalid;
        var valid = policy.Validate();
        if (valid.IsFailure) return valid;

        Name = trimmedName;
        TimeZone = timeZone;
        Country = country.ToUpperInvariant();
        Policy = policy;
        return Result.Success();
    }

    public Result UpdatePolicy(BookingPolicy policy) => policy.Validate().Tap(() => Policy = policy);

    /// <summary>Replaces the origins allowed to call the public widget: absolute http(s) origins, no path, stored in their canonical form.</summary>
    public Result AllowOrigins(IEnumerable<string> origins)
    {
        var canonical = new List<string>();
        foreach (var origin in origins)
        {
            if (origin.Length > OriginMaxLength
                || !Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var uri)
                || uri.Scheme is not ("https" or "http")
                || uri.PathAndQuery != "/" || uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
                return OrganizationErrors.OriginInvalid(origin);
            var value = uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
            if (!canonical.Contains(value)) canonical.Add(value);
        }
        if (canonical.Count > MaxAllowedOrigins)
            return OrganizationErrors.TooManyOrigins;
        AllowedOrigins = [.. canonical];
        return Result.Success();
    }
}
