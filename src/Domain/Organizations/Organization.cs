using UnifiedCustomers.Domain.Common;

namespace UnifiedCustomers.Domain.Organizations;

/// <summary>A studio or gym: the tenant every other row belongs to.</summary>
public sealed class Organization : Entity
{
    public const int NameMaxLength = 200;
    public const int SlugMaxLength = 80;

    private Organization() { }

    public string Name { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public string TimeZone { get; private set; } = "";
    public string Country { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public static Organization Create(Guid id, string name, string slug, string timeZone, string country, DateTimeOffset now) =>
        new()
        {
            Id = id,
            Name = name.Trim(),
            Slug = slug.Trim().ToLowerInvariant(),
            TimeZone = timeZone,
            Country = country.ToUpperInvariant(),
            CreatedAt = now,
        };
}
