using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Scheduling.CreateInstructor;

/// <summary>Adds someone who teaches; names are unique in the organization.</summary>
public sealed record CreateInstructorCommand(Guid OrganizationId, string Name) : ITenantCommand<Result<InstructorResponse>>, IOrganizationRequest, INewScheduleResource;

internal sealed class CreateInstructorValidator() : NewScheduleResourceValidator<CreateInstructorCommand>(ScheduleResourceKind.Instructor);

internal sealed class CreateInstructorHandler(IAppDbContext db, TypeAdapterConfig mapping, TimeProvider clock)
    : CreateScheduleResourceHandler<CreateInstructorCommand, Instructor, InstructorResponse>(
        db.Instructors, mapping, clock, (c, now) => Instructor.Create(c.OrganizationId, c.Name, now), ScheduleResourceKind.Instructor);
