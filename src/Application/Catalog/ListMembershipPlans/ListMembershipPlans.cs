using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Common;

namespace UnifiedCustomers.Application.Catalog.ListMembershipPlans;

/// <summary>The organization's membership plans by name.</summary>
public sealed record ListMembershipPlansQuery(Guid OrganizationId) : ITenantQuery<Result<IReadOnlyList<MembershipPlanResponse>>>;

internal sealed class ListMembershipPlansHandler(IAppDbContext db, TypeAdapterConfig mapping)
    : IQueryHandler<ListMembershipPlansQuery, Result<IReadOnlyList<MembershipPlanResponse>>>
{
    public async ValueTask<Result<IReadOnlyList<MembershipPlanResponse>>> Handle(ListMembershipPlansQuery query, CancellationToken ct)
    {
        var plans = await db.MembershipPlans.AsNoTracking()
            .Where(p => p.OrganizationId == query.OrganizationId)
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .ProjectToType<MembershipPlanResponse>(mapping)
            .ToListAsync(ct);
        return Result.Success<IReadOnlyList<MembershipPlanResponse>>(plans);
    }
}
