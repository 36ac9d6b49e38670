using System.Linq.Expressions;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Scheduling;

/// <summary>
/// What tells instructors and locations apart in their use cases: their words and their errors. The
/// steps of creating and editing one are the same and written once below (see docs/adr/0032).
/// </summary>
internal sealed record ScheduleResourceKind(string Article, string Noun, int NameMaxLength, Error NotFound, Error NameTaken)
{
    public static readonly ScheduleResourceKind Instructor =
        new("An", "instructor", Domain.Scheduling.Instructor.NameMaxLength, InstructorErrors.NotFound, InstructorErrors.NameTaken);

    public static readonly ScheduleResourceKind Location =
        new("A", "location", Domain.Scheduling.Location.NameMaxLength, LocationErrors.NotFound, LocationErrors.NameTaken);

    public string NameRule => $"{Article} {Noun} needs a name of at most {NameMaxLength} characters";
}

/// <summary>A creation command: the resource's name.</summary>
public interface INewScheduleResource
{
    string Name { get; }
}

/// <summary>An edit command (a merge patch): a new name, activation.</summary>
public interface IScheduleResourcePatch
{
    Optional<string?> Name { get; }
    Optional<bool?> IsActive { get; }
}

internal abstract class NewScheduleResourceValidator<TCommand> : AbstractValidator<TCommand>
    where TCommand : INewScheduleResource
{
    protected NewScheduleResourceValidator(ScheduleResourceKind kind) =>
        RuleFor(c => c.Name).NotEmpty().MaximumLength(kind.NameMaxLength).WithMessage($"{kind.NameRule}.");
}

internal abstract class ScheduleResourcePatchValidator<TCommand> : AbstractValidator<TCommand>
    where TCommand : IScheduleResourcePatch
{
    protected ScheduleResourcePatchValidator(Expression<Func<TCommand, Guid>> id, ScheduleResourceKind kind)
    {
        RuleFor(id).NotEmpty().WithMessage($"Name the {kind.Noun}.");
        this.RuleForName(c => c.Name, kind.NameMaxLength, $"{kind.NameRule} (it cannot be cleared).");
        this.RuleForSwitch(c => c.IsActive, "isActive");
    }
}

/// <summary>Adds the resource the command creates; its name must be free in the organization.</summary>
internal abstract class CreateScheduleResourceHandler<TCommand, TResource, TResponse>(
    DbSet<TResource> rows, TypeAdapterConfig mapping, TimeProvider clock,
    Func<TCommand, DateTimeOffset, Result<TResource>> create, ScheduleResourceKind kind)
    : ICommandHandler<TCommand, Result<TResponse>>
    where TCommand : ITenantCommand<Result<TResponse>>, IOrganizationRequest, INewScheduleResource
    where TResource : class, IScheduleResource
{
    public async ValueTask<Result<TResponse>> Handle(TCommand command, CancellationToken ct)
    {
        var created = create(command, clock.GetUtcNow());
        if (created.IsFailure) return created.Error!;
        var name = created.Value.Name;
        // The unique index answers the same error when two creations race.
        if (await rows.AnyAsync(r => r.Name == name, ct)) return kind.NameTaken;
        rows.Add(created.Value);
        return created.Value.Adapt<TResponse>(mapping);
    }
}

/// <summary>Renames, deactivates or reactivates the resource the command names; a new name must be free in the organization.</summary>
internal abstract class UpdateScheduleResourceHandler<TCommand, TResource, TResponse>(
    DbSet<TResource> rows, TypeAdapterConfig mapping, Func<TCommand, Guid> id, ScheduleResourceKind kind)
    : ICommandHandler<TCommand, Result<TResponse>>
    where TCommand : ITenantCommand<Result<TResponse>>, IScheduleResourcePatch
    where TResource : class, IScheduleResource
{
    public async ValueTask<Result<TResponse>> Handle(TCommand command, CancellationToken ct)
    {
        var wanted = id(command);
        var resource = await rows.FirstOrDefaultAsync(r => r.Id == wanted, ct);
        if (resource is null) return kind.NotFound;
        if (command.Name is { IsSet: true, Value: { } name })
        {
            var renamed = resource.Rename(name);
            if (renamed.IsFailure) return renamed.Error!;
            var newName = resource.Name;
            if (await rows.AnyAsync(r => r.Name == newName && r.Id != resource.Id, ct))
                return kind.NameTaken;
        }
        command.IsActive.ApplyTo(resource);
        return resource.Adapt<TResponse>(mapping);
    }
}
