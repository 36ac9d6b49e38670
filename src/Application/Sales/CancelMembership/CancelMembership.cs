namespace UnifiedCustomers.Application.Sales.CancelMembership;

/// <summary>Cancels a membership: it covers no class from now on, and the customer's status is recomputed.</summary>
/// <param name="EndDate">the end date recorded (never later than an end date it already had, never before its start); today when not given, or its start date when it has not started yet</param>
public sealed record CancelMembershipCommand(Guid OrganizationId, Guid MembershipId, DateOnly? EndDate = null) : ITenantCommand<Result<MembershipResponse>>;

internal sealed class CancelMembershipValidator() : IdRequiredValidator<CancelMembershipCommand>(c => c.MembershipId, "Name the membership.");

internal sealed class CancelMembershipHandler(SalesDesk desk, TimeProvider clock) : ICommandHandler<CancelMembershipCommand, Result<MembershipResponse>>
{
    public async ValueTask<Result<MembershipResponse>> Handle(CancelMembershipCommand command, CancellationToken ct) =>
        await desk.ChangeMembershipAsync(command.OrganizationId, command.MembershipId, "cancelled", counter =>
        {
            var now = clock.GetUtcNow();
            var today = counter.Organization.LocalDate(now);
            var endDate = command.EndDate ?? (today < counter.Membership.StartDate ? counter.Membership.StartDate : today);
            return counter.Membership.Cancel(endDate, now);
        }, ct);
}
