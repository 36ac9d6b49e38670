namespace UnifiedCustomers.Application.Sales.ResumeMembership;

/// <param name="On">the local date it covers classes again; today when not given</param>
public sealed record ResumeMembershipCommand(Guid OrganizationId, Guid MembershipId, DateOnly? On = null) : ITenantCommand<Result<MembershipResponse>>, IOrganizationRequest;

internal sealed class ResumeMembershipValidator() : IdRequiredValidator<ResumeMembershipCommand>(c => c.MembershipId, "Name the membership.");

internal sealed class ResumeMembershipHandler(SalesDesk desk, TimeProvider clock) : ICommandHandler<ResumeMembershipCommand, Result<MembershipResponse>>
{
    public async ValueTask<Result<MembershipResponse>> Handle(ResumeMembershipCommand command, CancellationToken ct) =>
        await desk.ChangeMembershipAsync(command.MembershipId, "resumed",
            counter => counter.Membership.Resume(command.On ?? counter.Organization.LocalDate(clock.GetUtcNow())), ct);
}
