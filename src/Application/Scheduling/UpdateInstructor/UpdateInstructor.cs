using FluentValidation;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Scheduling.UpdateInstructor;

/// <summary>Renames, deactivates or reactivates an instructor (a merge patch: fields left out stay as they are).</summary>
/// <param name="IsActive">false: no new session can be given to them; the sessions they have keep them</param>
public sealed record UpdateInstructorCommand(Guid OrganizationId, Guid InstructorId, Optional<string?> Name, Optional<bool?> IsActive)
    : ITenantCommand<Result<InstructorResponse>>;

internal sealed class UpdateInstructorValidator : AbstractValidator<UpdateInstructorCommand>
{
    public UpdateInstructorValidator()
    {
        RuleFor(c => c.InstructorId).NotEmpty().WithMessage("Name the instructor.");
        RuleFor(c => c.Name.Value).NotEmpty().MaximumLength(Instructor.NameMaxLength).When(c => c.Name.IsSet).OverridePropertyName("name")
            .WithMessage($"An instructor needs a name of at most {Instructor.NameMaxLength} characters (it cannot be cleared).");
        RuleFor(c => c.IsActive.Value).NotNull().When(c => c.IsActive.IsSet).OverridePropertyName("isActive").WithMessage("isActive is true or false.");
    }
}

internal sealed class UpdateInstructorHandler(IAppDbContext db, TypeAdapterConfig mapping) : ICommandHandler<UpdateInstructorCommand, Result<InstructorResponse>>
{
    public async ValueTask<Result<InstructorResponse>> Handle(UpdateInstructorCommand command, CancellationToken ct)
    {
        var instructor = await db.Instructors.FirstOrDefaultAsync(i => i.OrganizationId == command.OrganizationId && i.Id == command.InstructorId, ct);
        if (instructor is null) return InstructorErrors.NotFound;
        if (command.Name is { IsSet: true, Value: { } name })
        {
            var renamed = instructor.Rename(name);
            if (renamed.IsFailure) return renamed.Error!;
            var newName = instructor.Name;
            if (await db.Instructors.AnyAsync(i => i.OrganizationId == command.OrganizationId && i.Name == newName && i.Id != instructor.Id, ct))
                return InstructorErrors.NameTaken;
        }
        if (command.IsActive is { IsSet: true, Value: { } active })
        {
            if (active) instructor.Activate();
            else instructor.Deactivate();
        }
        return instructor.Adapt<InstructorResponse>(mapping);
    }
}
