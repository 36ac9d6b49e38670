using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Catalog.UpdateClassType;

/// <summary>
/// Renames a class type, changes the defaults sessions scheduled from now on get, or deactivates it
/// (no new session; the scheduled ones keep working). A merge patch: fields left out stay as they are.
/// </summary>
public sealed record UpdateClassTypeCommand(
    Guid OrganizationId,
    Guid ClassTypeId,
    Optional<string?> Name,
    Optional<int?> DefaultCapacity,
    Optional<int?> DefaultDurationMinutes,
    Optional<bool?> IsActive) : ITenantCommand<Result<ClassTypeResponse>>;

internal sealed class UpdateClassTypeValidator : AbstractValidator<UpdateClassTypeCommand>
{
    public UpdateClassTypeValidator()
    {
        RuleFor(c => c.ClassTypeId).NotEmpty().WithMessage("Name the class type.");
        this.RuleForName(c => c.Name, ClassType.NameMaxLength, $"A class type needs a name of at most {ClassType.NameMaxLength} characters (it cannot be cleared).");
        // The ranges are ClassType's to refuse (class_type.capacity_invalid, class_type.duration_invalid).
        RuleFor(c => c.DefaultCapacity.Value).NotNull().When(c => c.DefaultCapacity.IsSet)
            .OverridePropertyName("defaultCapacity").WithMessage("The default capacity cannot be cleared.");
        RuleFor(c => c.DefaultDurationMinutes.Value).NotNull()
            .When(c => c.DefaultDurationMinutes.IsSet).OverridePropertyName("defaultDurationMinutes").WithMessage("The default duration cannot be cleared.");
        this.RuleForSwitch(c => c.IsActive, "isActive");
    }
}

internal sealed class UpdateClassTypeHandler(IAppDbContext db, TypeAdapterConfig mapping) : ICommandHandler<UpdateClassTypeCommand, Result<ClassTypeResponse>>
{
    public async ValueTask<Result<ClassTypeResponse>> Handle(UpdateClassTypeCommand command, CancellationToken ct)
    {
        var type = await db.ClassTypes.FirstOrDefaultAsync(t => t.Id == command.ClassTypeId, ct);
        if (type is null) return SessionErrors.ClassTypeNotFound;
        if (command.Name is { IsSet: true, Value: { } name } && type.Rename(name) is { IsFailure: true } badName) return badName.Error!;
        if (command.DefaultCapacity.IsSet || command.DefaultDurationMinutes.IsSet)
        {
            var defaults = type.ChangeDefaults(command.DefaultCapacity.Or(type.DefaultCapacity) ?? type.DefaultCapacity,
                command.DefaultDurationMinutes.Or(type.DefaultDurationMinutes) ?? type.DefaultDurationMinutes);
            if (defaults.IsFailure) return defaults.Error!;
        }
        command.IsActive.ApplyTo(type);
        return type.Adapt<ClassTypeResponse>(mapping);
    }
}
