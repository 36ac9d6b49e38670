using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Packs;
using UnifiedCustomers.Domain.Tests.Builders;

namespace UnifiedCustomers.Domain.Tests.Memberships;

public sealed class CatalogEditingTests
{
    [Fact]
    public void ChangeTerms_OfAPlanNeverSold_ChangesThem_OnceSold_FailsWithTermsLocked_ButTheSameTermsPass()
    {
        var plan = MembershipPlan.Create(A.StudioId, "8 a Month", new Allowance(AllowancePeriod.Month, 8), null, false, TestClock.Start).ShouldSucceed();

        plan.ChangeTerms(new Allowance(AllowancePeriod.Week, 2), null, false, hasBeenSold: false).ShouldSucceed();
        plan.ChangeTerms(Allowance.Unlimited, null, false, hasBeenSold: true).ShouldFailWith("membership_plan.terms_locked");
        plan.ChangeTerms(new Allowance(AllowancePeriod.Week, 2), [], false, hasBeenSold: true).ShouldSucceed();

        plan.Allowance.Should().Be(new Allowance(AllowancePeriod.Week, 2));
    }

    [Fact]
    public void Rename_ToBlank_FailsWithNameInvalid_AndKeepsTheName()
    {
        var plan = MembershipPlan.Create(A.StudioId, "Unlimited", Allowance.Unlimited, null, false, TestClock.Start).ShouldSucceed();

        plan.Rename("  ").ShouldFailWith("membership_plan.name_invalid");
        plan.Rename(" Unlimited Monthly ").ShouldSucceed();

        plan.Name.Should().Be("Unlimited Monthly");
    }

    [Fact]
    public void Sell_OfADeactivatedPlanOrProduct_FailsWithInactive()
    {
        var customer = A.Customer.Build();
        var plan = MembershipPlan.Create(A.StudioId, "Unlimited", Allowance.Unlimited, null, false, TestClock.Start).ShouldSucceed();
        var product = PackProduct.Create(A.StudioId, "Ten", 10, 90, null, false, TestClock.Start).ShouldSucceed();
        plan.Deactivate();
        product.Deactivate();

        Membership.Sell(customer, plan, new DateOnly(2026, 6, 1), null, TestClock.Start).ShouldFailWith("membership_plan.inactive");
        ClassPack.Sell(customer, product, TestClock.Start).ShouldFailWith("pack_product.inactive");

        plan.Activate();
        Membership.Sell(customer, plan, new DateOnly(2026, 6, 1), null, TestClock.Start).ShouldSucceed();
    }

    [Fact]
    public void ChangeTerms_OfASoldPackProduct_FailsWithTermsLocked()
    {
        var product = PackProduct.Create(A.StudioId, "Ten", 10, 90, null, false, TestClock.Start).ShouldSucceed();

        product.ChangeTerms(5, 90, null, false, hasBeenSold: true).ShouldFailWith("pack_product.terms_locked");
        product.ChangeTerms(5, 30, null, true, hasBeenSold: false).ShouldSucceed();

        (product.Credits, product.ValidityDays, product.IsTrial).Should().Be((5, 30, true));
    }
}
