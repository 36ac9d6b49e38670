using System.Net;
using System.Text.Json;
using UnifiedCustomers.Api.Tests.Support;
using UnifiedCustomers.Testing;

namespace UnifiedCustomers.Api.Tests.Events;

/// <summary>The API with its publisher and delivery worker running, polling fast, with a short timeout.</summary>
public class WebhookHost : ApiFactory
{
    public WebhookHost() { }

    /// <summary>A second replica over the same database.</summary>
    protected WebhookHost(TestDatabase database) : base(database, ownsDatabase: false) { }

    public static WebhookHost Replica(TestDatabase database) => new(database);

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    public const int BatchSize = 4;
    /// <summary>(timeout + 2 s) × batch size: when a dead worker's claim runs out.</summary>
    public static readonly TimeSpan Lease = (Timeout + TimeSpan.FromSeconds(2)) * BatchSize;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Events:PublisherEnabled"] = "true",
        ["Events:PollInterval"] = "00:00:00.050",
        ["Webhooks:WorkerEnabled"] = "true",
        ["Webhooks:PollInterval"] = "00:00:00.050",
        ["Webhooks:Timeout"] = "00:00:02",
        ["Webhooks:BatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public static class Webhooks
{
    public static async Task<(Guid Id, string Secret)> SubscribeAsync(this TestStudio studio, string url, params string[] eventTypes)
    {
        var created = await studio.CreatedAsync("/api/v1/webhook-subscriptions", new { url, eventTypes, description = "test receiver" });
        return (created.GetProperty("subscription").Id(), created.Str("secret")!);
    }

    public static async Task<List<JsonElement>> DeliveriesAsync(this TestStudio studio, Guid subscription)
    {
        var response = await studio.GetAsync($"/api/v1/webhook-subscriptions/{subscription}/deliveries?pageSize=100");
        await response.ShouldBe(HttpStatusCode.OK);
        return (await response.JsonAsync()).GetProperty("items").EnumerateArray().ToList();
    }

    /// <summary>Polls the deliveries until they satisfy the condition (the worker runs in the background).</summary>
    public static async Task<List<JsonElement>> DeliveriesWhenAsync(this TestStudio studio, Guid subscription, Func<List<JsonElement>, bool> condition, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var deliveries = await studio.DeliveriesAsync(subscription);
            if (condition(deliveries)) return deliveries;
            if (DateTime.UtcNow > until) throw new TimeoutException("Deliveries never got there: " + string.Join("\n", deliveries));
            await Task.Delay(50);
        }
    }
}
