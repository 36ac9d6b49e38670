using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Tests.Builders;

namespace UnifiedCustomers.Domain.Tests.Customers;

public sealed class CustomerAccessTokenTests
{
    private static readonly DateTimeOffset Now = TestClock.Start;

    [Fact]
    public void Issue_ForAnActiveCustomer_ExpiresAfterTheLifetime()
    {
        var customer = new CustomerBuilder().Build();

        var token = CustomerAccessToken.Issue(customer, 30, " phone ", Now).ShouldSucceed();

        (token.CustomerId, token.OrganizationId, token.Label, token.ExpiresAt).Should().Be((customer.Id, customer.OrganizationId, "phone", Now.AddMinutes(30)));
        token.EnsureUsable(customer, Now.AddMinutes(29)).ShouldSucceed();
        token.EnsureUsable(customer, Now.AddMinutes(30)).ShouldFailWith("auth.customer_token_expired");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(1441)]
    public void Issue_WithALifetimeOutOfRange_Fails(int minutes) =>
        CustomerAccessToken.Issue(new CustomerBuilder().Build(), minutes, null, Now).ShouldFailWith("access_token.lifetime_invalid");

    [Fact]
    public void Issue_ForAnArchivedCustomer_Fails() =>
        CustomerAccessToken.Issue(new CustomerBuilder().Archived().Build(), 60, null, Now).ShouldFailWith("customer.archived");

    [Fact]
    public void Revoke_EndsIt_AndTwiceFails()
    {
        var customer = new CustomerBuilder().Build();
        var token = CustomerAccessToken.Issue(customer, 60, null, Now).ShouldSucceed();

        token.Revoke(Now.AddMinutes(1)).ShouldSucceed();

        token.EnsureUsable(customer, Now.AddMinutes(2)).ShouldFailWith("auth.customer_token_revoked");
        token.Revoke(Now.AddMinutes(3)).ShouldFailWith("access_token.already_revoked");
    }

    [Fact]
    public void EnsureUsable_WhenTheCustomerIsArchivedAfterwards_FailsAsRevoked()
    {
        var customer = new CustomerBuilder().Build();
        var token = CustomerAccessToken.Issue(customer, 60, null, Now).ShouldSucceed();

        customer.Archive("left", Now.AddMinutes(1)).ShouldSucceed();

        token.EnsureUsable(customer, Now.AddMinutes(2)).ShouldFailWith("auth.customer_token_revoked");
    }
}
