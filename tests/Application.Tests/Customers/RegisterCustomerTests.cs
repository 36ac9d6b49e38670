using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Application.Customers;
using UnifiedCustomers.Application.Customers.RegisterCustomer;
using UnifiedCustomers.Application.Tests.Support;
using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Tests.Customers;

public sealed class RegisterCustomerTests(Backend backend) : IClassFixture<Backend>
{
    [Fact]
    public async Task Register_ALead_StoresNormalisedEmailAndE164PhoneAndRecordsTheStatus()
    {
        var studio = await Studio.OpenAsync(backend);

        var result = await backend.SendAsync(new RegisterCustomerCommand(studio.Id, " Amy ", "Archer", " Amy.Archer@Example.COM ", "020 7946 0018", "website"));

        result.IsSuccess.Should().BeTrue(result.Error?.Code);
        result.Value.Should().Match<CustomerResponse>(c =>
            c.FullName == "Amy Archer" && c.Email == "amy.archer@example.com" && c.Phone == "+442079460018"
            && c.Status == LifecycleStatus.Lead && c.Source == "website");
        var stored = await backend.WithDbAsync(db => db.Customers.Include(c => c.StatusHistory).SingleAsync(c => c.Id == result.Value.Id));
        stored.OrganizationId.Should().Be(studio.Id);
        stored.Phone.Should().Be("+442079460018");
        stored.StatusHistory.Should().ContainSingle().Which.To.Should().Be(LifecycleStatus.Lead);
    }

    [Fact]
    public async Task Register_APhoneThatDoesNotParse_IsKeptAsWritten()
    {
        var studio = await Studio.OpenAsync(backend);

        var result = await backend.SendAsync(new RegisterCustomerCommand(studio.Id, "Ben", "Baker", null, " ext. 42 "));

        result.Value.Phone.Should().Be("ext. 42");
    }

    [Fact]
    public async Task Register_AnEmailAnotherCustomerUses_IsEmailTaken()
    {
        var studio = await Studio.OpenAsync(backend);
        (await backend.SendAsync(new RegisterCustomerCommand(studio.Id, "Cat", "Cole", "cat@example.com"))).IsSuccess.Should().BeTrue();

        var result = await backend.SendAsync(new RegisterCustomerCommand(studio.Id, "Catherine", "Cole", "CAT@example.com"));

        result.Error!.Code.Should().Be("customer.email_taken");
        (await backend.WithDbAsync(db => db.Customers.CountAsync(c => c.OrganizationId == studio.Id))).Should().Be(1);
    }

    [Fact]
    public async Task Register_AnEmailOnlyAnArchivedCustomerOrAnotherStudioUses_IsAllowed()
    {
        var studio = await Studio.OpenAsync(backend);
        var other = await Studio.OpenAsync(backend);
        (await backend.SendAsync(new RegisterCustomerCommand(other.Id, "Dan", "Dale", "dan@example.com"))).IsSuccess.Should().BeTrue();
        var archived = await backend.SendAsync(new RegisterCustomerCommand(studio.Id, "Dan", "Dale", "dan@example.com"));
        await backend.SendAsync(new Application.Customers.ArchiveCustomer.ArchiveCustomerCommand(studio.Id, archived.Value.Id));

        var result = await backend.SendAsync(new RegisterCustomerCommand(studio.Id, "Daniel", "Dale", "dan@example.com"));

        result.IsSuccess.Should().BeTrue(result.Error?.Code);
    }

    [Fact]
    // Was Register_WithoutAnyNameOrWithABadEmail_FailsValidationByField (one ValidationException naming FirstName and Email):
    // issue #15 gives these rules to the domain alone, which answers with its own codes, the first refusal first.
    public async Task Register_WithoutAnyNameOrWithABadEmail_FailsWithTheDomainsCodeByField()
    {
        var studio = await Studio.OpenAsync(backend);

        var nameless = await backend.SendAsync(new RegisterCustomerCommand(studio.Id, " ", null, "not-an-email"));
        var badEmail = await backend.SendAsync(new RegisterCustomerCommand(studio.Id, "Nia", null, "not-an-email"));

        nameless.Error.Should().Match<Error>(e => e.Code == "customer.name_required" && e.Field == "firstName");
        badEmail.Error.Should().Match<Error>(e => e.Code == "customer.email_invalid" && e.Field == "email");
        (await backend.WithDbAsync(db => db.Customers.CountAsync(c => c.OrganizationId == studio.Id))).Should().Be(0);
    }

    [Fact]
    public async Task Register_TheSameEmailInParallel_StoresOneCustomerAndTellsTheOthersEmailTaken()
    {
        var studio = await Studio.OpenAsync(backend);

        var attempts = await Task.WhenAll(Enumerable.Range(1, 6).Select(async i =>
        {
            try
            {
                var result = await backend.SendAsync(new RegisterCustomerCommand(studio.Id, "Pat", $"Parallel {i}", "pat@example.com"));
                return result.Error?.Code ?? "registered";
            }
            catch (UniqueConflictException race)
            {
                return race.Error.Code;
            }
        }));

        attempts.Count(a => a == "registered").Should().Be(1);
        attempts.Where(a => a != "registered").Should().OnlyContain(code => code == "customer.email_taken");
        (await backend.WithDbAsync(db => db.Customers.CountAsync(c => c.OrganizationId == studio.Id))).Should().Be(1);
    }

    [Fact]
    public async Task Register_InAnOrganizationThatDoesNotExist_IsOrganizationNotFound()
    {
        var result = await backend.SendAsync(new RegisterCustomerCommand(Guid.NewGuid(), "Eve", "Evans"));

        result.Error!.Code.Should().Be("organization.not_found");
    }
}
