using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Errors;

/// <summary>Unknown routes are 404 whoever asks: no key, a wrong key, or under the public widget's prefix.</summary>
public sealed class UnknownRouteTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("/api/v1/nothing-here")]
    [InlineData("/api/v1/public/some-studio/nothing-here")]
    [InlineData("/api/v1/public")]
    [InlineData("/nothing")]
    public async Task UnknownRoute_Is404_WithoutAKey_AndWithAWrongOne(string path)
    {
        var anonymous = api.CreateClient();
        var wrongKey = api.ClientWithKey("uc_live_0123456789abcdefghijklmnopqrstuvwxyz");

        await (await anonymous.GetAsync(path)).ShouldBeProblem(HttpStatusCode.NotFound, "route.not_found");
        await (await wrongKey.GetAsync(path)).ShouldBeProblem(HttpStatusCode.NotFound, "route.not_found");
        await (await anonymous.PostAsJsonAsync(path, new { })).ShouldBeProblem(HttpStatusCode.NotFound, "route.not_found");
    }

    [Fact]
    public async Task KnownRoute_WithoutAKey_IsStill401_AndAWrongMethodIs405()
    {
        var anonymous = api.CreateClient();

        await (await anonymous.GetAsync("/api/v1/customers")).ShouldBeProblem(HttpStatusCode.Unauthorized, "auth.api_key_missing");
        var wrongMethod = await anonymous.DeleteAsync("/api/v1/customers");
        await wrongMethod.ShouldBeProblem(HttpStatusCode.MethodNotAllowed, "request.method_not_allowed");
    }
}

/// <summary>The API on a real Kestrel server: limits the in-memory test server does not have.</summary>
public sealed class RealServer : ApiFactory
{
    public RealServer() => UseKestrel(0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureKestrel(kestrel => kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 100, gracePeriod: TimeSpan.FromSeconds(2)));
    }

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }
}

public sealed class KestrelLimitTests(RealServer api) : IClassFixture<RealServer>
{
    [Fact]
    public async Task BodyPastTheLimit_Is413_WithACode()
    {
        api.StartServer();
        var studio = await api.StudioAsync();
        var body = "{\"firstName\":\"" + new string('a', 1_200_000) + "\",\"lastName\":\"b\"}";

        var response = await RawAsync(
            $"POST /api/v1/customers HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {studio.ApiKey}\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n",
            body);

        response.Should().StartWith("HTTP/1.1 413");
        response.Should().Contain("\"code\":\"request.too_large\"").And.Contain("application/problem+json");
    }

    // Without a Content-Length the limit is met while the JSON is being read, and is still the 413.
    [Fact]
    public async Task AChunkedBodyPastTheLimit_Is413_WithACode()
    {
        api.StartServer();
        var studio = await api.StudioAsync();
        var body = "{\"firstName\":\"" + new string('a', 1_200_000) + "\",\"lastName\":\"b\"}";
        var chunked = $"{Encoding.UTF8.GetByteCount(body):x}\r\n{body}\r\n0\r\n\r\n";

        var response = await RawAsync(
            $"POST /api/v1/customers HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {studio.ApiKey}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
            chunked);

        response.Should().StartWith("HTTP/1.1 413");
        response.Should().Contain("\"code\":\"request.too_large\"");
    }

    [Fact]
    public async Task HeadersPastTheLimit_Are431_WithACode()
    {
        api.StartServer();
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/customers");
        request.Headers.Add("X-Padding", new string('p', 40 * 1024));

        var response = await client.SendAsync(request);

        await response.ShouldBeProblem(HttpStatusCode.RequestHeaderFieldsTooLarge, "request.headers_too_large");
    }

    [Fact]
    public async Task ABodyTooSlow_Is408_WithACode()
    {
        api.StartServer();
        var studio = await api.StudioAsync();

        var response = await RawAsync(
            $"POST /api/v1/public/{studio.Slug}/bookings HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n",
            "{\"sessionId\":", keepOpenFor: TimeSpan.FromSeconds(8));

        response.Should().StartWith("HTTP/1.1 408");
        response.Should().Contain("\"code\":\"request.timeout\"");
    }

    /// <summary>Sends a request as bytes on a socket and reads what comes back until the server closes or a timeout.</summary>
    private async Task<string> RawAsync(string head, string body, TimeSpan? keepOpenFor = null)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(api.BaseAddress.Host, api.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        try
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(body));
        }
        catch (IOException)
        {
            // The server may answer and close before the whole body is sent.
        }
        using var timeout = new CancellationTokenSource(keepOpenFor ?? TimeSpan.FromSeconds(15));
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
                var text = Encoding.UTF8.GetString(received.ToArray());
                if (text.Contains("\r\n\r\n", StringComparison.Ordinal) && text.TrimEnd().EndsWith('}')) break;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
        }
        return Encoding.UTF8.GetString(received.ToArray());
    }
}
