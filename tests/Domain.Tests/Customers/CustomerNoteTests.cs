using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Tests.Builders;

namespace UnifiedCustomers.Domain.Tests.Customers;

public sealed class CustomerNoteTests
{
    [Fact]
    public void Write_WhenTextIsGiven_KeepsItTrimmedForTheCustomer()
    {
        var customer = A.Customer.Build();
        var author = Guid.NewGuid();

        var note = CustomerNote.Write(customer, "  knee injury, no jumps  ", author, TestClock.Start).ShouldSucceed();

        note.Should().BeEquivalentTo(new
        {
            customer.OrganizationId,
            CustomerId = customer.Id,
            Content = "knee injury, no jumps",
            CreatedBy = (Guid?)author,
            CreatedAt = TestClock.Start,
        });
    }

    [Fact]
    public void Write_WhenBlank_FailsWithEmpty() =>
        CustomerNote.Write(A.Customer.Build(), "   ", null, TestClock.Start).ShouldFailWith("note.empty");

    [Fact]
    public void Write_WhenLongerThan4000_FailsWithTooLong() =>
        CustomerNote.Write(A.Customer.Build(), new string('n', 4001), null, TestClock.Start).ShouldFailWith("note.too_long");
}
