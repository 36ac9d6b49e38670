using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Events;

/// <summary>
/// A receiver that speaks raw HTTP/1.1 so it can misbehave in ways Kestrel will not: here, every answer
/// announces a body longer than the one it sends, then the connection closes.
/// </summary>
internal sealed class TruncatingReceiver : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private int _requests;

    public TruncatingReceiver(int status)
    {
        _listener.Start();
        _ = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
                catch { return; }
                _ = Task.Run(async () =>
                {
                    using (client)
                    {
                        var stream = client.GetStream();
                        var buffer = new byte[65536];
                        var seen = new StringBuilder();
                        // Read the request head and its (Content-Length) body.
                        while (true)
                        {
                            var n = await stream.ReadAsync(buffer);
                            if (n == 0) return;
                            seen.Append(Encoding.ASCII.GetString(buffer, 0, n));
                            var text = seen.ToString();
                            var head = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                            if (head < 0) continue;
                            var length = text[..head].Split("\r\n").Select(h => h.Split(':', 2))
                                .Where(h => h.Length == 2 && h[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                                .Select(h => int.Parse(h[1].Trim())).FirstOrDefault();
                            if (Encoding.ASCII.GetByteCount(text) - head - 4 >= length) break;
                        }
                        Interlocked.Increment(ref _requests);
                        var answer = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\nConnection: close\r\n\r\nok");
                        await stream.WriteAsync(answer);
                        await stream.FlushAsync();
                    }
                });
            }
        });
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/hook";

    public int Count => Volatile.Read(ref _requests);

    public async Task WaitForAsync(int count, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (Count < count)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"The receiver got {Count} requests, expected {count}.");
            await Task.Delay(20);
        }
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Deliveries against misbehaving receivers (publisher and worker running).</summary>
public sealed class MisbehavingReceiverTests(WebhookHost api) : IClassFixture<WebhookHost>
{
    [Fact]
    public async Task AReceiverWhoseAnswerIsCutShort_GetsEachAttemptLogged_AsANetworkError()
    {
        await using var receiver = new TruncatingReceiver(status: 200);
        var studio = await api.StudioAsync();
        var (subscription, _) = await studio.SubscribeAsync(receiver.Url, "customer.created");
        await studio.CustomerAsync("Cut", "Short");

        await receiver.WaitForAsync(1);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var afterFirstPost = (await studio.DeliveriesAsync(subscription)).Single();

        // The claim runs out and the same delivery is posted again: still no attempt in the log.
        api.Clock.Advance(WebhookHost.Lease + TimeSpan.FromSeconds(1));
        await receiver.WaitForAsync(2);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var afterSecondPost = (await studio.DeliveriesAsync(subscription)).Single();

        // docs/events.md: every attempt is in the delivery log, and a failed one is retried with backoff for 24 h, then
        // `failed`. Two POSTs went out (the second after the backoff, not after a lost claim); two attempts are logged.
        (afterFirstPost.GetProperty("attempts").GetInt32(), afterSecondPost.GetProperty("attempts").GetInt32(),
                afterSecondPost.GetProperty("attemptLog").GetArrayLength())
            .Should().Be((1, 2, 2), $"the receiver got {receiver.Count} POSTs; the delivery shows {afterSecondPost}");
        afterSecondPost.GetProperty("attemptLog").EnumerateArray().Select(a => a.Str("outcome")).Should().AllBe("network_error");
        afterSecondPost.Str("status").Should().Be("pending");
    }
}

/// <summary>The production URL rules (https, public addresses only).</summary>
public sealed class MovedHostTests(StrictWebhookHost api) : IClassFixture<StrictWebhookHost>
{
    [Fact]
    public async Task TurningOff_ASubscriptionWhoseHostNowResolvesToAPrivateAddress_IsAllowed()
    {
        var studio = await api.StudioAsync();
        // As if the host was public when subscribed and now points at loopback (planted: DNS cannot be driven here).
        var subscription = Guid.NewGuid();
        await using (var connection = new NpgsqlConnection(api.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO webhook_subscriptions (id, organization_id, url, event_types, enabled, secret, created_at, updated_at)
                VALUES ($1, $2, 'https://localhost/hook', '{}', true, 'whsec_' || encode(sha256(random()::text::bytea), 'base64'), now(), now())
                """, connection)
            {
                Parameters = { new() { Value = subscription }, new() { Value = studio.Id } },
            };
            await insert.ExecuteNonQueryAsync();
        }

        // A merge patch that changes only the switch (docs/events.md: "only the fields given").
        var disabled = await studio.PatchAsync($"/api/v1/webhook-subscriptions/{subscription}", """{"enabled":false}""");
        var described = await studio.PatchAsync($"/api/v1/webhook-subscriptions/{subscription}", """{"description":"paused: host moved"}""");

        ((int)disabled.StatusCode, (int)described.StatusCode).Should().Be((200, 200),
            "the URL is not being saved, so it is not re-checked: " + await disabled.Content.ReadAsStringAsync());
        var stored = await (await studio.GetAsync($"/api/v1/webhook-subscriptions/{subscription}")).JsonAsync();
        (stored.GetProperty("enabled").GetBoolean(), stored.Str("description")).Should().Be((false, "paused: host moved"));

        // Switching it back on checks the URL again.
        var enabled = await studio.PatchAsync($"/api/v1/webhook-subscriptions/{subscription}", """{"enabled":true}""");
        await enabled.ShouldBeProblem(HttpStatusCode.BadRequest, "webhook.url_not_public");
        (await (await studio.GetAsync($"/api/v1/webhook-subscriptions/{subscription}")).JsonAsync()).GetProperty("enabled").GetBoolean().Should().BeFalse();
    }
}

/// <summary>Events and subscriptions with the background workers off (the test publishes by hand).</summary>
public sealed class SubscriptionAndEventEdgeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task DeletingASubscription_WhileAnEventForItIsBeingPublished_IsNotA500()
    {
        var studio = await api.StudioAsync();
        var (subscription, _) = await studio.SubscribeAsync("http://127.0.0.1:9/hook", "customer.created");
        await studio.CustomerAsync("Race", "Delete");

        // The publisher's pass (as EventPublisher runs it) is in flight: it has created the delivery, not yet committed.
        await using var publisher = new NpgsqlConnection(api.Database.ConnectionString);
        await publisher.OpenAsync();
        await using var pass = await publisher.BeginTransactionAsync();
        await using (var publish = new NpgsqlCommand("SELECT publish_events(now(), 1000)", publisher, pass))
            ((int)(await publish.ExecuteScalarAsync())!).Should().BeGreaterThan(0);

        var deleting = studio.SendAsync(HttpMethod.Delete, $"/api/v1/webhook-subscriptions/{subscription}", null);
        await Task.Delay(1000);
        await pass.CommitAsync();
        var deleted = await deleting;

        ((int)deleted.StatusCode).Should().Be(204, await deleted.Content.ReadAsStringAsync());
        (await studio.GetAsync($"/api/v1/webhook-subscriptions/{subscription}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheErasureEvent_CarriesTheCustomerAsGetShowsIt_IncludingErasedAt()
    {
        var studio = await api.StudioAsync();
        var customer = await studio.CustomerAsync("Erin", "Erase", "erin@example.test");
        await api.PublishAsync();
        var (_, cursor) = await studio.ReadAllAsync();

        await (await studio.PostAsync($"/api/v1/customers/{customer}/erase", null)).ShouldBe(HttpStatusCode.OK);
        await api.PublishAsync();
        var (events, _) = await studio.ReadAllAsync(cursor);
        var shown = await (await studio.GetAsync($"/api/v1/customers/{customer}")).JsonAsync();
        shown.GetProperty("erasedAt").ValueKind.Should().Be(JsonValueKind.String, "GET shows when the customer was erased");

        // docs/events.md: customer.updated is raised by POST /customers/{id}/erase, with data "CustomerResponse: the customer as GET /customers/{id} shows it".
        var updated = events.Single(e => e.Str("type") == "customer.updated").GetProperty("data");
        updated.Id().Should().Be(customer);
        updated.GetProperty("erasedAt").GetRawText().Should().Be(shown.GetProperty("erasedAt").GetRawText());
    }

    [Fact]
    public async Task ChangingASessionsSeatsInstructorOrLocation_IsOneSessionUpdated_AndNoChangeIsNone()
    {
        var studio = await api.StudioAsync();
        var classType = await studio.ClassTypeAsync("Pilates");
        var session = await studio.SessionAsync(classType, TimeSpan.FromDays(3), capacity: 10);
        var instructor = await studio.InstructorAsync("Ines");
        var location = (await studio.CreatedAsync("/api/v1/locations", new { name = "Studio B" })).Id();
        await api.PublishAsync();
        var (_, cursor) = await studio.ReadAllAsync();

        await (await studio.PatchAsync($"/api/v1/sessions/{session}", new { capacity = 20, instructorId = instructor, locationId = location })).ShouldBe(HttpStatusCode.OK);
        await api.PublishAsync();
        var (changed, next) = await studio.ReadAllAsync(cursor);
        await (await studio.PatchAsync($"/api/v1/sessions/{session}", new { capacity = 20, instructorId = instructor })).ShouldBe(HttpStatusCode.OK);
        await api.PublishAsync();
        var (unchanged, _) = await studio.ReadAllAsync(next);

        // docs/events.md: "Everything that changes ... a session ... is published as an event".
        var data = changed.Should().ContainSingle().Which;
        data.Str("type").Should().Be("session.updated");
        (data.GetProperty("data").Id(), data.GetProperty("data").GetProperty("capacity").GetInt32(),
                data.GetProperty("data").GetProperty("instructorId").GetGuid(), data.GetProperty("data").GetProperty("locationId").GetGuid())
            .Should().Be((session, 20, instructor, location));
        unchanged.Should().BeEmpty("nothing changed");
    }

    [Fact]
    public async Task APublisherPass_WaitingOnASubscriptionBeingDeleted_SkipsIt_AndStillNumbersTheEvents()
    {
        var studio = await api.StudioAsync();
        var (subscription, _) = await studio.SubscribeAsync("http://127.0.0.1:9/hook", "customer.created");
        var (kept, _) = await studio.SubscribeAsync("http://127.0.0.1:9/kept", "customer.created");
        var customer = await studio.CustomerAsync("Race", "Publisher");

        // A delete in flight (as DeleteWebhookSubscription runs it): the row locked, its deliveries and then itself deleted.
        await using var deleter = new NpgsqlConnection(api.Database.ConnectionString);
        await deleter.OpenAsync();
        await using var deleting = await deleter.BeginTransactionAsync();
        foreach (var sql in new[]
        {
            "SELECT id FROM webhook_subscriptions WHERE id = $1 FOR UPDATE",
            "DELETE FROM webhook_deliveries WHERE subscription_id = $1",
            "DELETE FROM webhook_subscriptions WHERE id = $1",
        })
        {
            await using var command = new NpgsqlCommand(sql, deleter, deleting) { Parameters = { new() { Value = subscription } } };
            await command.ExecuteNonQueryAsync();
        }

        var publishing = api.PublishAsync();
        await Task.Delay(1000);
        publishing.IsCompleted.Should().BeFalse("the publisher waits for the subscription's lock");
        await deleting.CommitAsync();
        (await publishing).Should().BeGreaterThan(0);

        await using var db = api.OwnerDbContext();
        (await db.WebhookDeliveries.Where(d => d.OrganizationId == studio.Id).Select(d => d.SubscriptionId).ToListAsync()).Should().Equal(kept);
        var (events, _) = await studio.ReadAllAsync();
        events.Select(e => e.GetProperty("data").Id()).Should().Contain(customer);
    }
}
