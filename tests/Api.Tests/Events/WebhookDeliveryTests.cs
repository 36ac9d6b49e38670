using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Npgsql;
using StandardWebhooks;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Events;

/// <summary>Deliveries to a real receiver (Kestrel on loopback): signed, retried, logged, redelivered, disabled when failing for too long.</summary>
public sealed class WebhookDeliveryTests(WebhookHost api) : IClassFixture<WebhookHost>, IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task EveryDelivery_IsSignedPerStandardWebhooks_WithTheSecretShownAtCreation_AndCarriesTheFeedsEnvelope()
    {
        var studio = await api.StudioAsync();
        var (subscription, secret) = await studio.SubscribeAsync(_receiver.Url, "customer.created");
        secret.Should().StartWith("whsec_");
        var customer = await studio.CustomerAsync("Sig", "Nature");
        await studio.ClassTypeAsync("Not subscribed");

        await _receiver.WaitForAsync(1);
        var received = _receiver.Received.Single();
        var verified = () => new StandardWebhook(secret).Verify(received.Body, received.Headers);
        verified.Should().NotThrow();
        var forged = () => new StandardWebhook("whsec_" + Convert.ToBase64String(new byte[32])).Verify(received.Body, received.Headers);
        forged.Should().Throw<Exception>();

        var (feed, _) = await studio.ReadAllAsync(types: "customer.created");
        var body = JsonDocument.Parse(received.Body).RootElement;
        received.Id.Should().Be(feed.Single().Str("id"));
        body.Str("id").Should().Be(received.Id);
        body.Str("type").Should().Be("customer.created");
        body.GetProperty("data").Id().Should().Be(customer);
        JsonNode.DeepEquals(JsonNode.Parse(body.GetProperty("data").GetRawText()), JsonNode.Parse(feed.Single().GetProperty("data").GetRawText())).Should().BeTrue();
        received.Body.Should().StartWith("{\"id\":", "the envelope's fields come in the documented order");

        // The secret is never shown again.
        var shown = await (await studio.GetAsync($"/api/v1/webhook-subscriptions/{subscription}")).Content.ReadAsStringAsync();
        shown.Should().NotContain(secret).And.NotContain("secret");
        var deliveries = await studio.DeliveriesWhenAsync(subscription, d => d.Count == 1 && d[0].Str("status") == "succeeded");
        deliveries.Single().GetProperty("attemptLog").EnumerateArray().Single().Str("outcome").Should().Be("succeeded");
    }

    [Fact]
    public async Task AfterRotation_DeliveriesCarryBothSignatures_SoTheOldAndTheNewSecretVerify()
    {
        var studio = await api.StudioAsync();
        var (subscription, oldSecret) = await studio.SubscribeAsync(_receiver.Url);
        var rotated = await (await studio.PostAsync($"/api/v1/webhook-subscriptions/{subscription}/rotate-secret", null)).JsonAsync();
        var newSecret = rotated.Str("secret")!;
        newSecret.Should().StartWith("whsec_").And.NotBe(oldSecret);
        rotated.GetProperty("previousSecretExpiresAt").GetDateTimeOffset().Should().Be(api.Clock.GetUtcNow().AddHours(24));

        await studio.CustomerAsync("Rot", "Ation");
        await _receiver.WaitForAsync(1);
        var received = _receiver.Received.Single();
        received.Signature.Split(' ').Should().HaveCount(2).And.OnlyContain(s => s.StartsWith("v1,"));
        // The specification lets a receiver accept any of the signatures; the StandardWebhooks package (1.1.2) checks only
        // the first, so each is checked on its own here (docs/events.md tells receivers using that package to do the same).
        var signatures = received.Signature.Split(' ');
        new StandardWebhook(newSecret).Verify(received.Body, WithSignature(received, signatures[0]));
        new StandardWebhook(oldSecret).Verify(received.Body, WithSignature(received, signatures[1]));
        var crossed = () => new StandardWebhook(oldSecret).Verify(received.Body, WithSignature(received, signatures[0]));
        crossed.Should().Throw<Exception>();
    }

    [Fact]
    public async Task AFailingReceiver_IsRetriedWithBackoff_UntilItRecovers_AndEveryAttemptIsLogged()
    {
        _receiver.Respond = n => n <= 2 ? 500 : 204;
        var studio = await api.StudioAsync();
        var (subscription, _) = await studio.SubscribeAsync(_receiver.Url, "customer.created");
        await studio.CustomerAsync("Re", "Try");

        await studio.DeliveriesWhenAsync(subscription, d => d.Count == 1 && d[0].GetProperty("attempts").GetInt32() == 1);
        var pending = (await studio.DeliveriesAsync(subscription)).Single();
        pending.Str("status").Should().Be("pending");
        var wait = pending.GetProperty("nextAttemptAt").GetDateTimeOffset() - api.Clock.GetUtcNow();
        wait.Should().BeCloseTo(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1), "the first retry comes after 5 s ± 20%");
        _receiver.Count.Should().Be(1, "nothing is retried before it is due");

        api.Clock.Advance(TimeSpan.FromSeconds(6));
        await studio.DeliveriesWhenAsync(subscription, d => d[0].GetProperty("attempts").GetInt32() == 2);
        var second = (await studio.DeliveriesAsync(subscription)).Single();
        (second.GetProperty("nextAttemptAt").GetDateTimeOffset() - api.Clock.GetUtcNow()).Should().BeCloseTo(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(3), "then 15 s: times 3");
        api.Clock.Advance(TimeSpan.FromSeconds(20));
        var done = (await studio.DeliveriesWhenAsync(subscription, d => d[0].Str("status") == "succeeded")).Single();

        done.GetProperty("attempts").GetInt32().Should().Be(3);
        var log = done.GetProperty("attemptLog").EnumerateArray().ToList();
        log.Select(a => a.Str("outcome")).Should().Equal("http_error", "http_error", "succeeded");
        log.Select(a => a.GetProperty("responseStatus").GetInt32()).Should().Equal(500, 500, 204);
        log[0].Str("responseExcerpt").Should().Be("answer 1: 500");
        _receiver.Received.Select(r => r.Id).Distinct().Should().ContainSingle("every attempt carries the event's id");
        var healthy = await (await studio.GetAsync($"/api/v1/webhook-subscriptions/{subscription}")).JsonAsync();
        healthy.GetProperty("failingSince").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task DeliveryAttempts_AreCountedByResult_AndASuccessRecordsItsLag()
    {
        using var metrics = new WebhookMetrics();
        _receiver.Respond = n => n == 1 ? 500 : 204;
        var studio = await api.StudioAsync();
        var (subscription, _) = await studio.SubscribeAsync(_receiver.Url, "customer.created");
        await studio.CustomerAsync("Me", "Tric");

        await studio.DeliveriesWhenAsync(subscription, d => d.Count == 1 && d[0].GetProperty("attempts").GetInt32() == 1);
        api.Clock.Advance(TimeSpan.FromSeconds(6));
        await studio.DeliveriesWhenAsync(subscription, d => d[0].Str("status") == "succeeded");

        // Counted just after the attempt's transaction commits (process-wide, so other tests may add to them).
        for (var waited = 0; (metrics.Attempts("succeeded") < 1 || metrics.LagRecords < 1) && waited < 100; waited++) await Task.Delay(50);
        metrics.Attempts("http_error").Should().BeGreaterThanOrEqualTo(1);
        metrics.Attempts("succeeded").Should().BeGreaterThanOrEqualTo(1);
        metrics.LagRecords.Should().BeGreaterThanOrEqualTo(1);
        metrics.PublishedEvents.Should().BeGreaterThanOrEqualTo(1);
    }

    private sealed class WebhookMetrics : IDisposable
    {
        private readonly System.Diagnostics.Metrics.MeterListener _listener = new();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _counts = new();

        public WebhookMetrics()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == Application.Common.Telemetry.AppTelemetry.MeterName
                    && instrument.Name is "uc.webhooks.deliveries" or "uc.webhooks.delivery_lag" or "uc.events.published")
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                var outcome = "";
                foreach (var tag in tags) if (tag.Key == "uc.outcome") outcome = tag.Value as string ?? "";
                _counts.AddOrUpdate($"{instrument.Name}/{outcome}", value, (_, sum) => sum + value);
            });
            _listener.SetMeasurementEventCallback<double>((instrument, _, _, _) => _counts.AddOrUpdate(instrument.Name, 1, (_, n) => n + 1));
            _listener.Start();
        }

        public long Attempts(string outcome) => _counts.GetValueOrDefault($"uc.webhooks.deliveries/{outcome}");
        public long LagRecords => _counts.GetValueOrDefault("uc.webhooks.delivery_lag");
        public long PublishedEvents => _counts.GetValueOrDefault("uc.events.published/");

        public void Dispose() => _listener.Dispose();
    }

    [Fact]
    public async Task ADeliveryFailingFor24Hours_Fails_ThenARedeliveryGoesOutWithTheSameId()
    {
        _receiver.Respond = _ => 503;
        var studio = await api.StudioAsync();
        var (subscription, _) = await studio.SubscribeAsync(_receiver.Url, "customer.created");
        await studio.CustomerAsync("Give", "Up");
        await studio.DeliveriesWhenAsync(subscription, d => d.Count == 1 && d[0].GetProperty("attempts").GetInt32() == 1);

        api.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var failed = (await studio.DeliveriesWhenAsync(subscription, d => d[0].Str("status") == "failed")).Single();
        failed.GetProperty("nextAttemptAt").ValueKind.Should().Be(JsonValueKind.Null);

        _receiver.Respond = _ => 200;
        var redelivered = await studio.PostAsync($"/api/v1/webhook-subscriptions/{subscription}/deliveries/{failed.Id()}/redeliver", null);
        await redelivered.ShouldBe(HttpStatusCode.OK);
        (await redelivered.JsonAsync()).Str("status").Should().Be("pending");
        var done = (await studio.DeliveriesWhenAsync(subscription, d => d[0].Str("status") == "succeeded")).Single();
        done.GetProperty("attempts").GetInt32().Should().Be(3);
        _receiver.Received.Select(r => r.Id).Distinct().Should().ContainSingle();

        await (await studio.PostAsync($"/api/v1/webhook-subscriptions/{subscription}/deliveries/{Guid.NewGuid()}/redeliver", null))
            .ShouldBeProblem(HttpStatusCode.NotFound, "webhook.delivery_not_found");
    }

    [Fact]
    public async Task ASubscriptionFailingForFiveDays_IsDisabled_AndTheFeedSaysSo()
    {
        _receiver.Respond = _ => 500;
        var studio = await api.StudioAsync();
        var (subscription, _) = await studio.SubscribeAsync(_receiver.Url, "customer.created");
        await studio.CustomerAsync("Fail", "One");
        await studio.DeliveriesWhenAsync(subscription, d => d.Count == 1 && d[0].GetProperty("attempts").GetInt32() >= 1);
        (await (await studio.GetAsync($"/api/v1/webhook-subscriptions/{subscription}")).JsonAsync()).GetProperty("enabled").GetBoolean().Should().BeTrue();

        api.Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1));
        await studio.CustomerAsync("Fail", "Two");
        var until = DateTime.UtcNow.AddSeconds(30);
        JsonElement shown;
        while (!(shown = await (await studio.GetAsync($"/api/v1/webhook-subscriptions/{subscription}")).JsonAsync()).GetProperty("enabled").GetBoolean() is false)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException(shown.ToString());
            await Task.Delay(50);
        }
        shown.Str("disabledReason").Should().StartWith("every delivery failed since");

        await Task.Delay(300);
        var disabled = (await studio.ReadAllAsync(types: "webhook_subscription.disabled")).Events.Single();
        disabled.GetProperty("data").Id().Should().Be(subscription);
        disabled.GetProperty("data").Str("url").Should().Be(_receiver.Url);

        // Nothing more goes to a disabled subscription; re-enabling resumes.
        var before = _receiver.Count;
        await studio.CustomerAsync("Fail", "Three");
        await Task.Delay(500);
        _receiver.Count.Should().Be(before);
        var enabled = await studio.SendAsync(HttpMethod.Patch, $"/api/v1/webhook-subscriptions/{subscription}", new { enabled = true });
        (await enabled.JsonAsync()).GetProperty("failingSince").ValueKind.Should().Be(JsonValueKind.Null);
    }

    private static HeaderDictionary WithSignature(ReceivedWebhook received, string signature) => new()
    {
        ["webhook-id"] = received.Id,
        ["webhook-timestamp"] = received.Timestamp,
        ["webhook-signature"] = signature,
    };
}
