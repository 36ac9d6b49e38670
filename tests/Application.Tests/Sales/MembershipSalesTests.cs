using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Customers.RecomputeLifecycles;
using UnifiedCustomers.Application.Sales.CancelMembership;
using UnifiedCustomers.Application.Sales.PauseMembership;
using UnifiedCustomers.Application.Sales.ResumeMembership;
using UnifiedCustomers.Application.Sales.SellMembership;
using UnifiedCustomers.Application.Tests.Support;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;

namespace UnifiedCustomers.Application.Tests.Sales;

/// <summary>SellMembership, PauseMembership, ResumeMembership and CancelMembership, and the lifecycle they drive.</summary>
public sealed class MembershipSalesTests(Backend backend) : IClassFixture<Backend>
{
    private DateOnly Today => DateOnly.FromDateTime(backend.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task SellMembership_ToALead_StartsTodayAndMakesAMember()
    {
        var studio = await Studio.OpenAsync(backend);
        var lead = await studio.CustomerAsync();
        var plan = await studio.PlanAsync("8 per month", new Allowance(AllowancePeriod.Month, 8));

        var result = await backend.SendAsync(new SellMembershipCommand(studio.Id, lead.Id, plan.Id));

        result.IsSuccess.Should().BeTrue(result.Error?.Code);
        result.Value.Should().Match<Application.Sales.MembershipResponse>(m =>
            m.StartDate == Today && m.EndDate == null && m.AllowancePeriod == AllowancePeriod.Month && m.AllowanceClasses == 8
            && m.Status == MembershipStatus.Active && m.PlanName == "8 per month" && m.CustomerStatus == LifecycleStatus.Member);
        var stored = await studio.ReloadAsync(lead);
        stored.Status.Should().Be(LifecycleStatus.Member);
        stored.StatusHistory.Last().Cause.Should().Be("bought membership 8 per month");
        (await backend.WithDbAsync(db => db.Memberships.CountAsync(m => m.CustomerId == lead.Id))).Should().Be(1);
    }

    [Fact]
    public async Task SellMembership_ATrialPlan_MakesATrial()
    {
        var studio = await Studio.OpenAsync(backend);
        var lead = await studio.CustomerAsync();
        var trial = await studio.PlanAsync("Trial", new Allowance(AllowancePeriod.Term, 3), trial: true);

        var result = await backend.SendAsync(new SellMembershipCommand(studio.Id, lead.Id, trial.Id, Today, Today.AddDays(13)));

        result.Value.CustomerStatus.Should().Be(LifecycleStatus.Trial);
        (await studio.ReloadAsync(lead)).Status.Should().Be(LifecycleStatus.Trial);
    }

    [Fact]
    public async Task SellMembership_ToAnArchivedCustomer_IsArchived()
    {
        var studio = await Studio.OpenAsync(backend);
        var archived = await studio.CustomerAsync(status: LifecycleStatus.Archived);
        var plan = await studio.PlanAsync("Unlimited", Allowance.Unlimited);

        (await backend.SendAsync(new SellMembershipCommand(studio.Id, archived.Id, plan.Id))).Error!.Code.Should().Be("customer.archived");
        (await backend.SendAsync(new SellMembershipCommand(studio.Id, archived.Id, Guid.NewGuid()))).Error!.Code.Should().Be("membership_plan.not_found");
    }

    [Fact]
    public async Task CancelMembership_TheLastOne_LapsesTheMember_AndTheDailyRecomputeKeepsThemLapsed()
    {
        var studio = await Studio.OpenAsync(backend);
        var customer = await studio.CustomerAsync();
        var plan = await studio.PlanAsync("Unlimited", Allowance.Unlimited);
        var sold = await backend.SendAsync(new SellMembershipCommand(studio.Id, customer.Id, plan.Id));
        var today = Today;

        var cancelled = await backend.SendAsync(new CancelMembershipCommand(studio.Id, sold.Value.Id));
        backend.Clock.Advance(TimeSpan.FromDays(1));
        var recomputed = await backend.SendAsync(new RecomputeLifecyclesCommand(studio.Id));

        cancelled.Value.Should().Match<Application.Sales.MembershipResponse>(m =>
            m.Status == MembershipStatus.Cancelled && m.EndDate == today && m.CustomerStatus == LifecycleStatus.Lapsed);
        recomputed.IsSuccess.Should().BeTrue();
        var stored = await studio.ReloadAsync(customer);
        stored.Status.Should().Be(LifecycleStatus.Lapsed);
        stored.StatusHistory.Select(h => h.To).Should().Equal(LifecycleStatus.Lead, LifecycleStatus.Member, LifecycleStatus.Lapsed);
        stored.StatusHistory.Last().Cause.Should().Be("cancelled membership Unlimited");
    }

    [Fact]
    public async Task CancelMembership_WhileAPackIsCurrent_KeepsAMember_AndTwiceIsNotActive()
    {
        var studio = await Studio.OpenAsync(backend);
        var customer = await studio.CustomerAsync(status: LifecycleStatus.Member);
        var membership = await studio.MembershipAsync(customer, Allowance.Unlimited);
        await studio.PackAsync(customer, credits: 5);

        var cancelled = await backend.SendAsync(new CancelMembershipCommand(studio.Id, membership.Id));
        var again = await backend.SendAsync(new CancelMembershipCommand(studio.Id, membership.Id));

        cancelled.Value.CustomerStatus.Should().Be(LifecycleStatus.Member);
        again.Error!.Code.Should().Be("membership.not_active");
        (await backend.SendAsync(new CancelMembershipCommand(studio.Id, Guid.NewGuid()))).Error!.Code.Should().Be("membership.not_found");
    }

    [Fact]
    public async Task PauseThenResume_StoresThePause_AndTheStatusFollowsWhatIsInForce()
    {
        var studio = await Studio.OpenAsync(backend);
        var customer = await studio.CustomerAsync(status: LifecycleStatus.Member);
        var membership = await studio.MembershipAsync(customer, Allowance.Unlimited);
        var today = Today;

        var paused = await backend.SendAsync(new PauseMembershipCommand(studio.Id, membership.Id));
        var pausedAgain = await backend.SendAsync(new PauseMembershipCommand(studio.Id, membership.Id));
        backend.Clock.Advance(TimeSpan.FromDays(7));
        var resumed = await backend.SendAsync(new ResumeMembershipCommand(studio.Id, membership.Id));
        var resumedAgain = await backend.SendAsync(new ResumeMembershipCommand(studio.Id, membership.Id));

        paused.Value.Should().Match<Application.Sales.MembershipResponse>(m => m.Status == MembershipStatus.Paused && m.Pauses.Count == 1);
        paused.Value.CustomerStatus.Should().Be(LifecycleStatus.Lapsed, "a paused membership is not in force");
        pausedAgain.Error!.Code.Should().Be("membership.not_active");
        resumed.Value.Pauses.Should().ContainSingle().Which.Should().Be(new Application.Sales.PauseResponse(today, today.AddDays(7)));
        resumed.Value.CustomerStatus.Should().Be(LifecycleStatus.Member);
        resumedAgain.Error!.Code.Should().Be("membership.not_paused");
        var stored = await backend.WithDbAsync(db => db.Memberships.SingleAsync(m => m.Id == membership.Id));
        stored.Status.Should().Be(MembershipStatus.Active);
        stored.Pauses.Should().ContainSingle().Which.Until.Should().Be(today.AddDays(7));
    }

    [Fact]
    public async Task SellOrPause_WithDatesOutOfOrder_AreTheMembershipsCodes_ByField()
    {
        var studio = await Studio.OpenAsync(backend);
        var today = Today;
        var amy = await studio.CustomerAsync();
        var plan = await studio.PlanAsync("8 per month", new Allowance(AllowancePeriod.Month, 8));
        var membership = await studio.MembershipAsync(amy, new Allowance(AllowancePeriod.Month, 8));

        var sold = await backend.SendAsync(new SellMembershipCommand(studio.Id, amy.Id, plan.Id, today, today.AddDays(-1)));
        var paused = await backend.SendAsync(new PauseMembershipCommand(studio.Id, membership.Id, today, today));

        // The validators answered validation.failed first, so the documented codes never reached a client.
        (sold.Error!.Code, sold.Error.Field).Should().Be(("membership.dates_invalid", "endDate"));
        (paused.Error!.Code, paused.Error.Field).Should().Be(("membership.pause_invalid", "until"));
    }
}
