using UnifiedCustomers.Application.Customers.GetCustomer;
using UnifiedCustomers.Application.Tests.Support;
using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Tests.Customers;

public sealed class GetCustomerTests(Backend backend) : IClassFixture<Backend>
{
    [Fact]
    public async Task Get_ACustomer_ProjectsTheStoredRow()
    {
        var studio = await Studio.OpenAsync(backend);
        var customer = await studio.CustomerAsync("Fay Fox", LifecycleStatus.Member);

        var result = await backend.SendAsync(new GetCustomerQuery(studio.Id, customer.Id));

        result.Value.Should().Match<Application.Customers.CustomerResponse>(c =>
            c.Id == customer.Id && c.FullName == "Fay Fox" && c.Status == LifecycleStatus.Member && c.Source == "test");
    }

    [Fact]
    public async Task Get_AnotherStudiosCustomer_IsNotFound()
    {
        var studio = await Studio.OpenAsync(backend);
        var other = await Studio.OpenAsync(backend);
        var theirs = await other.CustomerAsync();

        var result = await backend.SendAsync(new GetCustomerQuery(studio.Id, theirs.Id));

        result.Error!.Code.Should().Be("customer.not_found");
    }
}
