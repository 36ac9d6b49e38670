using System.Net;
using System.Net.Http.Headers;
using System.Text;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Idempotency;

/// <summary>The API on a real Kestrel server with a small body limit (TestServer enforces none).</summary>
public sealed class SmallBodyLimitApiFactory : ApiFactory
{
    public const long Limit = 4096;

    public SmallBodyLimitApiFactory() => UseKestrel(options => options.Limits.MaxRequestBodySize = Limit);
}

public sealed class OversizedBodyTests(SmallBodyLimitApiFactory api) : IClassFixture<SmallBodyLimitApiFactory>
{
    [Fact]
    public async Task AnOversizedBody_IsAnswered413_WithOrWithoutAnIdempotencyKey()
    {
        var studio = await api.StudioAsync();
        var body = $$"""{"firstName":"Ann","lastName":"{{new string('x', (int)SmallBodyLimitApiFactory.Limit * 2)}}"}""";

        var withoutKey = await PostAsync(studio, body, key: null);
        var withKey = await PostAsync(studio, body, key: "oversized-1");

        withoutKey.Status.Should().Be(HttpStatusCode.RequestEntityTooLarge, withoutKey.Body);
        withKey.Status.Should().Be(withoutKey.Status, withKey.Body);
        withKey.Body.Should().Be(withoutKey.Body.Replace(withoutKey.TraceId, withKey.TraceId));
    }

    private static async Task<(HttpStatusCode Status, string Body, string TraceId)> PostAsync(TestStudio studio, string body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Content.Headers.ContentLength = null;
        request.Headers.TransferEncodingChunked = true;
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        var response = await studio.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var traceId = System.Text.Json.JsonDocument.Parse(text).RootElement.TryGetProperty("traceId", out var id) ? id.GetString()! : "";
        return (response.StatusCode, text, traceId);
    }
}
