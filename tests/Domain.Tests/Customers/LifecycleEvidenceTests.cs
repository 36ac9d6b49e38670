using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Packs;

namespace UnifiedCustomers.Domain.Tests.Customers;

public sealed class LifecycleEvidenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly Guid OrganizationId = Guid.NewGuid();

    private static Customer Lead() => Customer.Register(OrganizationId, "Amy", "Archer", null, null, "test", Now).Value;

    private static ClassPack PackOf(Customer customer, int validityDays = 30, DateTimeOffset? soldAt = null) =>
        ClassPack.Sell(customer, PackProduct.Create(OrganizationId, "Pass", 5, validityDays, null, false, Now).Value, soldAt ?? Now).Value;

    private static Membership MembershipOf(Customer customer, bool trial = false, DateOnly? start = null) =>
        Membership.Sell(customer, MembershipPlan.Create(OrganizationId, "Plan", Allowance.Unlimited, null, trial, Now).Value, start ?? Today, null, Now).Value;

    [Fact]
    public void From_NothingBought_IsNothing()
    {
        LifecycleEvidence.From([], [], Today, Now).Should().Be(LifecycleEvidence.Nothing);
    }

    [Fact]
    public void From_ACurrentPackAndATrialMembership_IsCurrentPaidAndTrial()
    {
        var customer = Lead();

        var evidence = LifecycleEvidence.From([MembershipOf(customer, trial: true)], [PackOf(customer)], Today, Now);

        evidence.Should().Be(new LifecycleEvidence(HasCurrentPaid: true, HasCurrentTrial: true, HasPastPurchase: true));
    }

    [Fact]
    public void From_AnExpiredPackAndAMembershipNotStartedYet_IsOnlyAPastPurchase()
    {
        var customer = Lead();

        var evidence = LifecycleEvidence.From(
            [MembershipOf(customer, start: Today.AddDays(3))], [PackOf(customer, validityDays: 10, soldAt: Now.AddDays(-11))], Today, Now);

        evidence.Should().Be(new LifecycleEvidence(HasCurrentPaid: false, HasCurrentTrial: false, HasPastPurchase: true));
    }

    [Fact]
    public void From_APausedMembership_IsNotInForce()
    {
        var customer = Lead();
        var membership = MembershipOf(customer, start: Today.AddDays(-10));
        membership.Pause(Today, null, Now);

        LifecycleEvidence.From([membership], [], Today, Now).HasCurrentPaid.Should().BeFalse();
    }

    [Fact]
    public void From_WithPurchasesNotPassedIn_IsAPastPurchase()
    {
        LifecycleEvidence.From([], [], Today, Now, boughtOtherProducts: true).HasPastPurchase.Should().BeTrue();
    }

    [Theory]
    [InlineData(LifecycleStatus.Lead, true, false, true, LifecycleStatus.Member)]
    [InlineData(LifecycleStatus.Lead, false, true, true, LifecycleStatus.Trial)]
    [InlineData(LifecycleStatus.Member, false, false, true, LifecycleStatus.Lapsed)]
    [InlineData(LifecycleStatus.Trial, false, false, false, LifecycleStatus.Trial)]
    [InlineData(LifecycleStatus.Archived, true, false, true, LifecycleStatus.Archived)]
    public void StatusAfterPurchases_IsWhatApplyPurchasesGives(LifecycleStatus current, bool paid, bool trial, bool past, LifecycleStatus expected)
    {
        Customer.StatusAfterPurchases(current, new LifecycleEvidence(paid, trial, past)).Should().Be(expected);
    }
}
