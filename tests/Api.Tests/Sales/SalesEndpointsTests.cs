using System.Net;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Sales;

public sealed class SalesEndpointsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task SellPauseResumeCancel_AMembership()
    {
        var studio = await api.StudioAsync();
        var customer = await studio.CustomerAsync();
        var plan = (await studio.CreatedAsync("/api/v1/membership-plans", new { name = "Monthly 8", allowancePeriod = "month", allowanceClasses = 8 })).Id();

        var sold = await studio.PostAsync($"/api/v1/customers/{customer}/memberships", new { planId = plan, startDate = "2026-06-01" });
        await sold.ShouldBe(HttpStatusCode.Created);
        var membership = (await sold.JsonAsync());
        membership.Str("customerStatus").Should().Be("member");
        var id = membership.Id();

        (await (await studio.PostAsync($"/api/v1/memberships/{id}/pause", new { from = "2026-06-10" })).JsonAsync()).Str("status").Should().Be("paused");
        await (await studio.PostAsync($"/api/v1/memberships/{id}/pause", null)).ShouldBeProblem(HttpStatusCode.Conflict, "membership.not_active");
        (await (await studio.PostAsync($"/api/v1/memberships/{id}/resume", new { on = "2026-06-20" })).JsonAsync()).Str("status").Should().Be("active");
        await (await studio.PostAsync($"/api/v1/memberships/{id}/resume", null)).ShouldBeProblem(HttpStatusCode.Conflict, "membership.not_paused");
        (await (await studio.PostAsync($"/api/v1/memberships/{id}/cancel", new { endDate = "2026-06-30" })).JsonAsync()).Str("status").Should().Be("cancelled");
        await (await studio.PostAsync($"/api/v1/memberships/{Guid.NewGuid()}/cancel", null)).ShouldBeProblem(HttpStatusCode.NotFound, "membership.not_found");
    }

    [Fact]
    public async Task SellPack_AndTheErrors()
    {
        var studio = await api.StudioAsync();
        var customer = await studio.CustomerAsync();
        var archived = await studio.CustomerAsync("Old", "Timer");
        await studio.PostAsync($"/api/v1/customers/{archived}/archive", null);
        var product = (await studio.CreatedAsync("/api/v1/pack-products", new { name = "10 Pass", credits = 10, validityDays = 90 })).Id();

        var sold = await studio.PostAsync($"/api/v1/customers/{customer}/packs", new { productId = product });
        var toArchived = await studio.PostAsync($"/api/v1/customers/{archived}/packs", new { productId = product });
        var unknownProduct = await studio.PostAsync($"/api/v1/customers/{customer}/packs", new { productId = Guid.NewGuid() });

        await sold.ShouldBe(HttpStatusCode.Created);
        (await sold.JsonAsync()).GetProperty("creditsRemaining").GetInt32().Should().Be(10);
        await toArchived.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "customer.archived");
        await unknownProduct.ShouldBeProblem(HttpStatusCode.NotFound, "pack_product.not_found");
    }

    // Four of them pointed at routes that do not exist (404 route.not_found): no route reads one pack, membership, note or token.
    [Fact]
    public async Task EveryCreatedLocation_IsARouteThatAnswers()
    {
        var studio = await api.StudioAsync();
        var amy = await studio.CustomerAsync();
        var product = (await studio.CreatedAsync("/api/v1/pack-products", new { name = "Five", credits = 5, validityDays = 30 })).Id();
        var plan = (await studio.CreatedAsync("/api/v1/membership-plans", new { name = "Unlimited", allowancePeriod = "unlimited" })).Id();
        var created = new[]
        {
            await studio.PostAsync($"/api/v1/customers/{amy}/packs", new { productId = product }),
            await studio.PostAsync($"/api/v1/customers/{amy}/memberships", new { planId = plan }),
            await studio.PostAsync($"/api/v1/customers/{amy}/notes", new { content = "Prefers the back row" }),
            await studio.PostAsync($"/api/v1/customers/{amy}/access-tokens", new { label = "phone" }),
        };

        var answers = new List<string>();
        foreach (var response in created)
        {
            await response.ShouldBe(HttpStatusCode.Created);
            var location = response.Headers.Location!.ToString();
            answers.Add($"{location} {(int)(await studio.GetAsync(location)).StatusCode}");
        }
        answers.Should().OnlyContain(a => a.EndsWith(" 200"), string.Join("; ", answers));
    }
}
