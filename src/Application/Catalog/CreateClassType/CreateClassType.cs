using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Catalog.CreateClassType;

/// <param name="DefaultCapacity">seats a session of this type gets unless scheduled with another capacity</param>
public sealed record CreateClassTypeCommand(Guid OrganizationId, string Name, int DefaultCapacity, int DefaultDurationMinutes)
    : ITenantCommand<Result<ClassTypeResponse>>, IOrganizationRequest;

internal sealed class CreateClassTypeValidator : AbstractValidator<CreateClassTypeCommand>
{
    public CreateClassTypeValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("A class type needs a name.")
            .MaximumLength(ClassType.NameMaxLength).WithMessage($"A name is at most {ClassType.NameMaxLength} characters.");
    }
}

internal sealed class CreateClassTypeHandler(IAppDbContext db, TypeAdapterConfig mapping, TimeProvider clock)
    : ICommandHandler<CreateClassTypeCommand, Result<ClassTypeResponse>>
{
    public async ValueTask<Result<ClassTypeResponse>> Handle(CreateClassTypeCommand command, CancellationToken ct)
    {
        return ClassType.Create(command.OrganizationId, command.Name, command.DefaultCapacity, command.DefaultDurationMinutes, clock.GetUtcNow())
            .Tap(type => db.ClassTypes.Add(type))
            .Map(type => type.Adapt<ClassTypeResponse>(mapping));
    }
}
