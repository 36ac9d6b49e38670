namespace UnifiedCustomers.Domain.Scheduling;

/// <summary>A kind of class a studio offers (Vinyasa Flow, Barbell Club).</summary>
public sealed class ClassType : Entity, ITenantOwned, IDeactivatable
{
    public const int NameMaxLength = 120;
    public const int MinDurationMinutes = 5;
    public const int MaxDurationMinutes = 24 * 60;

    private ClassType() { }

    public Guid OrganizationId { get; private set; }
    public string Name { get; private set; } = "";
    public int DefaultCapacity { get; private set; }
    public int DefaultDurationMinutes { get; private set; }
    /// <summary>An inactive class type keeps its sessions (they can still be booked) but no new one is scheduled.</summary>
    public bool IsActive { get; private set; }

    public static Result<ClassType> Create(Guid organizationId, string name, int defaultCapacity, int defaultDurationMinutes, DateTimeOffset now, Guid? id = null)
    {
        var type = new ClassType { Id = id ?? Guid.CreateVersion7(now), OrganizationId = organizationId, IsActive = true };
        return type.Rename(name).Bind(() => type.ChangeDefaults(defaultCapacity, defaultDurationMinutes)).Map(() => type);
    }

    public Result Rename(string name)
    {
        if (CleanText.Check(name, "name") is { } unclean) return unclean;
        if (string.IsNullOrWhiteSpace(name)) return SessionErrors.ClassTypeNameRequired;
        if (name.Trim().Length > NameMaxLength) return SessionErrors.ClassTypeNameTooLong;
        Name = name.Trim();
        return Result.Success();
    }

    /// <summary>What sessions scheduled from now on get unless told otherwise; sessions already scheduled keep theirs.</summary>
    public Result ChangeDefaults(int defaultCapacity, int defaultDurationMinutes)
    {
        if (defaultCapacity is < 1 or > ClassSession.MaxCapacity)
            return SessionErrors.ClassTypeCapacityInvalid;
        if (defaultDurationMinutes is < MinDurationMinutes or > MaxDurationMinutes)
            return SessionErrors.ClassTypeDurationInvalid;
        DefaultCapacity = defaultCapacity;
        DefaultDurationMinutes = defaultDurationMinutes;
        return Result.Success();
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    public Result EnsureCanBeScheduled() => IsActive ? Result.Success() : SessionErrors.ClassTypeInactive;
}
