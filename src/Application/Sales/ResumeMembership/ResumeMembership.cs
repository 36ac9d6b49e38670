using FluentValidation;
using Mediator;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Common;

namespace UnifiedCustomers.Application.Sales.ResumeMembership;

/// <param name="On">the local date it covers classes again; today when not given</param>
public sealed record ResumeMembershipCommand(Guid OrganizationId, Guid MembershipId, DateOnly? On = null) : ITenantCommand<Result<MembershipResponse>>;

internal sealed class ResumeMembershipValidator : AbstractValidator<ResumeMembershipCommand>
{
    public ResumeMembershipValidator() => RuleFor(c => c.MembershipId).NotEmpty().WithMessage("Name the membership.");
}

internal sealed class ResumeMembershipHandler(SalesDesk desk, TimeProvider clock) : ICommandHandler<ResumeMembershipCommand, Result<MembershipResponse>>
{
    public async ValueTask<Result<MembershipResponse>> Handle(ResumeMembershipCommand command, CancellationToken ct) =>
        await desk.MembershipAsync(command.OrganizationId, command.MembershipId, ct)
            .Then(counter => counter.Membership.Resume(command.On ?? counter.Organization.LocalDate(clock.GetUtcNow())))
            .TapAsync(counter => desk.RecomputeAsync(counter.Organization, counter.Customer, $"resumed membership {counter.PlanName}", ct))
            .Map(SalesResponses.From);
}
