namespace UnifiedCustomers.Application.Sales.ResumeMembership;

/// <param name="On">the local date it covers classes again; today when not given</param>
public sealed record ResumeMembershipCommand(Guid OrganizationId, Guid MembershipId, DateOnly? On = null) : ITenantCommand<Result<MembershipResponse>>;

internal sealed class ResumeMembershipValidator : AbstractValidator<ResumeMembershipCommand>
{
    public ResumeMembershipValidator() => RuleFor(c => c.MembershipId).NotEmpty().WithMessage("Name the membership.");
}

internal sealed class ResumeMembershipHandler(SalesDesk desk, TimeProvider clock) : ICommandHandler<ResumeMembershipCommand, Result<MembershipResponse>>
{
    public async ValueTask<Result<MembershipResponse>> Handle(ResumeMembershipCommand command, CancellationToken ct)
    {
        var atCounter = await desk.MembershipAsync(command.OrganizationId, command.MembershipId, ct);
        if (atCounter.IsFailure) return atCounter.Error!;
        var counter = atCounter.Value;
        var resumed = counter.Membership.Resume(command.On ?? counter.Organization.LocalDate(clock.GetUtcNow()));
        if (resumed.IsFailure) return resumed.Error!;
        await desk.RecomputeAsync(counter.Organization, counter.Customer, $"resumed membership {counter.PlanName}", ct);
        return SalesResponses.From(counter);
    }
}
