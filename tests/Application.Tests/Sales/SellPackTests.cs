using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Sales.SellPack;
using UnifiedCustomers.Application.Tests.Support;
using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Tests.Sales;

public sealed class SellPackTests(Backend backend) : IClassFixture<Backend>
{
    [Fact]
    public async Task SellPack_ToALead_StoresThePackAndMakesAMember()
    {
        var studio = await Studio.OpenAsync(backend);
        var lead = await studio.CustomerAsync("Lee Lead");
        var product = await studio.PackProductAsync("10 Class Pass", credits: 10, validityDays: 180);
        var soldAt = backend.Clock.GetUtcNow();

        var result = await backend.SendAsync(new SellPackCommand(studio.Id, lead.Id, product.Id));

        result.IsSuccess.Should().BeTrue(result.Error?.Code);
        result.Value.Should().Match<Application.Sales.PackResponse>(p =>
            p.CreditsTotal == 10 && p.CreditsRemaining == 10 && p.ProductName == "10 Class Pass"
            && p.ExpiresAt == soldAt.AddDays(180) && p.CustomerStatus == LifecycleStatus.Member);
        (await backend.WithDbAsync(db => db.ClassPacks.SingleAsync(p => p.CustomerId == lead.Id))).Id.Should().Be(result.Value.Id);
        var stored = await studio.ReloadAsync(lead);
        stored.Status.Should().Be(LifecycleStatus.Member);
        stored.StatusHistory.Last().Cause.Should().Be("bought pack 10 Class Pass");
    }

    [Fact]
    public async Task SellPack_ATrialPassToALead_MakesATrial()
    {
        var studio = await Studio.OpenAsync(backend);
        var lead = await studio.CustomerAsync();
        var trial = await studio.PackProductAsync("Trial 2-Class Pass", credits: 2, validityDays: 14, trial: true);

        var result = await backend.SendAsync(new SellPackCommand(studio.Id, lead.Id, trial.Id));

        result.Value.CustomerStatus.Should().Be(LifecycleStatus.Trial);
        (await studio.ReloadAsync(lead)).Status.Should().Be(LifecycleStatus.Trial);
    }

    [Fact]
    public async Task SellPack_ToAnArchivedCustomer_IsArchivedAndSellsNothing()
    {
        var studio = await Studio.OpenAsync(backend);
        var archived = await studio.CustomerAsync(status: LifecycleStatus.Archived);
        var product = await studio.PackProductAsync("5 Class Pass", credits: 5, validityDays: 90);

        var result = await backend.SendAsync(new SellPackCommand(studio.Id, archived.Id, product.Id));

        result.Error!.Code.Should().Be("customer.archived");
        (await backend.WithDbAsync(db => db.ClassPacks.CountAsync(p => p.CustomerId == archived.Id))).Should().Be(0);
    }

    [Fact]
    public async Task SellPack_AnUnknownProductOrCustomer_IsNotFound()
    {
        var studio = await Studio.OpenAsync(backend);
        var customer = await studio.CustomerAsync();
        var product = await studio.PackProductAsync("5 Class Pass", credits: 5, validityDays: 90);

        (await backend.SendAsync(new SellPackCommand(studio.Id, customer.Id, Guid.NewGuid()))).Error!.Code.Should().Be("pack_product.not_found");
        (await backend.SendAsync(new SellPackCommand(studio.Id, Guid.NewGuid(), product.Id))).Error!.Code.Should().Be("customer.not_found");
    }
}
