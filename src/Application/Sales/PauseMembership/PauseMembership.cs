namespace UnifiedCustomers.Application.Sales.PauseMembership;

/// <param name="From">the first local date it is paused; today when not given</param>
/// <param name="Until">the date it covers classes again; open-ended (until resumed) when not given</param>
public sealed record PauseMembershipCommand(Guid OrganizationId, Guid MembershipId, DateOnly? From = null, DateOnly? Until = null)
    : ITenantCommand<Result<MembershipResponse>>, IOrganizationRequest;

internal sealed class PauseMembershipValidator : AbstractValidator<PauseMembershipCommand>
{
    public PauseMembershipValidator()
    {
        RuleFor(c => c.MembershipId).NotEmpty().WithMessage("Name the membership.");
        // A pause ending after it starts is the membership's rule (membership.pause_invalid).
    }
}

internal sealed class PauseMembershipHandler(SalesDesk desk, TimeProvider clock) : ICommandHandler<PauseMembershipCommand, Result<MembershipResponse>>
{
    public async ValueTask<Result<MembershipResponse>> Handle(PauseMembershipCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await desk.ChangeMembershipAsync(command.MembershipId, "paused",
            counter => counter.Membership.Pause(command.From ?? counter.Organization.LocalDate(now), command.Until, now), ct);
    }
}
