using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using UnifiedCustomers.Api.Tests.Support;
using UnifiedCustomers.Infrastructure.Events;

namespace UnifiedCustomers.Api.Tests.Events;

/// <summary>Helpers over the feed: publish what has committed (the sequencer, called directly) and read it all.</summary>
public static class EventsApi
{
    public static async Task<int> PublishAsync(this ApiFactory api)
    {
        var total = 0;
        int numbered;
        while ((numbered = await api.Services.GetRequiredService<EventPublisher>().PublishAsync(CancellationToken.None)) > 0) total += numbered;
        return total;
    }

    public static async Task<JsonElement> PageAsync(this TestStudio studio, string query)
    {
        var response = await studio.GetAsync("/api/v1/events" + query);
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.JsonAsync();
    }

    /// <summary>Every event after the cursor, a page at a time, and the last cursor.</summary>
    public static async Task<(List<JsonElement> Events, string Next)> ReadAllAsync(this TestStudio studio, string after = "", string types = "", int limit = 100)
    {
        var events = new List<JsonElement>();
        while (true)
        {
            var page = await studio.PageAsync($"?after={after}&types={types}&limit={limit}");
            events.AddRange(page.GetProperty("items").EnumerateArray());
            after = page.GetProperty("next").GetString()!;
            if (!page.GetProperty("hasMore").GetBoolean()) return (events, after);
        }
    }
}
