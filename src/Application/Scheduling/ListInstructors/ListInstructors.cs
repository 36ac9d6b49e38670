using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Common;

namespace UnifiedCustomers.Application.Scheduling.ListInstructors;

/// <summary>The organization's instructors by name, deactivated ones included (they still teach the sessions they had).</summary>
public sealed record ListInstructorsQuery(Guid OrganizationId) : ITenantQuery<Result<IReadOnlyList<InstructorResponse>>>;

internal sealed class ListInstructorsHandler(IAppDbContext db, TypeAdapterConfig mapping)
    : IQueryHandler<ListInstructorsQuery, Result<IReadOnlyList<InstructorResponse>>>
{
    public async ValueTask<Result<IReadOnlyList<InstructorResponse>>> Handle(ListInstructorsQuery query, CancellationToken ct)
    {
        var instructors = await db.Instructors.AsNoTracking()
            .Where(i => i.OrganizationId == query.OrganizationId)
            .OrderBy(i => i.Name).ThenBy(i => i.Id)
            .ProjectToType<InstructorResponse>(mapping)
            .ToListAsync(ct);
        return Result.Success<IReadOnlyList<InstructorResponse>>(instructors);
    }
}
