namespace UnifiedCustomers.Domain.Scheduling;

/// <summary>Someone who teaches the studio's classes. Never deleted once it teaches a session: deactivated instead.</summary>
public sealed class Instructor : Entity, IScheduleResource
{
    public const int NameMaxLength = 120;

    private Instructor() { }

    public Guid OrganizationId { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>An inactive instructor keeps the sessions they teach but cannot be given new ones.</summary>
    public bool IsActive { get; private set; }

    public static Result<Instructor> Create(Guid organizationId, string name, DateTimeOffset now, Guid? id = null)
    {
        var instructor = new Instructor { Id = id ?? Guid.CreateVersion7(now), OrganizationId = organizationId, IsActive = true };
        return instructor.Rename(name).Map(() => instructor);
    }

    public Result Rename(string name)
    {
        if (CleanText.Check(name, "name") is { } unclean) return unclean;
        if (!ScheduleResource.IsValidName(name, NameMaxLength)) return InstructorErrors.NameInvalid;
        Name = name.Trim();
        return Result.Success();
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    /// <summary>Whether a session may be given this instructor from now on.</summary>
    public Result EnsureCanTeach() => IsActive ? Result.Success() : InstructorErrors.Inactive;
}
