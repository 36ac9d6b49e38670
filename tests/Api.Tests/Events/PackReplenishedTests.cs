using System.Net;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Events;

/// <summary>pack.replenished says a pack pays again: it is published only for a pack that can.</summary>
public sealed class PackReplenishedTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ACreditGivenBackToAnExpiredPack_PublishesNoPackReplenished()
    {
        var studio = await api.StudioAsync();
        var yoga = await studio.ClassTypeAsync();
        var customer = await studio.CustomerAsync("Pia", "Pack", "pia.pack@example.com");
        var product = (await studio.CreatedAsync("/api/v1/pack-products", new { name = "Two-day pass", credits = 1, validityDays = 2 })).Id();
        var pack = (await studio.CreatedAsync($"/api/v1/customers/{customer}/packs", new { productId = product })).Id();
        var session = await studio.SessionAsync(yoga, TimeSpan.FromDays(1));
        var booking = await studio.BookingAsync(customer, session);
        await (await studio.PatchAsync($"/api/v1/sessions/{session}", new { startsAt = api.Clock.GetUtcNow().AddDays(10) })).ShouldBe(HttpStatusCode.OK);

        api.Clock.Advance(TimeSpan.FromDays(3)); // the pack expired a day ago; the class is a week away
        await (await studio.PostAsync($"/api/v1/bookings/{booking}/cancel", new { })).ShouldBe(HttpStatusCode.OK);

        await using var db = api.OwnerDbContext();
        var refunded = await db.ClassPacks.AsNoTracking().SingleAsync(p => p.Id == pack);
        (refunded.CreditsRemaining, refunded.IsExpired(api.Clock.GetUtcNow())).Should().Be((1, true), "the credit came back to an expired pack (arrangement)");
        (await db.Events.AsNoTracking().CountAsync(e => e.OrganizationId == studio.Id && e.Type == "pack.replenished")).Should().Be(0,
            "pack.replenished says the pack pays again; an expired pack does not (pack.expired)");
    }
}
