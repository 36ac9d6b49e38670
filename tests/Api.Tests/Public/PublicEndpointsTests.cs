using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Public;

public sealed class PublicEndpointsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Schedule_IsPublic_WithCounts()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync("Morning Flow"), TimeSpan.FromDays(1), capacity: 3);
        await studio.BookingAsync(await studio.CustomerAsync(), session);

        var response = await api.CreateClient().GetAsync($"/api/v1/public/{studio.Slug}/schedule");

        await response.ShouldBe(HttpStatusCode.OK);
        var schedule = await response.JsonAsync();
        schedule.GetArrayLength().Should().Be(1);
        schedule[0].Str("className").Should().Be("Morning Flow");
        schedule[0].GetProperty("booked").GetInt32().Should().Be(1);
        schedule[0].GetProperty("available").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task UnknownSlug_Is404()
    {
        await (await api.CreateClient().GetAsync("/api/v1/public/no-such-studio/schedule")).ShouldBeProblem(HttpStatusCode.NotFound, "organization.not_found");
        await (await api.CreateClient().PostAsJsonAsync("/api/v1/public/no-such-studio/bookings", new { sessionId = Guid.NewGuid(), name = "A B", email = "a@b.test" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "organization.not_found");
    }

    [Fact]
    public async Task Booking_UnknownEmailBecomesALead_KnownEmailIsThatCustomer()
    {
        var studio = await api.StudioAsync();
        var yoga = await studio.ClassTypeAsync();
        var first = await studio.SessionAsync(yoga, TimeSpan.FromDays(1));
        var second = await studio.SessionAsync(yoga, TimeSpan.FromDays(2));
        var known = await studio.CustomerAsync("Kim", "Known", "kim@example.test");
        var anonymous = api.CreateClient();

        var asLead = await anonymous.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = first, name = "Nia New Person", email = "Nia@Example.test" });
        var asKnown = await anonymous.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = second, name = "Kimberly", email = "KIM@example.test " });

        await asLead.ShouldBe(HttpStatusCode.Created);
        (await asLead.JsonAsync()).Str("paymentMethod").Should().Be("drop_in");
        await asKnown.ShouldBe(HttpStatusCode.Created);
        await using var db = api.Database.CreateDbContext();
        var lead = await db.Customers.SingleAsync(c => c.OrganizationId == studio.Id && c.Email == "nia@example.test");
        (lead.FirstName, lead.LastName, lead.Status.ToString(), lead.Source).Should().Be(("Nia", "New Person", "Lead", "website"));
        (await db.Bookings.SingleAsync(b => b.SessionId == second)).CustomerId.Should().Be(known);
        (await db.Bookings.Where(b => b.OrganizationId == studio.Id).Select(b => b.Source.ToString()).Distinct().ToListAsync()).Should().Equal("Public");
    }

    [Fact]
    public async Task Booking_RuleRefusals_AreProblems()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(1), capacity: 1);
        var anonymous = api.CreateClient();
        await anonymous.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = session, name = "One", email = "one@example.test" });

        var full = await anonymous.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = session, name = "Two", email = "two@example.test" });
        var invalid = await anonymous.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = session, name = "Two", email = "not-an-email" });

        await full.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "session.full");
        var problem = await invalid.ShouldBeProblem(HttpStatusCode.BadRequest, "validation.failed");
        problem.GetProperty("errors").TryGetProperty("email", out _).Should().BeTrue();
    }
}

public sealed class TightLimits : ApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:Public:RequestsPerAddressPerMinute"] = "3",
        ["RateLimits:Public:BookingsPerEmailPerHour"] = "2",
    };
}

public sealed class PublicRateLimitTests(TightLimits api) : IClassFixture<TightLimits>
{
    private HttpClient From(string address)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add(ApiFactory.ClientAddressHeader, address);
        return client;
    }

    [Fact]
    public async Task PerClientAddress_Is429WithRetryAfter()
    {
        var studio = await api.StudioAsync();
        var client = From("203.0.113.7");

        for (var i = 0; i < 3; i++) await (await client.GetAsync($"/api/v1/public/{studio.Slug}/schedule")).ShouldBe(HttpStatusCode.OK);
        var limited = await client.GetAsync($"/api/v1/public/{studio.Slug}/schedule");
        var otherAddress = await From("203.0.113.8").GetAsync($"/api/v1/public/{studio.Slug}/schedule");

        await limited.ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limit.exceeded");
        int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).Should().BePositive();
        await otherAddress.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PerEmail_Is429WithRetryAfter_FromAnyAddress()
    {
        var studio = await api.StudioAsync();
        var yoga = await studio.ClassTypeAsync();
        var sessions = new List<Guid>();
        for (var i = 1; i <= 3; i++) sessions.Add(await studio.SessionAsync(yoga, TimeSpan.FromDays(i)));

        var one = await From("198.51.100.1").PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = sessions[0], name = "Eve", email = "eve@example.test" });
        var two = await From("198.51.100.2").PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = sessions[1], name = "Eve", email = "eve@example.test" });
        var three = await From("198.51.100.3").PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = sessions[2], name = "Eve", email = "EVE@example.test" });

        await one.ShouldBe(HttpStatusCode.Created);
        await two.ShouldBe(HttpStatusCode.Created);
        await three.ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limit.exceeded");
        three.Headers.Contains("Retry-After").Should().BeTrue();
    }
}
