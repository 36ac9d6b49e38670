using FluentValidation;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Memberships;

namespace UnifiedCustomers.Application.Catalog.GetMembershipPlan;

public sealed record GetMembershipPlanQuery(Guid OrganizationId, Guid PlanId) : ITenantQuery<Result<MembershipPlanResponse>>;

internal sealed class GetMembershipPlanValidator : AbstractValidator<GetMembershipPlanQuery>
{
    public GetMembershipPlanValidator() => RuleFor(q => q.PlanId).NotEmpty().WithMessage("Name the membership plan.");
}

internal sealed class GetMembershipPlanHandler(IAppDbContext db, TypeAdapterConfig mapping) : IQueryHandler<GetMembershipPlanQuery, Result<MembershipPlanResponse>>
{
    public async ValueTask<Result<MembershipPlanResponse>> Handle(GetMembershipPlanQuery query, CancellationToken ct)
    {
        var plan = await db.MembershipPlans.AsNoTracking()
            .Where(t => t.OrganizationId == query.OrganizationId && t.Id == query.PlanId)
            .ProjectToType<MembershipPlanResponse>(mapping)
            .FirstOrDefaultAsync(ct);
        return plan is null ? MembershipErrors.PlanNotFound : plan;
    }
}
