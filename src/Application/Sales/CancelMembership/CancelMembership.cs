namespace UnifiedCustomers.Application.Sales.CancelMembership;

/// <summary>Cancels a membership: it covers no class from now on, and the customer's status is recomputed.</summary>
/// <param name="EndDate">the end date recorded (never later than an end date it already had, never before its start); today when not given, or its start date when it has not started yet</param>
public sealed record CancelMembershipCommand(Guid OrganizationId, Guid MembershipId, DateOnly? EndDate = null) : ITenantCommand<Result<MembershipResponse>>, IOrganizationRequest;

internal sealed class CancelMembershipValidator() : IdRequiredValidator<CancelMembershipCommand>(c => c.MembershipId, "Name the membership.");

internal sealed class CancelMembershipHandler(SalesDesk desk, TimeProvider clock) : ICommandHandler<CancelMembershipCommand, Result<MembershipResponse>>
{
    public async ValueTask<Result<MembershipResponse>> Handle(CancelMembershipCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await desk.ChangeMembershipAsync(command.MembershipId, "cancelled",
            counter => counter.Membership.Cancel(command.EndDate ?? DefaultEndDate(counter, now), now), ct);
    }

    /// <summary>Today in the studio, or the start date of a membership that has not started.</summary>
    private static DateOnly DefaultEndDate(MembershipAtCounter counter, DateTimeOffset now)
    {
        var today = counter.Organization.LocalDate(now);
        return today < counter.Membership.StartDate ? counter.Membership.StartDate : today;
    }
}
