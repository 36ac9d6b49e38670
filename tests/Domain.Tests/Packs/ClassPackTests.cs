using UnifiedCustomers.Domain.Packs;
using UnifiedCustomers.Domain.Tests.Builders;

namespace UnifiedCustomers.Domain.Tests.Packs;

public sealed class ClassPackTests
{
    private static readonly Guid Yoga = Guid.NewGuid();
    private static readonly Guid Barbell = Guid.NewGuid();
    private static readonly DateTimeOffset Now = TestClock.Start;

    [Fact]
    public void Sell_WhenCustomerCanBuy_HoldsAllCreditsUntilTheValidityRunsOut()
    {
        var customer = A.Customer.Build();
        var product = PackProduct.Create(A.StudioId, "Ten classes", 10, 90, [Yoga], true, Now).ShouldSucceed();

        var pack = ClassPack.Sell(customer, product, Now).ShouldSucceed();

        pack.Should().BeEquivalentTo(new
        {
            customer.OrganizationId,
            CustomerId = customer.Id,
            ProductId = product.Id,
            CreditsTotal = 10,
            CreditsRemaining = 10,
            ClassTypeIds = new[] { Yoga },
            IsTrial = true,
            Status = PackStatus.Active,
            PurchasedAt = Now,
            ExpiresAt = (DateTimeOffset?)Now.AddDays(90),
        });
    }

    [Fact]
    public void Sell_WhenCustomerIsArchived_FailsWithArchived()
    {
        var product = PackProduct.Create(A.StudioId, "Ten classes", 10, 90, null, false, Now).ShouldSucceed();

        ClassPack.Sell(A.Customer.Archived().Build(), product, Now).ShouldFailWith("customer.archived");
    }

    [Theory]
    [InlineData(0, 30)]
    [InlineData(1001, 30)]
    [InlineData(10, 0)]
    [InlineData(10, 3661)]
    public void ProductCreate_WhenCreditsOrValidityAreOutOfRange_FailsWithInvalid(int credits, int validityDays) =>
        PackProduct.Create(A.StudioId, "Pack", credits, validityDays, null, false, Now).ShouldFailWith("pack_product.invalid");

    [Fact]
    public void ProductCreate_WhenNameIsBlank_FailsWithNameInvalid() =>
        PackProduct.Create(A.StudioId, " ", 10, 30, null, false, Now).ShouldFailWith("pack_product.name_invalid");

    [Fact]
    public void CanPay_WhenCurrentAndForAnyType_Succeeds() =>
        A.Pack.Build().CanPay(Barbell, Now).ShouldSucceed();

    [Fact]
    public void CanPay_WhenExpiredAndOfAnotherTypeAndEmpty_ReportsExpiredFirst()
    {
        var pack = EmptyPack(forType: Yoga);

        pack.CanPay(Barbell, pack.ExpiresAt!.Value).ShouldFailWith("pack.expired");
    }

    [Fact]
    public void CanPay_WhenOfAnotherTypeAndEmpty_ReportsTheClassTypeBeforeTheCredits() =>
        EmptyPack(forType: Yoga).CanPay(Barbell, Now).ShouldFailWith("pack.class_type_not_covered");

    [Fact]
    public void CanPay_WhenEmpty_FailsWithNoCredits() =>
        EmptyPack(forType: Yoga).CanPay(Yoga, Now).ShouldFailWith("pack.no_credits");

    [Fact]
    public void IsExpired_FromTheExpiryInstantOn_IsTrue()
    {
        var pack = A.Pack.ValidFor(30).Build();

        pack.IsExpired(Now.AddDays(30).AddTicks(-1)).Should().BeFalse();
        pack.IsExpired(Now.AddDays(30)).Should().BeTrue();
    }

    [Fact]
    public void Consume_WhenItCanPay_SpendsOneCredit()
    {
        var pack = A.Pack.WithCredits(2).Build();

        pack.Consume(Yoga, Now).ShouldSucceed();

        pack.CreditsRemaining.Should().Be(1);
    }

    [Fact]
    public void Consume_WhenEmpty_FailsWithNoCreditsAndNeverGoesBelowZero()
    {
        var pack = EmptyPack(forType: Yoga);

        pack.Consume(Yoga, Now).ShouldFailWith("pack.no_credits");

        pack.CreditsRemaining.Should().Be(0);
    }

    [Fact]
    public void Consume_WhenExpired_FailsWithExpiredAndKeepsTheCredits()
    {
        var pack = A.Pack.WithCredits(2).ValidFor(1).Build();

        pack.Consume(Yoga, Now.AddDays(2)).ShouldFailWith("pack.expired");

        pack.CreditsRemaining.Should().Be(2);
    }

    [Fact]
    public void Refund_WhenACreditWasSpent_GivesItBack()
    {
        var pack = A.Pack.WithCredits(2).Build();
        pack.Consume(Yoga, Now).ShouldSucceed();

        pack.Refund(Now);

        pack.CreditsRemaining.Should().Be(2);
    }

    [Fact]
    public void Refund_OfAnExhaustedPack_IsReplenished_OnceForItsFirstCredit()
    {
        var pack = A.Pack.WithCredits(2).Build();
        pack.Consume(Yoga, Now).ShouldSucceed();
        pack.Refund(Now);
        pack.PendingEvents().Select(e => e.Event).OfType<PackReplenished>().Should().BeEmpty("it never ran out");
        pack.Consume(Yoga, Now).ShouldSucceed();
        pack.Consume(Yoga, Now).ShouldSucceed();

        pack.Refund(Now);
        pack.Refund(Now);

        pack.PendingEvents().Select(e => e.Event).OfType<PackReplenished>().Should().ContainSingle();
        pack.CreditsRemaining.Should().Be(2);
    }

    [Fact]
    public void Refund_WhenFull_NeverGoesAboveTheTotal()
    {
        var pack = A.Pack.WithCredits(2).Build();

        pack.Refund(Now);

        pack.CreditsRemaining.Should().Be(2);
    }

    [Fact]
    public void IsCurrent_WhenActiveWithCreditsAndNotExpired_IsTrue() =>
        A.Pack.Build().IsCurrent(Now).Should().BeTrue();

    [Fact]
    public void IsCurrent_WhenEmptyOrExpired_IsFalse()
    {
        EmptyPack(forType: Yoga).IsCurrent(Now).Should().BeFalse();
        A.Pack.ValidFor(1).Build().IsCurrent(Now.AddDays(1)).Should().BeFalse();
    }

    private static ClassPack EmptyPack(Guid forType)
    {
        var pack = A.Pack.WithCredits(1).ForClassTypes(forType).Build();
        pack.Consume(forType, Now).ShouldSucceed();
        return pack;
    }
}
