using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Application.Customers.RegisterCustomer;
using UnifiedCustomers.Application.Customers.UpdateCustomer;
using UnifiedCustomers.Application.Tests.Support;

namespace UnifiedCustomers.Application.Tests.Customers;

public sealed class UpdateCustomerTests(Backend backend) : IClassFixture<Backend>
{
    [Fact]
    public async Task Update_Details_StoresThemNormalised()
    {
        var studio = await Studio.OpenAsync(backend);
        var customer = await studio.CustomerAsync("Gus Grey");

        var result = await backend.SendAsync(new UpdateCustomerCommand(studio.Id, customer.Id, "Angus", "Grey", "ANGUS@example.com", "07911 123456", "referral", "Prefers mornings"));

        result.IsSuccess.Should().BeTrue(result.Error?.Code);
        var stored = await backend.WithDbAsync(db => db.Customers.SingleAsync(c => c.Id == customer.Id));
        stored.Should().Match<Domain.Customers.Customer>(c =>
            c.FirstName == "Angus" && c.Email == "angus@example.com" && c.Phone == "+447911123456" && c.Source == "referral" && c.Notes == "Prefers mornings");
        result.Value.Phone.Should().Be("+447911123456");
    }

    [Fact]
    public async Task Update_ToAnEmailAnotherCustomerUses_IsEmailTaken()
    {
        var studio = await Studio.OpenAsync(backend);
        (await backend.SendAsync(new RegisterCustomerCommand(studio.Id, "Hal", "Hunt", "hal@example.com"))).IsSuccess.Should().BeTrue();
        var customer = await studio.CustomerAsync("Ian Ives");

        var result = await backend.SendAsync(new UpdateCustomerCommand(studio.Id, customer.Id, "Ian", "Ives", "hal@example.com", null));

        result.Error!.Code.Should().Be("customer.email_taken");
        (await backend.WithDbAsync(db => db.Customers.SingleAsync(c => c.Id == customer.Id))).Email.Should().BeNull();
    }

    [Fact]
    public async Task Update_KeepingTheirOwnEmail_IsAllowed()
    {
        var studio = await Studio.OpenAsync(backend);
        var registered = await backend.SendAsync(new RegisterCustomerCommand(studio.Id, "Jo", "Jones", "jo@example.com"));

        var result = await backend.SendAsync(new UpdateCustomerCommand(studio.Id, registered.Value.Id, "Joanna", "Jones", "jo@example.com", null));

        result.IsSuccess.Should().BeTrue(result.Error?.Code);
    }

    [Fact]
    // Was ..._AndANamelessOne_FailsValidation (a ValidationException on FirstName): issue #15 gives the name rule to the
    // domain alone, so a nameless update is the domain's customer.name_required, on a customer that exists.
    public async Task Update_AnUnknownCustomer_IsNotFound_AndANamelessOne_FailsWithNameRequired()
    {
        var studio = await Studio.OpenAsync(backend);
        var kim = await studio.CustomerAsync("Kim King");

        var missing = await backend.SendAsync(new UpdateCustomerCommand(studio.Id, Guid.NewGuid(), "Kim", "King", null, null));
        var nameless = await backend.SendAsync(new UpdateCustomerCommand(studio.Id, kim.Id, "", "", null, null));

        missing.Error!.Code.Should().Be("customer.not_found");
        nameless.Error.Should().Match<Error>(e => e.Code == "customer.name_required" && e.Field == "firstName");
        (await studio.ReloadAsync(kim)).FullName.Should().Be("Kim King");
    }
}
