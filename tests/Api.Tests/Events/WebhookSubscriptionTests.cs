using System.Net;
using System.Text.Json;
using Npgsql;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Events;

/// <summary>The production URL rules: https only, and no loopback, private, link-local or other non-public address.</summary>
public sealed class StrictWebhookHost : WebhookHost
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Webhooks:AllowPrivateAddresses"] = "false",
        ["Webhooks:RequireHttps"] = "true",
    };
}

public sealed class WebhookSubscriptionTests(StrictWebhookHost api) : IClassFixture<StrictWebhookHost>
{
    [Theory]
    [InlineData("https://127.0.0.1/hook", "webhook.url_not_public")]
    [InlineData("https://127.8.9.10:8443/hook", "webhook.url_not_public")]
    [InlineData("https://10.0.0.5/hook", "webhook.url_not_public")]
    [InlineData("https://172.16.3.4/hook", "webhook.url_not_public")]
    [InlineData("https://192.168.1.1/hook", "webhook.url_not_public")]
    [InlineData("https://169.254.169.254/latest/meta-data", "webhook.url_not_public")]
    [InlineData("https://100.64.0.1/hook", "webhook.url_not_public")]
    [InlineData("https://0.0.0.0/hook", "webhook.url_not_public")]
    [InlineData("https://[::1]/hook", "webhook.url_not_public")]
    [InlineData("https://[fe80::1]/hook", "webhook.url_not_public")]
    [InlineData("https://[fd00::1]/hook", "webhook.url_not_public")]
    [InlineData("https://[::ffff:127.0.0.1]/hook", "webhook.url_not_public")]
    [InlineData("https://localhost/hook", "webhook.url_not_public")]
    [InlineData("http://93.184.215.14/hook", "webhook.url_not_https")]
    [InlineData("https://nothing-here.invalid/hook", "webhook.url_unresolvable")]
    [InlineData("ftp://93.184.215.14/hook", "webhook.url_invalid")]
    [InlineData("https://user:password@93.184.215.14/hook", "webhook.url_invalid")]
    [InlineData("/relative/hook", "webhook.url_invalid")]
    public async Task ASubscriptionUrl_IntoAPrivateNetwork_OrNotHttps_IsRefused(string url, string code)
    {
        var studio = await api.StudioAsync();
        var problem = await (await studio.PostAsync("/api/v1/webhook-subscriptions", new { url })).ShouldBeProblem(HttpStatusCode.BadRequest, code);
        problem.GetProperty("errors").TryGetProperty("url", out _).Should().BeTrue();
        (await Rows.CountAsync(api.Database))["webhook_subscriptions"].Should().Be(0);
    }

    [Fact]
    public async Task AtDeliveryTime_AHostResolvingToAPrivateAddress_IsRefused_AndNothingIsSent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var studio = await api.StudioAsync();
        // As if the name pointed at a public address when subscribed and at loopback now (DNS rebinding): planted directly.
        var subscription = Guid.NewGuid();
        await using (var connection = new NpgsqlConnection(api.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO webhook_subscriptions (id, organization_id, url, event_types, enabled, secret, created_at, updated_at)
                VALUES ($1, $2, $3, '{}', true, 'whsec_' || encode(sha256(random()::text::bytea), 'base64'), now(), now())
                """, connection)
            {
                Parameters = { new() { Value = subscription }, new() { Value = studio.Id }, new() { Value = receiver.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) } },
            };
            await insert.ExecuteNonQueryAsync();
        }
        await studio.CustomerAsync("Re", "Binding");

        var deliveries = await studio.DeliveriesWhenAsync(subscription, d => d.Count == 1 && d[0].GetProperty("attempts").GetInt32() == 1);
        var attempt = deliveries[0].GetProperty("attemptLog").EnumerateArray().Single();
        attempt.Str("outcome").Should().Be("address_refused");
        attempt.GetProperty("responseStatus").ValueKind.Should().Be(JsonValueKind.Null);
        receiver.Count.Should().Be(0);
    }

    [Fact]
    public async Task Subscriptions_AreCreated_Read_Changed_AndDeleted_WithTheSecretShownOnlyOnce()
    {
        var studio = await api.StudioAsync();
        var created = await studio.PostAsync("/api/v1/webhook-subscriptions", new { url = "https://93.184.215.14/hooks/uc", eventTypes = new[] { "booking.confirmed", "customer.created" }, description = "CRM" });
        await created.ShouldBe(HttpStatusCode.Created);
        var body = await created.JsonAsync();
        var id = body.GetProperty("subscription").Id();
        created.Headers.Location!.ToString().Should().Be($"/api/v1/webhook-subscriptions/{id}");
        body.Str("secret").Should().MatchRegex("^whsec_[A-Za-z0-9+/]{43}=$");
        body.GetProperty("subscription").GetProperty("eventTypes").EnumerateArray().Select(t => t.GetString()).Should().Equal("booking.confirmed", "customer.created");

        var list = await (await studio.GetAsync("/api/v1/webhook-subscriptions")).JsonAsync();
        list.GetProperty("items").EnumerateArray().Single().Id().Should().Be(id);
        list.GetRawText().Should().NotContain("whsec_");

        var patched = await studio.SendAsync(HttpMethod.Patch, $"/api/v1/webhook-subscriptions/{id}", new { eventTypes = Array.Empty<string>(), enabled = false });
        await patched.ShouldBe(HttpStatusCode.OK);
        var changed = await patched.JsonAsync();
        changed.GetProperty("eventTypes").GetArrayLength().Should().Be(0);
        (changed.GetProperty("enabled").GetBoolean(), changed.Str("url"), changed.Str("description")).Should().Be((false, "https://93.184.215.14/hooks/uc", "CRM"));
        changed.Str("disabledReason").Should().Be("disabled by staff");

        await (await studio.SendAsync(HttpMethod.Patch, $"/api/v1/webhook-subscriptions/{id}", new { eventTypes = new[] { "booking.exploded" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "webhook.event_type_unknown");
        await (await studio.SendAsync(HttpMethod.Patch, $"/api/v1/webhook-subscriptions/{id}", new { url = "https://10.0.0.1/x" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "webhook.url_not_public");
        await (await studio.SendAsync(HttpMethod.Patch, $"/api/v1/webhook-subscriptions/{id}", new { description = new string('d', 501) }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "webhook.description_too_long");
        // A JSON Merge Patch like every PATCH (a helper found null read as "left out"): null clears the description and the
        // event types, and is refused for the URL and the switch, naming the field.
        var cleared = await studio.PatchAsync($"/api/v1/webhook-subscriptions/{id}", """{"description":null,"eventTypes":null}""");
        await cleared.ShouldBe(HttpStatusCode.OK);
        var clearedBody = await cleared.JsonAsync();
        (clearedBody.GetProperty("description").ValueKind, clearedBody.GetProperty("eventTypes").GetArrayLength(), clearedBody.Str("url"))
            .Should().Be((System.Text.Json.JsonValueKind.Null, 0, "https://93.184.215.14/hooks/uc"));
        foreach (var field in new[] { "url", "enabled" })
            (await (await studio.PatchAsync($"/api/v1/webhook-subscriptions/{id}", $$"""{"{{field}}":null}"""))
                .ShouldBeProblem(HttpStatusCode.BadRequest, "validation.failed")).GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(field);

        await (await studio.SendAsync(HttpMethod.Delete, $"/api/v1/webhook-subscriptions/{id}", null)).ShouldBe(HttpStatusCode.NoContent);
        await (await studio.GetAsync($"/api/v1/webhook-subscriptions/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "webhook.not_found");
        await (await studio.SendAsync(HttpMethod.Delete, $"/api/v1/webhook-subscriptions/{id}", null)).ShouldBeProblem(HttpStatusCode.NotFound, "webhook.not_found");
        await (await studio.GetAsync($"/api/v1/webhook-subscriptions/{id}/deliveries?status=exploded")).ShouldBeProblem(HttpStatusCode.BadRequest, "request.malformed");
    }
}
