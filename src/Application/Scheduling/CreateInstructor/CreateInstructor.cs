using FluentValidation;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Scheduling.CreateInstructor;

/// <summary>Adds someone who teaches; names are unique in the organization.</summary>
public sealed record CreateInstructorCommand(Guid OrganizationId, string Name) : ITenantCommand<Result<InstructorResponse>>;

internal sealed class CreateInstructorValidator : AbstractValidator<CreateInstructorCommand>
{
    public CreateInstructorValidator() =>
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Instructor.NameMaxLength)
            .WithMessage($"An instructor needs a name of at most {Instructor.NameMaxLength} characters.");
}

internal sealed class CreateInstructorHandler(IAppDbContext db, TypeAdapterConfig mapping, TimeProvider clock)
    : ICommandHandler<CreateInstructorCommand, Result<InstructorResponse>>
{
    public async ValueTask<Result<InstructorResponse>> Handle(CreateInstructorCommand command, CancellationToken ct)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == command.OrganizationId, ct)) return ApplicationErrors.OrganizationNotFound;
        var created = Instructor.Create(command.OrganizationId, command.Name, clock.GetUtcNow());
        if (created.IsFailure) return created.Error!;
        var name = created.Value.Name;
        // The unique index answers the same error when two creations race.
        if (await db.Instructors.AnyAsync(i => i.OrganizationId == command.OrganizationId && i.Name == name, ct)) return InstructorErrors.NameTaken;
        db.Instructors.Add(created.Value);
        return created.Value.Adapt<InstructorResponse>(mapping);
    }
}
