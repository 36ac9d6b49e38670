using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Scheduling.GetInstructor;

public sealed record GetInstructorQuery(Guid OrganizationId, Guid InstructorId) : ITenantQuery<Result<InstructorResponse>>;

internal sealed class GetInstructorValidator() : IdRequiredValidator<GetInstructorQuery>(q => q.InstructorId, "Name the instructor.");

internal sealed class GetInstructorHandler(IAppDbContext db, TypeAdapterConfig mapping)
    : FindByIdHandler<GetInstructorQuery, Instructor, InstructorResponse>(db.Instructors, mapping, q => q.InstructorId, InstructorErrors.NotFound);
