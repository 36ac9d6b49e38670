using System.Net;
using Npgsql;
using UnifiedCustomers.Api.Tests.Support;
using UnifiedCustomers.Testing;

namespace UnifiedCustomers.Api.Tests.Events;

/// <summary>Two API processes (replicas) over one database, each with its delivery worker, delivering to a real receiver.</summary>
public sealed class WebhookWorkerTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task AWorkerStoppedMidDelivery_LosesNothing_TheEventArrivesAfterTheClaimRunsOut_WithTheSameId()
    {
        _receiver.Delay = n => n == 1 ? TimeSpan.FromSeconds(8) : TimeSpan.Zero;
        var first = WebhookHost.Replica(_database);
        var studio = await first.StudioAsync();
        var (subscription, _) = await studio.SubscribeAsync(_receiver.Url, "customer.created");
        await studio.CustomerAsync("Mid", "Flight");
        await _receiver.WaitForAsync(1);

        // Gone mid-post, as a killed process leaves it: the delivery claimed, no attempt recorded.
        await first.DisposeAsync();
        var claimed = await DeliveryRowAsync(subscription);
        (claimed.Attempts, claimed.Leased, claimed.Status).Should().Be((0, true, "pending"));

        await using var second = WebhookHost.Replica(_database);
        var again = second.ClientWithKey(studio.ApiKey);
        second.Clock.Advance(WebhookHost.Lease - TimeSpan.FromSeconds(1));
        await Task.Delay(500);
        _receiver.Count.Should().Be(1, "the claim still holds");
        second.Clock.Advance(TimeSpan.FromSeconds(2));
        await _receiver.WaitForAsync(2);

        _receiver.Received.Select(r => r.Id).Distinct().Should().ContainSingle("the redelivery has the same webhook-id");
        var until = DateTime.UtcNow.AddSeconds(10);
        while ((await DeliveryRowAsync(subscription)).Status != "succeeded" && DateTime.UtcNow < until) await Task.Delay(50);
        var done = await DeliveryRowAsync(subscription);
        (done.Attempts, done.Status).Should().Be((1, "succeeded"));
        (await again.GetAsync("/api/v1/events")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TwoWorkers_NeverDeliverTheSameEventAtTheSameTime_AndEachEventArrivesOnce()
    {
        _receiver.Delay = _ => TimeSpan.FromMilliseconds(100);
        await using var first = WebhookHost.Replica(_database);
        await using var second = WebhookHost.Replica(_database);
        var studio = await first.StudioAsync();
        _ = second.Services;
        var (subscription, _) = await studio.SubscribeAsync(_receiver.Url, "customer.created");
        const int count = 24;
        for (var i = 0; i < count; i++) await studio.CustomerAsync("Twin", $"Worker {i}");

        await _receiver.WaitForAsync(count);
        await Task.Delay(1000);
        _receiver.Count.Should().Be(count, "nothing arrives twice when nothing failed");
        _receiver.Received.Select(r => r.Id).Distinct().Should().HaveCount(count);
        _receiver.MaxInFlightPerId.Should().Be(1);
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var attempts = new NpgsqlCommand("SELECT count(*) FROM webhook_delivery_attempts", connection);
        ((long)(await attempts.ExecuteScalarAsync())!).Should().Be(count);
    }

    private async Task<(int Attempts, bool Leased, string Status)> DeliveryRowAsync(Guid subscription)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT attempts, lease_id IS NOT NULL, status FROM webhook_deliveries WHERE subscription_id = $1", connection)
        {
            Parameters = { new() { Value = subscription } },
        };
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue();
        return (reader.GetInt32(0), reader.GetBoolean(1), reader.GetString(2));
    }
}
