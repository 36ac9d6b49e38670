using UnifiedCustomers.Domain.Common;

namespace UnifiedCustomers.Domain.Organizations;

/// <summary>A studio or gym: the tenant every other row belongs to.</summary>
public sealed class Organization : Entity
{
    public const int NameMaxLength = 200;
    public const int SlugMaxLength = 80;
    public const int TimeZoneMaxLength = 64;

    private Organization() { }

    public string Name { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public string TimeZone { get; private set; } = "";
    public string Country { get; private set; } = "";
    public BookingPolicy Policy { get; private set; } = BookingPolicy.Default;
    public DateTimeOffset CreatedAt { get; private set; }

    public static Result<Organization> Create(Guid id, string name, string slug, string timeZone, string country, DateTimeOffset now)
    {
        if ((CleanText.Check(name, "name") ?? CleanText.Check(slug, "slug")) is { } unclean) return unclean;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
            return Error.Invalid("organization.time_zone_unknown", $"'{timeZone}' is not an IANA time zone.", "timeZone");
        if (country.Length != 2 || !country.All(char.IsAsciiLetter))
            return Error.Invalid("organization.country_invalid", "The country must be a two-letter ISO 3166 code.", "country");
        return new Organization
        {
            Id = id,
            Name = name.Trim(),
            Slug = slug.Trim().ToLowerInvariant(),
            TimeZone = timeZone,
            Country = country.ToUpperInvariant(),
            CreatedAt = now,
        };
    }

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public DateTimeOffset LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The instant a local date begins in the studio's zone (daylight saving included).</summary>
    public DateTimeOffset StartOfDay(DateOnly date) => AtLocal(date, TimeOnly.MinValue);

    /// <summary>The instant of a local wall-clock time; a time skipped by a DST jump moves forward by the gap.</summary>
    public DateTimeOffset AtLocal(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        var zone = Zone;
        // Read with the offset in force before the jump, a skipped wall time lands exactly the gap later.
        var offset = zone.IsInvalidTime(local) ? zone.GetUtcOffset(local.AddDays(-1)) : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public Result UpdatePolicy(BookingPolicy policy)
    {
        if (policy.BookingOpensDaysBefore < 0 || policy.BookingClosesMinutesBefore < 0 || policy.LateCancelHours < 0
            || policy.WaitlistCap < 0 || policy.PromotionCutoffMinutes < 0)
            return Error.Invalid("organization.policy_invalid", "Policy values cannot be negative.", "policy");
        // Bounded so that window arithmetic on any session in DateBounds stays total.
        if (policy.BookingOpensDaysBefore > BookingPolicy.MaxWindowDays || policy.BookingClosesMinutesBefore > BookingPolicy.MaxWindowDays * 1440
            || policy.LateCancelHours > BookingPolicy.MaxWindowDays * 24 || policy.PromotionCutoffMinutes > BookingPolicy.MaxWindowDays * 1440)
            return Error.Invalid("organization.policy_invalid", $"Policy windows are at most {BookingPolicy.MaxWindowDays} days.", "policy");
        Policy = policy;
        return Result.Success();
    }
}
