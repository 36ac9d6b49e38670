using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Scheduling.UpdateInstructor;

/// <summary>Renames, deactivates or reactivates an instructor (a merge patch: fields left out stay as they are).</summary>
/// <param name="IsActive">false: no new session can be given to them; the sessions they have keep them</param>
public sealed record UpdateInstructorCommand(Guid OrganizationId, Guid InstructorId, Optional<string?> Name, Optional<bool?> IsActive)
    : ITenantCommand<Result<InstructorResponse>>, IScheduleResourcePatch;

internal sealed class UpdateInstructorValidator() : ScheduleResourcePatchValidator<UpdateInstructorCommand>(c => c.InstructorId, ScheduleResourceKind.Instructor);

internal sealed class UpdateInstructorHandler(IAppDbContext db, TypeAdapterConfig mapping)
    : UpdateScheduleResourceHandler<UpdateInstructorCommand, Instructor, InstructorResponse>(db.Instructors, mapping, c => c.InstructorId, ScheduleResourceKind.Instructor);
