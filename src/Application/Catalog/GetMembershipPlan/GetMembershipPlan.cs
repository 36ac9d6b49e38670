using UnifiedCustomers.Domain.Memberships;

namespace UnifiedCustomers.Application.Catalog.GetMembershipPlan;

public sealed record GetMembershipPlanQuery(Guid OrganizationId, Guid PlanId) : ITenantQuery<Result<MembershipPlanResponse>>;

internal sealed class GetMembershipPlanValidator() : IdRequiredValidator<GetMembershipPlanQuery>(q => q.PlanId, "Name the membership plan.");

internal sealed class GetMembershipPlanHandler(IAppDbContext db, TypeAdapterConfig mapping)
    : FindByIdHandler<GetMembershipPlanQuery, MembershipPlan, MembershipPlanResponse>(db.MembershipPlans, mapping, q => q.PlanId, MembershipErrors.PlanNotFound);
