namespace UnifiedCustomers.Domain.Scheduling;

/// <summary>A room or place where the studio holds classes. Never deleted once used: deactivated instead.</summary>
public sealed class Location : Entity, IScheduleResource
{
    public const int NameMaxLength = 120;

    private Location() { }

    public Guid OrganizationId { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>An inactive location keeps the sessions held there but cannot be given new ones.</summary>
    public bool IsActive { get; private set; }

    public static Result<Location> Create(Guid organizationId, string name, DateTimeOffset now, Guid? id = null)
    {
        var location = new Location { Id = id ?? Guid.CreateVersion7(now), OrganizationId = organizationId, IsActive = true };
        return location.Rename(name).Map(() => location);
    }

    public Result Rename(string name)
    {
        if (CleanText.Check(name, "name") is { } unclean) return unclean;
        if (!ScheduleResource.IsValidName(name, NameMaxLength)) return LocationErrors.NameInvalid;
        Name = name.Trim();
        return Result.Success();
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    /// <summary>Whether a session may be held here from now on.</summary>
    public Result EnsureCanHost() => IsActive ? Result.Success() : LocationErrors.Inactive;
}
