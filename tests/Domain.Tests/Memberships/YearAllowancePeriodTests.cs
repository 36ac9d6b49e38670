using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;

namespace UnifiedCustomers.Domain.Tests.Memberships;

public sealed class YearAllowancePeriodTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void PeriodContaining_WhenTheAllowanceIsYearly_IsTheCalendarYear()
    {
        var customer = Customer.Register(Guid.NewGuid(), "Gail", "Green", null, null, null, Now).Value;
        var plan = MembershipPlan.Create(customer.OrganizationId, "100 a Year", new Allowance(AllowancePeriod.Year, 100), null, false, Now).Value;
        var membership = Membership.Sell(customer, plan, new DateOnly(2025, 7, 1), null, Now).Value;

        membership.PeriodContaining(new DateOnly(2026, 6, 8)).Should().Be((new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1)));
        membership.PeriodContaining(new DateOnly(2025, 12, 31)).Should().Be((new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1)));
    }
}
