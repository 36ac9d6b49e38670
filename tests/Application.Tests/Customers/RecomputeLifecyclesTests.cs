using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Customers.RecomputeLifecycles;
using UnifiedCustomers.Application.Tests.Support;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;

namespace UnifiedCustomers.Application.Tests.Customers;

public sealed class RecomputeLifecyclesTests(Backend backend) : IClassFixture<Backend>
{
    private DateOnly Today => DateOnly.FromDateTime(backend.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task Recompute_AfterTheLastMembershipEnds_ExpiresItAndLapsesTheMember()
    {
        var studio = await Studio.OpenAsync(backend);
        var today = Today;
        var member = await studio.CustomerAsync("Ola Oak", LifecycleStatus.Member);
        var membership = await studio.MembershipAsync(member, Allowance.Unlimited, start: today.AddDays(-30), end: today.AddDays(2));
        var stillMember = await studio.CustomerAsync("Pam Pine", LifecycleStatus.Member);
        await studio.MembershipAsync(stillMember, Allowance.Unlimited);

        backend.Clock.Advance(TimeSpan.FromDays(3));
        var result = await backend.SendAsync(new RecomputeLifecyclesCommand(studio.Id));

        result.Value.Should().Be(new RecomputeLifecyclesResponse(today.AddDays(3), MembershipsExpired: 1, CustomersChecked: 2, CustomersChanged: 1));
        (await backend.WithDbAsync(db => db.Memberships.SingleAsync(m => m.Id == membership.Id))).Status.Should().Be(MembershipStatus.Expired);
        var lapsed = await studio.ReloadAsync(member);
        lapsed.Status.Should().Be(LifecycleStatus.Lapsed);
        lapsed.StatusHistory.Last().Cause.Should().Be("daily recompute");
        (await studio.ReloadAsync(stillMember)).Status.Should().Be(LifecycleStatus.Member);
    }

    [Fact]
    public async Task Recompute_WhenAPackExpiresOrAMembershipStarts_MovesThoseCustomers_AndLeavesArchivedAlone()
    {
        var studio = await Studio.OpenAsync(backend);
        var packHolder = await studio.CustomerAsync("Quin Quay", LifecycleStatus.Member);
        await studio.PackAsync(packHolder, credits: 5, validityDays: 10);
        var futureMember = await studio.CustomerAsync("Rae Reed");
        await studio.MembershipAsync(futureMember, Allowance.Unlimited, start: Today.AddDays(5));
        var archived = await studio.CustomerAsync("Sam Sloe", LifecycleStatus.Archived);
        await studio.PackAsync(await studio.CustomerAsync("Tia Teal", LifecycleStatus.Member), credits: 5, validityDays: 90);

        backend.Clock.Advance(TimeSpan.FromDays(11));
        var result = await backend.SendAsync(new RecomputeLifecyclesCommand(studio.Id));

        result.Value.CustomersChecked.Should().Be(3, "archived customers are not checked");
        result.Value.CustomersChanged.Should().Be(2);
        (await studio.ReloadAsync(packHolder)).Status.Should().Be(LifecycleStatus.Lapsed);
        (await studio.ReloadAsync(futureMember)).Status.Should().Be(LifecycleStatus.Member);
        (await studio.ReloadAsync(archived)).StatusHistory.Should().HaveCount(2);
    }

    [Fact]
    public async Task Recompute_JustBeforeMidnightUtc_UsesTheStudiosLocalDate()
    {
        // At 23:30 UTC in June it is already 00:30 the next day in London: a membership that ended on
        // the UTC date has ended there.
        var studio = await Studio.OpenAsync(backend);
        var now = backend.Clock.GetUtcNow();
        backend.Clock.Advance(now.Date.AddHours(23.5) - now.UtcDateTime);
        var utcDate = Today;
        var member = await studio.CustomerAsync(status: LifecycleStatus.Member);
        await studio.MembershipAsync(member, Allowance.Unlimited, start: utcDate.AddDays(-30), end: utcDate);

        var result = await backend.SendAsync(new RecomputeLifecyclesCommand(studio.Id));

        result.Value.Today.Should().Be(utcDate.AddDays(1));
        result.Value.MembershipsExpired.Should().Be(1);
        (await studio.ReloadAsync(member)).Status.Should().Be(LifecycleStatus.Lapsed);
        backend.Clock.Advance(TimeSpan.FromHours(9));
    }

    [Fact]
    public async Task Recompute_AnUnknownOrganization_IsOrganizationNotFound()
    {
        (await backend.SendAsync(new RecomputeLifecyclesCommand(Guid.NewGuid()))).Error!.Code.Should().Be("organization.not_found");
    }
}
