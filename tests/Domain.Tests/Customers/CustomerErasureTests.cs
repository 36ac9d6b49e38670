using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Tests.Builders;

namespace UnifiedCustomers.Domain.Tests.Customers;

public sealed class CustomerErasureTests
{
    private static readonly DateTimeOffset Later = TestClock.Start.AddDays(3);

    [Fact]
    public void Erase_WhenActive_AnonymisesArchivesAndRecordsTheErasure()
    {
        var customer = new CustomerBuilder().WithPhone("+447700900123").AsMember().Build();
        customer.UpdateDetails("Ada", "Lovelace", "ada@example.com", "+447700900123", null, "likes mornings", TestClock.Start).ShouldSucceed();

        customer.Erase([], Later).ShouldSucceed();

        (customer.FirstName, customer.LastName, customer.Email, customer.Phone, customer.Notes).Should().Be((Customer.ErasedName, "", null, null, null));
        (customer.Status, customer.ErasedAt).Should().Be((LifecycleStatus.Archived, Later));
        customer.StatusHistory[^1].Should().BeEquivalentTo(new { From = LifecycleStatus.Member, To = LifecycleStatus.Archived, Cause = Customer.ErasedCause, At = Later });
    }

    [Fact]
    public void Erase_WhenAlreadyArchived_StillRecordsTheErasure()
    {
        var customer = new CustomerBuilder().Archived().Build();

        customer.Erase([], Later).ShouldSucceed();

        customer.StatusHistory[^1].Should().BeEquivalentTo(new { From = LifecycleStatus.Archived, To = LifecycleStatus.Archived, Cause = Customer.ErasedCause });
    }

    [Fact]
    public void Erase_Twice_FailsWithAlreadyErased()
    {
        var customer = new CustomerBuilder().Build();
        customer.Erase([], Later).ShouldSucceed();

        customer.Erase([], Later.AddDays(1)).ShouldFailWith("customer.already_erased");

        customer.ErasedAt.Should().Be(Later);
    }

    [Fact]
    public void Erased_CannotBeUpdatedOrRestored()
    {
        var customer = new CustomerBuilder().Build();
        customer.Erase([], Later).ShouldSucceed();

        customer.UpdateDetails("Ada", "Lovelace", "ada@example.com", null, null, null, Later).ShouldFailWith("customer.erased");
        customer.Restore(LifecycleEvidence.Nothing, Later).ShouldFailWith("customer.erased");
        customer.Email.Should().BeNull();
    }

    [Fact]
    public void Erase_WithACustomerNotMergedIntoIt_Throws()
    {
        var customer = new CustomerBuilder().Build();
        var stranger = new CustomerBuilder().Named("Bob").Build();

        var act = () => customer.Erase([stranger], Later);

        act.Should().Throw<ArgumentException>();
        customer.ErasedAt.Should().BeNull();
    }
}
