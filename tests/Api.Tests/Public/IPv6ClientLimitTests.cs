using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Public;

/// <summary>Per-address limit of 2 a minute; per-email limit out of the way.</summary>
public sealed class TwoRequestsPerAddress : ApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["RateLimits:Public:RequestsPerAddressPerMinute"] = "2",
    };
}

/// <summary>Per-email-and-address limit of 2 an hour; per-address limit out of the way.</summary>
public sealed class TwoBookingsPerEmail : ApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["RateLimits:Public:BookingsPerEmailPerHour"] = "2",
    };
}

/// <summary>
/// ADR 0007 bounds what an anonymous widget caller can do "per client address". An IPv6 client is handed
/// at least a /64 (2^64 addresses) by its ISP or cloud provider and picks any address in it per
/// connection (privacy extensions do so by themselves), so a limit keyed on the full 128-bit address
/// bounds nothing for it: the limit has to count the /64 as one client.
/// </summary>
public sealed class IPv6AddressRotationTests(TwoRequestsPerAddress api) : IClassFixture<TwoRequestsPerAddress>
{
    private HttpClient From(string address)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add(ApiFactory.ClientAddressHeader, address);
        return client;
    }

    [Fact]
    public async Task PerAddressLimit_CountsOneIPv6Slash64AsOneClient_SoRotatingAddressesDoesNotMassCreateLeads()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(capacity: 50), TimeSpan.FromDays(1), capacity: 50);

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 6; i++)
        {
            // One host on one /64, a new interface id per request (what RFC 4941 privacy addresses do anyway).
            var response = await From($"2001:db8:1:2::{i:x}").PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings",
                new { sessionId = session, name = "Bot Number" + i, email = $"bot{i}@example.test" });
            statuses.Add(response.StatusCode);
        }

        await using var db = api.Database.CreateDbContext();
        var leads = await db.Customers.CountAsync(c => c.OrganizationId == studio.Id);
        statuses.Count(s => s == HttpStatusCode.TooManyRequests).Should().Be(4, "two requests a minute per client; one /64 is one client");
        leads.Should().BeLessThanOrEqualTo(2, "the per-address bound is all that stops the widget from registering leads and taking seats in bulk (docs/adr/0007)");

        // The next /64 is another client.
        var neighbour = await From("2001:db8:1:3::1").PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings",
            new { sessionId = session, name = "Next Door", email = "next@example.test" });
        neighbour.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }
}

public sealed class IPv6EmailLimitRotationTests(TwoBookingsPerEmail api) : IClassFixture<TwoBookingsPerEmail>
{
    [Fact]
    public async Task PerEmailLimit_CountsOneIPv6Slash64AsOneClient()
    {
        var studio = await api.StudioAsync();
        var yoga = await studio.ClassTypeAsync();
        await studio.CustomerAsync("Mia", "Robinson", "mia@example.com");
        var sessions = new List<Guid>();
        for (var i = 1; i <= 4; i++) sessions.Add(await studio.SessionAsync(yoga, TimeSpan.FromDays(i)));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var client = api.CreateClient();
            client.DefaultRequestHeaders.Add(ApiFactory.ClientAddressHeader, $"2001:db8:aa:bb::{i + 1:x}");
            var response = await client.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = sessions[i], name = "X Y", email = "mia@example.com" });
            statuses.Add(response.StatusCode);
        }

        // Each accepted request books a guest and writes a note on Mia's record (docs/adr/0007): 5 an hour per email and client is the bound.
        statuses.Should().Equal(HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests);
    }
}
