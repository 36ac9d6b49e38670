using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Packs;

namespace UnifiedCustomers.Domain.Tests.Builders;

internal sealed class PackBuilder
{
    private Customer? _customer;
    private int _credits = 5;
    private int _validityDays = 30;
    private Guid[] _classTypeIds = [];
    private bool _trial;
    private DateTimeOffset _purchasedAt = TestClock.Start;

    public PackBuilder For(Customer customer)
    {
        _customer = customer;
        return this;
    }

    public PackBuilder WithCredits(int credits)
    {
        _credits = credits;
        return this;
    }

    public PackBuilder ValidFor(int days)
    {
        _validityDays = days;
        return this;
    }

    public PackBuilder ForClassTypes(params Guid[] classTypeIds)
    {
        _classTypeIds = classTypeIds;
        return this;
    }

    public PackBuilder AsTrial()
    {
        _trial = true;
        return this;
    }

    public PackBuilder BoughtAt(DateTimeOffset purchasedAt)
    {
        _purchasedAt = purchasedAt;
        return this;
    }

    public ClassPack Build()
    {
        var customer = _customer ?? A.Customer.Build();
        var product = PackProduct.Create(customer.OrganizationId, "Five classes", _credits, _validityDays, _classTypeIds, _trial, TestClock.Start).ShouldSucceed();
        return ClassPack.Sell(customer, product, _purchasedAt).ShouldSucceed();
    }
}
