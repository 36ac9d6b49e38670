using UnifiedCustomers.Domain.Memberships;

namespace UnifiedCustomers.Application.Catalog.CreateMembershipPlan;

/// <param name="AllowanceClasses">classes per week, month or term; none for unlimited</param>
/// <param name="ClassTypeIds">limits the plan to these class types; empty or null covers every class</param>
/// <param name="IsTrial">buying it makes a lead a trial rather than a member</param>
public sealed record CreateMembershipPlanCommand(
    Guid OrganizationId,
    string Name,
    AllowancePeriod AllowancePeriod,
    int? AllowanceClasses = null,
    IReadOnlyList<Guid>? ClassTypeIds = null,
    bool IsTrial = false) : ITenantCommand<Result<MembershipPlanResponse>>, IOrganizationRequest;

internal sealed class CreateMembershipPlanValidator : AbstractValidator<CreateMembershipPlanCommand>
{
    public CreateMembershipPlanValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("A plan needs a name.")
            .MaximumLength(MembershipPlan.NameMaxLength).WithMessage($"A name is at most {MembershipPlan.NameMaxLength} characters.");
        RuleFor(c => c.AllowancePeriod).IsInEnum().WithMessage("The allowance period is one of unlimited, week, month, term or year.");
        // An allowance that does not fit its period is MembershipPlan's to refuse (membership_plan.allowance_invalid).
        RuleForEach(c => c.ClassTypeIds).NotEmpty().WithMessage("A class type id cannot be empty.");
    }
}

internal sealed class CreateMembershipPlanHandler(IAppDbContext db, TypeAdapterConfig mapping, TimeProvider clock)
    : ICommandHandler<CreateMembershipPlanCommand, Result<MembershipPlanResponse>>
{
    public async ValueTask<Result<MembershipPlanResponse>> Handle(CreateMembershipPlanCommand command, CancellationToken ct)
    {
        return (await db.ClassTypes.CoveredAsync(command.ClassTypeIds, ct))
            .Bind(classTypeIds => MembershipPlan.Create(
                command.OrganizationId, command.Name, new Allowance(command.AllowancePeriod, command.AllowanceClasses), classTypeIds, command.IsTrial, clock.GetUtcNow()))
            .Tap(plan => db.MembershipPlans.Add(plan))
            .Map(plan => plan.Adapt<MembershipPlanResponse>(mapping));
    }
}
