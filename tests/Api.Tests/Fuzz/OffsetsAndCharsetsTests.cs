using System.Net;
using System.Text;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Fuzz;

/// <summary>Valid requests the framework or Npgsql threw on: each was a 500, found by a helper probing the edges.</summary>
public sealed class OffsetsAndCharsetsTests(OneStudio api) : IClassFixture<OneStudio>
{
    // Npgsql writes a timestamptz parameter from UTC only; the instant came with the offset the caller gave.
    [Theory]
    [InlineData("customers", "2026-01-01T00:00:00+01:00")]
    [InlineData("customers", "2026-01-01T00:00:00-05:00")]
    [InlineData("bookings", "2026-01-01T00:00:00+14:00")]
    [InlineData("bookings", "2026-01-01T00:00:00-12:00")]
    public async Task UpdatedSince_WithAnOffset_IsThatInstant(string list, string since)
    {
        var inUtc = DateTimeOffset.Parse(since, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime.ToString("O");

        var withOffset = await api.Data.Studio.Client.GetAsync($"/api/v1/{list}?updatedSince={Uri.EscapeDataString(since)}");
        var asUtc = await api.Data.Studio.Client.GetAsync($"/api/v1/{list}?updatedSince={Uri.EscapeDataString(inUtc)}");

        await withOffset.ShouldBe(HttpStatusCode.OK);
        (await withOffset.Content.ReadAsStringAsync()).Should().Be(await asUtc.Content.ReadAsStringAsync());
    }

    // RFC 9110 allows the charset quoted; the framework looked "utf-8" up with its quotes.
    [Fact]
    public async Task AQuotedUtf8Charset_IsReadAsUtf8()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"firstName":"Zoë","lastName":"Quoted"}""")),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=\"utf-8\"");

        var response = await api.Data.Studio.Client.SendAsync(request);

        await response.ShouldBe(HttpStatusCode.Created);
        (await response.JsonAsync()).Str("firstName").Should().Be("Zoë");
    }

    [Theory]
    [InlineData(false, "bogus")]
    [InlineData(true, "bogus")]
    [InlineData(true, "utf-7")]
    [InlineData(false, "csUnicode11UTF7")]
    public async Task ACharsetWithNoEncoding_Is415(bool anonymousWidget, string charset)
    {
        var data = api.Data;
        var (client, url, body) = anonymousWidget
            ? (api.CreateClient(), $"/api/v1/public/{data.Studio.Slug}/bookings", $$"""{"sessionId":"{{data.Session}}","name":"Walk In","email":"walk.in@example.test"}""")
            : (data.Studio.Client, "/api/v1/customers", """{"firstName":"Bogus","lastName":"Charset"}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=" + charset);

        var response = await client.SendAsync(request);

        await response.ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
    }
}
