using UnifiedCustomers.Domain.Memberships;

namespace UnifiedCustomers.Application.Catalog.UpdateMembershipPlan;

/// <summary>
/// Renames a plan, changes its terms while none was sold, or deactivates it (no longer sold;
/// memberships already sold keep working). A merge patch: fields left out stay as they are.
/// </summary>
/// <param name="AllowanceClasses">null for unlimited; left out, it stays (or becomes null when the period turns unlimited)</param>
/// <param name="ClassTypeIds">null or empty: every class type</param>
public sealed record UpdateMembershipPlanCommand(
    Guid OrganizationId,
    Guid PlanId,
    Optional<string?> Name,
    Optional<AllowancePeriod?> AllowancePeriod,
    Optional<int?> AllowanceClasses,
    Optional<IReadOnlyList<Guid>?> ClassTypeIds,
    Optional<bool?> IsTrial,
    Optional<bool?> IsActive) : ITenantCommand<Result<MembershipPlanResponse>>;

internal sealed class UpdateMembershipPlanValidator : AbstractValidator<UpdateMembershipPlanCommand>
{
    public UpdateMembershipPlanValidator()
    {
        RuleFor(c => c.PlanId).NotEmpty().WithMessage("Name the membership plan.");
        this.RuleForName(c => c.Name, MembershipPlan.NameMaxLength, $"A plan needs a name of at most {MembershipPlan.NameMaxLength} characters (it cannot be cleared).");
        RuleFor(c => c.AllowancePeriod.Value).NotNull().IsInEnum().When(c => c.AllowancePeriod.IsSet).OverridePropertyName("allowancePeriod")
            .WithMessage("The allowance period is one of unlimited, week, month, term or year.");
        // An allowance that does not fit its period is MembershipPlan's to refuse (membership_plan.allowance_invalid).
        this.RuleForClassTypeIds(c => c.ClassTypeIds);
        this.RuleForSwitch(c => c.IsTrial, "isTrial");
        this.RuleForSwitch(c => c.IsActive, "isActive");
    }
}

internal sealed class UpdateMembershipPlanHandler(IAppDbContext db, IRowLocks locks, TypeAdapterConfig mapping)
    : ICommandHandler<UpdateMembershipPlanCommand, Result<MembershipPlanResponse>>
{
    public async ValueTask<Result<MembershipPlanResponse>> Handle(UpdateMembershipPlanCommand command, CancellationToken ct)
    {
        // Exclusive: a sale holds the plan's row shared, so "never sold" cannot change while the terms do.
        var plan = await locks.LockAndLoadPlanAsync(command.OrganizationId, command.PlanId, exclusive: true, ct);
        if (plan is null) return MembershipErrors.PlanNotFound;
        if (command.Name is { IsSet: true, Value: { } name } && plan.Rename(name) is { IsFailure: true } badName) return badName.Error!;

        if (command.AllowancePeriod.IsSet || command.AllowanceClasses.IsSet || command.ClassTypeIds.IsSet || command.IsTrial.IsSet)
        {
            var period = command.AllowancePeriod.Or(plan.Allowance.Period) ?? plan.Allowance.Period;
            var classes = command.AllowanceClasses.IsSet ? command.AllowanceClasses.Value
                : period == Domain.Memberships.AllowancePeriod.Unlimited ? null : plan.Allowance.Classes;
            var classTypeIds = await db.ClassTypes.CoveredAsync(command.ClassTypeIds.Or(plan.ClassTypeIds), ct);
            if (classTypeIds.IsFailure) return classTypeIds.Error!;
            var hasBeenSold = await db.Memberships.AnyAsync(m => m.PlanId == plan.Id, ct);
            var terms = plan.ChangeTerms(new Allowance(period, classes), classTypeIds.Value, command.IsTrial.Or(plan.IsTrial) ?? plan.IsTrial, hasBeenSold);
            if (terms.IsFailure) return terms.Error!;
        }
        command.IsActive.ApplyTo(plan);
        return plan.Adapt<MembershipPlanResponse>(mapping);
    }
}
