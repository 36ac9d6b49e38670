using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;

namespace UnifiedCustomers.Domain.Tests.Builders;

internal sealed class MembershipBuilder
{
    private Customer? _customer;
    private Allowance _allowance = Allowance.Unlimited;
    private Guid[] _classTypeIds = [];
    private bool _trial;
    private DateOnly _startDate = TestClock.Today;
    private DateOnly? _endDate;

    public MembershipBuilder For(Customer customer)
    {
        _customer = customer;
        return this;
    }

    public MembershipBuilder WithAllowance(AllowancePeriod period, int classes)
    {
        _allowance = new Allowance(period, classes);
        return this;
    }

    public MembershipBuilder ForClassTypes(params Guid[] classTypeIds)
    {
        _classTypeIds = classTypeIds;
        return this;
    }

    public MembershipBuilder AsTrial()
    {
        _trial = true;
        return this;
    }

    public MembershipBuilder Running(DateOnly startDate, DateOnly? endDate)
    {
        _startDate = startDate;
        _endDate = endDate;
        return this;
    }

    public Membership Build()
    {
        var customer = _customer ?? A.Customer.Build();
        var plan = MembershipPlan.Create(customer.OrganizationId, "Ten a month", _allowance, _classTypeIds, _trial, TestClock.Start).ShouldSucceed();
        return Membership.Sell(customer, plan, _startDate, _endDate, TestClock.Start).ShouldSucceed();
    }
}
