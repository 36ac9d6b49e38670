using System.Net;
using Microsoft.Extensions.DependencyInjection;
using UnifiedCustomers.Api.Tests.Support;
using UnifiedCustomers.Application.Events.PruneEvents;

namespace UnifiedCustomers.Api.Tests.Events;

public sealed class RetentionAndDeltaSyncTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Pruning_RemovesEventsOlderThan30Days_WithTheirDeliveries_AndPositionsKeepGrowing()
    {
        var studio = await api.StudioAsync();
        await studio.SubscribeAsync("http://127.0.0.1:9/never-called");
        await studio.CustomerAsync("Old", "Timer");
        await api.PublishAsync();
        var (old, cursor) = await studio.ReadAllAsync();
        old.Should().ContainSingle();
        (await Rows.CountAsync(api.Database))["webhook_deliveries"].Should().BeGreaterThan(0);

        api.Clock.Advance(TimeSpan.FromDays(29));
        (await PruneAsync()).Events.Should().Be(0, "29 days is inside the retention period");
        api.Clock.Advance(TimeSpan.FromDays(2));
        var recent = await studio.CustomerAsync("New", "Comer");
        await api.PublishAsync();
        var pruned = await PruneAsync();

        pruned.Events.Should().BeGreaterThanOrEqualTo(1);
        pruned.Deliveries.Should().BeGreaterThanOrEqualTo(1);
        var (kept, _) = await studio.ReadAllAsync();
        kept.Select(e => e.GetProperty("data").Id()).Should().Equal(recent);
        (await studio.ReadAllAsync(cursor)).Events.Should().ContainSingle("a cursor from before the pruning still reads on");
        (await Rows.CountAsync(api.Database))["webhook_deliveries"].Should().Be(1);
    }

    [Fact]
    public async Task UpdatedSince_ListsCustomersAndBookingsChangedSinceThen_ArchivedOnesIncluded()
    {
        var studio = await api.StudioAsync();
        var classType = await studio.ClassTypeAsync("Pilates");
        var session = await studio.SessionAsync(classType, TimeSpan.FromDays(1));
        var untouched = await studio.CustomerAsync("Un", "Touched");
        var changed = await studio.CustomerAsync("Will", "Change");
        var archived = await studio.CustomerAsync("Will", "Leave");
        var oldBooking = await studio.BookingAsync(untouched, session);
        var cancelled = await studio.BookingAsync(changed, session);
        api.Clock.Advance(TimeSpan.FromMinutes(5));
        var since = api.Clock.GetUtcNow();
        var databaseSince = DateTimeOffset.UtcNow;
        await Task.Delay(50);

        await (await studio.PutAsync($"/api/v1/customers/{changed}", new { firstName = "Will", lastName = "Changed", email = (string?)null, phone = (string?)null })).ShouldBe(HttpStatusCode.OK);
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        await (await studio.PostAsync($"/api/v1/customers/{archived}/archive", new { })).ShouldBe(HttpStatusCode.OK);
        await (await studio.PostAsync($"/api/v1/bookings/{cancelled}/cancel", new { by = "staff" })).ShouldBe(HttpStatusCode.OK);

        var customers = await (await studio.GetAsync($"/api/v1/customers?updatedSince={Uri.EscapeDataString(since.ToString("O"))}")).JsonAsync();
        customers.GetProperty("items").EnumerateArray().Select(c => c.Id()).Should().Equal(changed, archived);
        var bookings = await (await studio.GetAsync($"/api/v1/bookings?updatedSince={Uri.EscapeDataString(databaseSince.ToString("O"))}")).JsonAsync();
        bookings.GetProperty("items").EnumerateArray().Select(b => b.Id()).Should().Equal(cancelled);
        bookings.GetProperty("items")[0].Str("status").Should().Be("cancelled");
        var everything = await (await studio.GetAsync($"/api/v1/bookings?updatedSince={Uri.EscapeDataString(databaseSince.AddHours(-1).ToString("O"))}")).JsonAsync();
        everything.GetProperty("items").EnumerateArray().Select(b => b.Id()).Should().BeEquivalentTo([oldBooking, cancelled]);

        await (await studio.GetAsync("/api/v1/bookings")).ShouldBeProblem(HttpStatusCode.BadRequest, "request.malformed");
        await (await studio.GetAsync("/api/v1/bookings?updatedSince=yesterday")).ShouldBeProblem(HttpStatusCode.BadRequest, "request.malformed");
    }

    private async Task<PruneResult> PruneAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EventRetention>().PruneAsync(CancellationToken.None);
    }
}
