using UnifiedCustomers.Application.Customers;
using UnifiedCustomers.Domain.Memberships;

namespace UnifiedCustomers.Application.Sales.SellMembership;

/// <param name="StartDate">the studio's local date it starts; today when not given</param>
/// <param name="EndDate">the last date it covers; open-ended when not given</param>
public sealed record SellMembershipCommand(Guid OrganizationId, Guid CustomerId, Guid PlanId, DateOnly? StartDate = null, DateOnly? EndDate = null)
    : ITenantCommand<Result<MembershipResponse>>, IOrganizationRequest;

internal sealed class SellMembershipValidator : AbstractValidator<SellMembershipCommand>
{
    public SellMembershipValidator()
    {
        RuleFor(c => c.CustomerId).NotEmpty().WithMessage("Name the customer.");
        RuleFor(c => c.PlanId).NotEmpty().WithMessage("Name the membership plan.");
        // Dates in order are the membership's rule (membership.dates_invalid).
    }
}

internal sealed class SellMembershipHandler(IAppDbContext db, IRowLocks locks, SalesDesk desk, TimeProvider clock)
    : ICommandHandler<SellMembershipCommand, Result<MembershipResponse>>
{
    public async ValueTask<Result<MembershipResponse>> Handle(SellMembershipCommand command, CancellationToken ct)
    {
        var atCounter = await desk.CustomerAsync(command.CustomerId, ct);
        if (atCounter.IsFailure) return atCounter.Error!;
        var (organization, customer) = atCounter.Value;
        // Shared: the plan's terms cannot change while it is being sold (UpdateMembershipPlan locks it exclusively).
        var plan = await locks.LockAndLoadPlanAsync(organization.Id, command.PlanId, exclusive: false, ct);
        if (plan is null) return MembershipErrors.PlanNotFound;

        var now = clock.GetUtcNow();
        return await Membership.Sell(customer, plan, command.StartDate ?? organization.LocalDate(now), command.EndDate, now)
            .Tap(membership => db.Memberships.Add(membership))
            .TapAsync(membership => desk.RecomputeAsync(organization, customer, $"bought membership {plan.Name}", CustomerLifecycle.Sold.Membership(membership), ct))
            .Map(membership => SalesResponses.From(membership, plan.Name, customer));
    }
}
