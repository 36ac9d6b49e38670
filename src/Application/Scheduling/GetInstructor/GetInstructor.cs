using FluentValidation;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Scheduling.GetInstructor;

public sealed record GetInstructorQuery(Guid OrganizationId, Guid InstructorId) : ITenantQuery<Result<InstructorResponse>>;

internal sealed class GetInstructorValidator : AbstractValidator<GetInstructorQuery>
{
    public GetInstructorValidator() => RuleFor(q => q.InstructorId).NotEmpty().WithMessage("Name the instructor.");
}

internal sealed class GetInstructorHandler(IAppDbContext db, TypeAdapterConfig mapping) : IQueryHandler<GetInstructorQuery, Result<InstructorResponse>>
{
    public async ValueTask<Result<InstructorResponse>> Handle(GetInstructorQuery query, CancellationToken ct)
    {
        var instructor = await db.Instructors.AsNoTracking()
            .Where(i => i.OrganizationId == query.OrganizationId && i.Id == query.InstructorId)
            .ProjectToType<InstructorResponse>(mapping)
            .FirstOrDefaultAsync(ct);
        return instructor is null ? InstructorErrors.NotFound : instructor;
    }
}
