using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Domain.Packs;
using UnifiedCustomers.Domain.Scheduling;
using UnifiedCustomers.Domain.Tests.Builders;

namespace UnifiedCustomers.Domain.Tests.Bookings;

public sealed class PaymentSelectorTests
{
    private static readonly Guid Yoga = Guid.NewGuid();
    private static readonly Guid Barbell = Guid.NewGuid();
    private static readonly DateOnly SessionDate = new(2026, 6, 3);

    private readonly ClassSession _session = A.Session.OfType(Yoga).Build();
    private readonly Customer _member = A.Customer.AsMember().Build();

    [Fact]
    public void Choose_WhenAMembershipCoversTheClass_PrefersItToAPack()
    {
        var membership = A.Membership.For(_member).Build();
        var pack = A.Pack.For(_member).Build();

        Choose(_member, [new(membership, 0)], [pack]).ShouldSucceed().Should().Be(BookingPayment.ByMembership(membership.Id));
    }

    [Fact]
    public void Choose_WhenSeveralMembershipsCover_PrefersPaidOverTrialThenTheOneEndingFirst()
    {
        var trial = A.Membership.For(_member).AsTrial().Running(TestClock.Today, new DateOnly(2026, 6, 7)).Build();
        var openEnded = A.Membership.For(_member).Build();
        var endingSoon = A.Membership.For(_member).Running(TestClock.Today, new DateOnly(2026, 6, 30)).Build();

        Choose(_member, [new(trial, 0), new(openEnded, 0), new(endingSoon, 0)], [])
            .ShouldSucceed().Should().Be(BookingPayment.ByMembership(endingSoon.Id));
    }

    [Fact]
    public void Choose_WhenTheMembershipsAllowanceIsUsed_FallsBackToAPack()
    {
        var membership = A.Membership.For(_member).WithAllowance(AllowancePeriod.Week, 2).Build();
        var pack = A.Pack.For(_member).Build();

        Choose(_member, [new(membership, 2)], [pack]).ShouldSucceed().Should().Be(BookingPayment.ByPack(pack.Id));
    }

    [Fact]
    public void Choose_WhenSeveralPacksCanPay_TakesTheOneExpiringFirst()
    {
        var later = A.Pack.For(_member).ValidFor(60).Build();
        var sooner = A.Pack.For(_member).ValidFor(30).Build();

        Choose(_member, [], [later, sooner]).ShouldSucceed().Should().Be(BookingPayment.ByPack(sooner.Id));
    }

    [Fact]
    public void Choose_WhenPacksExpireTogether_TakesTheOneBoughtFirst()
    {
        var newer = A.Pack.For(_member).ValidFor(29).BoughtAt(TestClock.Start.AddDays(1)).Build();
        var older = A.Pack.For(_member).ValidFor(30).Build();

        Choose(_member, [], [newer, older]).ShouldSucceed().Should().Be(BookingPayment.ByPack(older.Id));
    }

    [Fact]
    public void Choose_WhenTheFirstExpiringPackCannotPay_TakesTheNext()
    {
        var wrongType = A.Pack.For(_member).ValidFor(10).ForClassTypes(Barbell).Build();
        var any = A.Pack.For(_member).ValidFor(60).Build();

        Choose(_member, [], [wrongType, any]).ShouldSucceed().Should().Be(BookingPayment.ByPack(any.Id));
    }

    [Fact]
    public void Choose_WhenALeadHoldsNothingAndThePolicyAllows_BooksADropIn()
    {
        Choose(A.Customer.Build(), [], []).ShouldSucceed().Should().Be(BookingPayment.DropIn);
        Choose(A.Customer.AsTrial().Build(), [], []).ShouldSucceed().Should().Be(BookingPayment.DropIn);
    }

    [Fact]
    public void Choose_WhenALeadHoldsNothingAndThePolicyForbidsDropIns_FailsWithNoneAvailable()
    {
        var result = Choose(A.Customer.Build(), [], [], BookingPolicy.Default with { DropInsForLeadsAndTrials = false });

        result.ShouldFailWith("payment.none_available");
        result.Error!.Reasons.Select(r => r.Code).Should().Equal("payment.drop_in_not_allowed");
    }

    [Fact]
    public void Choose_WhenNothingCanPay_FailsWithNoneAvailableListingEveryReason()
    {
        var expired = A.Membership.For(_member).Running(TestClock.Today, new DateOnly(2026, 6, 2)).Build();
        var wrongType = A.Membership.For(_member).ForClassTypes(Barbell).Build();
        var used = A.Membership.For(_member).WithAllowance(AllowancePeriod.Month, 4).Build();
        var empty = A.Pack.For(_member).WithCredits(1).Build();
        empty.Consume(Yoga, TestClock.Start).ShouldSucceed();

        var result = Choose(_member, [new(expired, 0), new(wrongType, 0), new(used, 4)], [empty]);

        result.ShouldFailWith("payment.none_available");
        result.Error!.Reasons.Select(r => (r.Code, r.Field)).Should().Equal(new (string, string?)[]
        {
            ("membership.expired", expired.Id.ToString()),
            ("membership.class_type_not_covered", wrongType.Id.ToString()),
            ("membership.allowance_used", used.Id.ToString()),
            ("pack.no_credits", empty.Id.ToString()),
            ("payment.drop_in_not_allowed", null),
        });
    }

    [Fact]
    public void Choose_WhenAMembershipIsChosen_UsesItOverTheAutomaticOrder()
    {
        var membership = A.Membership.For(_member).Build();
        var pack = A.Pack.For(_member).Build();

        Choose(_member, [new(membership, 0)], [pack], choice: new PaymentChoice(PaymentMethod.Membership, membership.Id))
            .ShouldSucceed().Should().Be(BookingPayment.ByMembership(membership.Id));
    }

    [Fact]
    public void Choose_WhenAPackIsChosen_UsesItEvenThoughAMembershipCovers()
    {
        var membership = A.Membership.For(_member).Build();
        var pack = A.Pack.For(_member).Build();

        Choose(_member, [new(membership, 0)], [pack], choice: new PaymentChoice(PaymentMethod.Pack, pack.Id))
            .ShouldSucceed().Should().Be(BookingPayment.ByPack(pack.Id));
    }

    [Fact]
    public void Choose_WhenTheChosenMembershipOrPackIsNotTheCustomers_FailsWithNotFound()
    {
        Choose(_member, [], [], choice: new PaymentChoice(PaymentMethod.Membership, Guid.NewGuid())).ShouldFailWith("membership.not_found");
        Choose(_member, [], [], choice: new PaymentChoice(PaymentMethod.Pack, Guid.NewGuid())).ShouldFailWith("pack.not_found");
    }

    [Fact]
    public void Choose_WhenTheChosenMembershipOrPackCannotPay_FailsWithItsOwnReason()
    {
        var membership = A.Membership.For(_member).WithAllowance(AllowancePeriod.Week, 1).Build();
        var pack = A.Pack.For(_member).ForClassTypes(Barbell).Build();

        Choose(_member, [new(membership, 1)], [pack], choice: new PaymentChoice(PaymentMethod.Membership, membership.Id)).ShouldFailWith("membership.allowance_used");
        Choose(_member, [new(membership, 1)], [pack], choice: new PaymentChoice(PaymentMethod.Pack, pack.Id)).ShouldFailWith("pack.class_type_not_covered");
    }

    [Fact]
    public void Choose_WhenADropInIsChosen_AllowsItOnlyForLeadsAndTrials()
    {
        var dropIn = new PaymentChoice(PaymentMethod.DropIn);

        Choose(A.Customer.Build(), [], [], choice: dropIn).ShouldSucceed().Should().Be(BookingPayment.DropIn);
        Choose(_member, [], [], choice: dropIn).ShouldFailWith("payment.drop_in_not_allowed");
        Choose(A.Customer.AsLapsed().Build(), [], [], choice: dropIn).ShouldFailWith("payment.drop_in_not_allowed");
    }

    [Fact]
    public void Choose_WhenComplimentaryIsChosen_AllowsItForAnyone() =>
        Choose(_member, [], [], choice: new PaymentChoice(PaymentMethod.Complimentary)).ShouldSucceed().Should().Be(BookingPayment.Complimentary);

    [Fact]
    public void Choose_WhenLegacyUnknownIsChosen_FailsWithMethodInvalid() =>
        Choose(_member, [], [], choice: new PaymentChoice(PaymentMethod.LegacyUnknown)).ShouldFailWith("payment.method_invalid");

    private Result<BookingPayment> Choose(
        Customer customer, IReadOnlyList<MembershipUsage> memberships, IReadOnlyList<ClassPack> packs, BookingPolicy? policy = null, PaymentChoice? choice = null) =>
        PaymentSelector.Choose(new PaymentContext(customer, _session, SessionDate, memberships, packs, policy ?? BookingPolicy.Default, TestClock.Start), choice);
}
