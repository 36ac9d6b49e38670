using UnifiedCustomers.Application.Sales.CancelMembership;
using UnifiedCustomers.Application.Sales.SellPack;
using UnifiedCustomers.Application.Tests.Support;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;

namespace UnifiedCustomers.Application.Tests.Sales;

public sealed class SalesConcurrencyTests(Backend backend) : IClassFixture<Backend>
{
    [Fact]
    public async Task CancelTheLastMembershipWhileSellingAPack_InParallel_LeavesAMember()
    {
        var studio = await Studio.OpenAsync(backend);
        var product = await studio.PackProductAsync("5-Class Pass", credits: 5, validityDays: 90);
        var customers = new List<(Customer Customer, Membership Membership)>();
        for (var i = 0; i < 5; i++)
        {
            var customer = await studio.CustomerAsync($"Ray Race{i}", LifecycleStatus.Member);
            customers.Add((customer, await studio.MembershipAsync(customer, Allowance.Unlimited)));
        }

        // Without the customer's lock each side decides from a view that misses the other, and the
        // cancellation can commit "lapsed" after the pack was sold.
        await Task.WhenAll(customers.SelectMany(c => new Task[]
        {
            backend.SendAsync(new CancelMembershipCommand(studio.Id, c.Membership.Id)),
            backend.SendAsync(new SellPackCommand(studio.Id, c.Customer.Id, product.Id)),
        }));

        foreach (var (customer, _) in customers)
            (await studio.ReloadAsync(customer)).Status.Should().Be(LifecycleStatus.Member, customer.LastName);
    }
}
