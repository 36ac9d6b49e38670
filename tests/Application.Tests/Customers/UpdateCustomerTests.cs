using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Application.Customers.PatchCustomer;
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
    public async Task Patch_OfOneField_KeepsTheLegacyEmailPhoneAndSourceItDidNotTouch_AndStillReadsANewOne()
    {
        var studio = await Studio.OpenAsync(backend);
        var customer = await studio.CustomerAsync("Lee Legacy");
        // What the consolidation may have stored from the old system, which the domain would not accept today.
        await backend.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE customers SET email = 'not-an-email', phone = {"call\tme"}, source = {"web\u0001site"} WHERE id = {customer.Id}"));
        var unset = Optional<string?>.Unset;

        var renamed = await backend.SendAsync(new PatchCustomerCommand(studio.Id, customer.Id, "Lee", "Renamed", unset, unset, unset, "called back"));
        var newEmail = await backend.SendAsync(new PatchCustomerCommand(studio.Id, customer.Id, unset, unset, "still-not-an-email", unset, unset, unset));

        renamed.IsSuccess.Should().BeTrue(renamed.Error?.Code);
        newEmail.Error!.Code.Should().Be("customer.email_invalid");
        var stored = await backend.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Id == customer.Id));
        stored.Should().Match<Domain.Customers.Customer>(c => c.LastName == "Renamed" && c.Notes == "called back"
            && c.Email == "not-an-email" && c.Phone == "call\tme" && c.Source == "web\u0001site");
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
