using UnifiedCustomers.Domain.Memberships;

namespace UnifiedCustomers.Application.Catalog.ListMembershipPlans;

/// <summary>The organization's membership plans by name.</summary>
public sealed record ListMembershipPlansQuery(Guid OrganizationId) : ITenantQuery<Result<IReadOnlyList<MembershipPlanResponse>>>;

internal sealed class ListMembershipPlansHandler(IAppDbContext db, TypeAdapterConfig mapping)
    : ListByNameHandler<ListMembershipPlansQuery, MembershipPlan, MembershipPlanResponse>(db.MembershipPlans, mapping, m => m.Name);
