using UnifiedCustomers.Domain.Common;

namespace UnifiedCustomers.Domain.Scheduling;

/// <summary>A kind of class a studio offers (Vinyasa Flow, Barbell Club).</summary>
public sealed class ClassType : Entity, ITenantOwned
{
    public const int NameMaxLength = 120;

    private ClassType() { }

    public Guid OrganizationId { get; private set; }
    public string Name { get; private set; } = "";
    public int DefaultCapacity { get; private set; }
    public int DefaultDurationMinutes { get; private set; }
    public bool IsActive { get; private set; }

    public static Result<ClassType> Create(Guid organizationId, string name, int defaultCapacity, int defaultDurationMinutes, DateTimeOffset now, Guid? id = null)
    {
        if (CleanText.Check(name, "name") is { } unclean) return unclean;
        if (string.IsNullOrWhiteSpace(name)) return Error.Invalid("class_type.name_required", "A class type needs a name.", "name");
        if (name.Trim().Length > NameMaxLength) return Error.Invalid("class_type.name_too_long", $"A name is at most {NameMaxLength} characters.", "name");
        if (defaultCapacity is < 1 or > ClassSession.MaxCapacity)
            return Error.Invalid("class_type.capacity_invalid", $"Capacity is between 1 and {ClassSession.MaxCapacity}.", "defaultCapacity");
        if (defaultDurationMinutes is < 5 or > 24 * 60)
            return Error.Invalid("class_type.duration_invalid", "Duration is between 5 minutes and 24 hours.", "defaultDurationMinutes");
        return new ClassType
        {
            Id = id ?? Guid.CreateVersion7(now),
            OrganizationId = organizationId,
            Name = name.Trim(),
            DefaultCapacity = defaultCapacity,
            DefaultDurationMinutes = defaultDurationMinutes,
            IsActive = true,
        };
    }
}
