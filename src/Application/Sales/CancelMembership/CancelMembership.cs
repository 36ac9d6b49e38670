using FluentValidation;
using Mediator;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Common;

namespace UnifiedCustomers.Application.Sales.CancelMembership;

/// <summary>Cancels a membership: it covers no class from now on, and the customer's status is recomputed.</summary>
/// <param name="EndDate">the end date recorded (never later than an end date it already had); today when not given</param>
public sealed record CancelMembershipCommand(Guid OrganizationId, Guid MembershipId, DateOnly? EndDate = null) : ITenantCommand<Result<MembershipResponse>>;

internal sealed class CancelMembershipValidator : AbstractValidator<CancelMembershipCommand>
{
    public CancelMembershipValidator() => RuleFor(c => c.MembershipId).NotEmpty().WithMessage("Name the membership.");
}

internal sealed class CancelMembershipHandler(SalesDesk desk, TimeProvider clock) : ICommandHandler<CancelMembershipCommand, Result<MembershipResponse>>
{
    public async ValueTask<Result<MembershipResponse>> Handle(CancelMembershipCommand command, CancellationToken ct)
    {
        var atCounter = await desk.MembershipAsync(command.OrganizationId, command.MembershipId, ct);
        if (atCounter.IsFailure) return atCounter.Error!;
        var counter = atCounter.Value;
        var now = clock.GetUtcNow();
        var cancelled = counter.Membership.Cancel(command.EndDate ?? counter.Organization.LocalDate(now), now);
        if (cancelled.IsFailure) return cancelled.Error!;
        await desk.RecomputeAsync(counter.Organization, counter.Customer, $"cancelled membership {counter.PlanName}", ct);
        return SalesResponses.From(counter);
    }
}
