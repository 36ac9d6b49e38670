using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Catalog.UpdateMembershipPlan;
using UnifiedCustomers.Application.Catalog.UpdatePackProduct;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Application.Sales.SellMembership;
using UnifiedCustomers.Application.Sales.SellPack;
using UnifiedCustomers.Application.Tests.Support;
using UnifiedCustomers.Domain.Memberships;

namespace UnifiedCustomers.Application.Tests.Catalog;

/// <summary>Changes of terms racing sales: what was sold always has the product's terms.</summary>
public sealed class CatalogEditingConcurrencyTests(Backend backend) : IClassFixture<Backend>
{
    [Fact]
    public async Task ChangingAPackProductsCredits_WhileTenSell_NeverLeavesAPackWithOtherTermsThanItsProduct()
    {
        var studio = await Studio.OpenAsync(backend);
        var product = await studio.PackProductAsync("Ten", credits: 10, validityDays: 90);
        var customers = new List<Guid>();
        foreach (var i in Enumerable.Range(0, 10)) customers.Add((await studio.CustomerAsync($"Buyer Number{i}")).Id);

        var sales = customers.Select(c => backend.SendAsync(new SellPackCommand(studio.Id, c, product.Id))).ToList();
        var change = backend.SendAsync(new UpdatePackProductCommand(
            studio.Id, product.Id, Optional<string?>.Unset, (int?)5, Optional<int?>.Unset, Optional<IReadOnlyList<Guid>?>.Unset,
            Optional<bool?>.Unset, Optional<bool?>.Unset));
        (await Task.WhenAll(sales)).Should().OnlyContain(r => r.IsSuccess);
        var changed = await change;

        var credits = await backend.WithDbAsync(db => db.PackProducts.AsNoTracking().Where(p => p.Id == product.Id).Select(p => p.Credits).SingleAsync());
        var sold = await backend.WithDbAsync(db => db.ClassPacks.AsNoTracking().Where(p => p.ProductId == product.Id).Select(p => p.CreditsTotal).ToListAsync());
        sold.Should().HaveCount(10).And.OnlyContain(total => total == credits);
        if (changed.IsFailure) (changed.Error!.Code, credits).Should().Be(("pack_product.terms_locked", 10));
    }

    [Fact]
    public async Task ChangingAPlansAllowance_WhileTenSell_NeverLeavesAMembershipWithOtherTermsThanItsPlan()
    {
        var studio = await Studio.OpenAsync(backend);
        var plan = await studio.PlanAsync("Eight a Month", new Allowance(AllowancePeriod.Month, 8));
        var customers = new List<Guid>();
        foreach (var i in Enumerable.Range(0, 10)) customers.Add((await studio.CustomerAsync($"Member Number{i}")).Id);

        var sales = customers.Select(c => backend.SendAsync(new SellMembershipCommand(studio.Id, c, plan.Id))).ToList();
        var change = backend.SendAsync(new UpdateMembershipPlanCommand(
            studio.Id, plan.Id, Optional<string?>.Unset, (AllowancePeriod?)AllowancePeriod.Week, (int?)2, Optional<IReadOnlyList<Guid>?>.Unset,
            Optional<bool?>.Unset, Optional<bool?>.Unset));
        (await Task.WhenAll(sales)).Should().OnlyContain(r => r.IsSuccess);
        await change;

        var allowance = await backend.WithDbAsync(db => db.MembershipPlans.AsNoTracking().Where(p => p.Id == plan.Id).Select(p => p.Allowance).SingleAsync());
        var sold = await backend.WithDbAsync(db => db.Memberships.AsNoTracking().Where(m => m.PlanId == plan.Id).Select(m => m.Allowance).ToListAsync());
        sold.Should().HaveCount(10).And.OnlyContain(a => a == allowance);
    }
}
