using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Errors;

/// <summary>
/// README "JSON": dates are `2026-06-02`, instants carry their offset (RFC 3339), in bodies and query strings alike.
/// Anything else is a 400 request.malformed naming the field, never a guess: an instant without an offset is not
/// taken as the server's local time, and `03/06/2026` is not read as 6 March.
/// </summary>
public sealed class StrictDateFormatTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>Instants a client might send that say no offset, or say it in another notation than RFC 3339.</summary>
    public static readonly string[] MalformedInstants =
    [
        "2026-06-03T18:00:00",            // an HTML datetime-local input: the studio's wall clock, no offset
        "2026-06-03T18:00:00.000",
        "2026-06-03",                     // a date is not an instant
        "2026-06-03T18:00Z",              // no seconds
        "2026-06-03 18:00:00Z",           // a space for the T
        "2026-06-03T18:00:00 +02:00",
        "2026-06-03T18:00:00+0200",       // the offset without its colon
        "2026-06-03T18:00:00+02",
        "20260603T180000Z",               // ISO 8601 basic format
        "2026-6-3T18:00:00Z",
        "2026-W23-3T18:00:00Z",           // a week date
        "2026-154T18:00:00Z",             // an ordinal date
        "03/06/2026 18:00:00 +02:00",     // day first
        "06/03/2026 18:00:00 +02:00",     // month first
        "Wed, 03 Jun 2026 16:00:00 GMT",  // RFC 1123
        "2026-06-03T18:00:00+15:00",      // past the largest offset
        "2026-06-03T24:00:00Z",
        "2026-02-30T18:00:00Z",
        "2026-06-03T18:00:00.1234567890Z", // more than nanoseconds
        "2026-06-03T18:00:00Z\n",
        "\u0662\u0660\u0662\u0666-06-03T18:00:00Z", // digits of another script
    ];

    /// <summary>Dates a client might send that are not yyyy-MM-dd.</summary>
    public static readonly string[] MalformedDates =
    [
        "03/06/2026", "06/03/2026", "3.6.2026", "2026/06/03", "2026-6-3", "2026-06-3", "26-06-03", "20260603", "2026-W23-3", "2026-154",
        "2026-06-03T00:00:00Z", "2026-06-03T00:00:00", "3 June 2026", "June 3, 2026", " 2026-06-03", "2026-06-03 ", "2026-02-30", "2026-13-01",
        "\u0662\u0660\u0662\u0666-\u0660\u0666-\u0660\u0663",
    ];

    /// <summary>RFC 3339 spellings of 2026-06-03T16:00:00Z (and two with a fraction), with the instant each must store.</summary>
    public static TheoryData<string, string> AcceptedInstants => new()
    {
        { "2026-06-03T18:00:00+02:00", "2026-06-03T16:00:00.0000000Z" },
        { "2026-06-03T16:00:00Z", "2026-06-03T16:00:00.0000000Z" },
        { "2026-06-03T10:30:00-05:30", "2026-06-03T16:00:00.0000000Z" },
        { "2026-06-03T16:00:00-00:00", "2026-06-03T16:00:00.0000000Z" },
        { "2026-06-03t16:00:00z", "2026-06-03T16:00:00.0000000Z" },
        { "2026-06-03T18:00:00.5+02:00", "2026-06-03T16:00:00.5000000Z" },
        { "2026-06-03T16:00:00.123456789Z", "2026-06-03T16:00:00.1234567Z" },
    };

    [Fact]
    public async Task AnInstantNotInRfc3339WithAnOffset_InEveryInstantOfABody_IsA400NamingTheField_AndNothingIsStored()
    {
        var studio = await api.StudioAsync();
        var classType = await studio.ClassTypeAsync();
        var session = await studio.SessionAsync(classType, TimeSpan.FromDays(2));
        var failures = new List<string>();

        foreach (var value in MalformedInstants)
        {
            await Expect(failures, await PostJsonAsync(studio, HttpMethod.Post, "/api/v1/sessions", new JsonObject { ["classTypeId"] = classType, ["startsAt"] = value, ["capacity"] = 5 }), "startsAt", value);
            await Expect(failures, await PostJsonAsync(studio, HttpMethod.Post, "/api/v1/sessions",
                new JsonObject { ["classTypeId"] = classType, ["startsAt"] = "2026-06-03T18:00:00+02:00", ["endsAt"] = value }), "endsAt", value);
            await Expect(failures, await PostJsonAsync(studio, HttpMethod.Patch, $"/api/v1/sessions/{session}", new JsonObject { ["startsAt"] = value }), "startsAt", value);
            await Expect(failures, await PostJsonAsync(studio, HttpMethod.Patch, $"/api/v1/sessions/{session}", new JsonObject { ["endsAt"] = value }), "endsAt", value);
        }

        failures.Should().BeEmpty("each value is refused, naming the field:\n" + string.Join("\n", failures));
        await using var db = api.OwnerDbContext();
        (await db.ClassSessions.Where(s => s.OrganizationId == studio.Id).Select(s => s.Id).ToListAsync()).Should().Equal([session], "nothing is stored for a refused request");
        (await db.ClassSessions.SingleAsync(s => s.Id == session)).StartsAt.Should().Be(api.Clock.GetUtcNow() + TimeSpan.FromDays(2), "a refused patch changes nothing");
    }

    [Theory]
    [MemberData(nameof(AcceptedInstants))]
    public async Task AnInstantWithItsOffset_IsThatInstant(string sent, string stored)
    {
        var studio = await api.StudioAsync();
        var classType = await studio.ClassTypeAsync();

        var created = await PostJsonAsync(studio, HttpMethod.Post, "/api/v1/sessions", new JsonObject { ["classTypeId"] = classType, ["startsAt"] = sent });

        await created.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).Id();
        var expected = DateTimeOffset.Parse(stored, CultureInfo.InvariantCulture);
        // PostgreSQL keeps microseconds.
        (await StartsAtAsync(id)).Should().BeCloseTo(expected, TimeSpan.FromMicroseconds(1));

        var moved = await PostJsonAsync(studio, HttpMethod.Patch, $"/api/v1/sessions/{id}", new JsonObject { ["startsAt"] = sent.Replace("-06-03", "-06-04", StringComparison.Ordinal) });
        await moved.ShouldBe(HttpStatusCode.OK);
        (await StartsAtAsync(id)).Should().BeCloseTo(expected.AddDays(1), TimeSpan.FromMicroseconds(1));
    }

    [Fact]
    public async Task ADateNotYyyyMmDd_InABody_IsA400NamingTheField_AndNothingIsStored()
    {
        var studio = await api.StudioAsync();
        var customer = await studio.CustomerAsync();
        var plan = (await studio.CreatedAsync("/api/v1/membership-plans", new { name = "Weekly", allowancePeriod = "week", allowanceClasses = 2 })).Id();
        var failures = new List<string>();

        foreach (var value in MalformedDates)
            await Expect(failures, await PostJsonAsync(studio, HttpMethod.Post, $"/api/v1/customers/{customer}/memberships", new JsonObject { ["planId"] = plan, ["startDate"] = value }),
                "startDate", value);

        failures.Should().BeEmpty("each value is refused, naming the field:\n" + string.Join("\n", failures));
        await using var db = api.OwnerDbContext();
        db.Memberships.Count(m => m.OrganizationId == studio.Id).Should().Be(0, "nothing is stored for a refused request");
        var sold = await PostJsonAsync(studio, HttpMethod.Post, $"/api/v1/customers/{customer}/memberships", new JsonObject { ["planId"] = plan, ["startDate"] = "2026-06-03" });
        await sold.ShouldBe(HttpStatusCode.Created);
        (await sold.JsonAsync()).Str("startDate").Should().Be("2026-06-03");
    }

    [Fact]
    public async Task TheProblem_SaysHowADateOrAnInstantIsWritten()
    {
        var studio = await api.StudioAsync();
        var classType = await studio.ClassTypeAsync();

        var body = await (await PostJsonAsync(studio, HttpMethod.Post, "/api/v1/sessions", new JsonObject { ["classTypeId"] = classType, ["startsAt"] = "2026-06-03T18:00:00" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "request.malformed");
        var date = await (await studio.GetAsync("/api/v1/sessions?from=03/06/2026")).ShouldBeProblem(HttpStatusCode.BadRequest, "request.malformed");
        var instant = await (await studio.GetAsync("/api/v1/bookings?updatedSince=2026-06-01")).ShouldBeProblem(HttpStatusCode.BadRequest, "request.malformed");

        body.GetProperty("errors").GetProperty("startsAt")[0].GetString().Should().Contain("offset").And.Contain("2026-06-03T18:00:00+02:00");
        date.GetProperty("errors").GetProperty("from")[0].GetString().Should().Contain("yyyy-MM-dd");
        instant.Str("detail").Should().Contain("offset").And.Contain("%2B");
    }

    /// <summary>Every DateOnly and DateTimeOffset query parameter, and how to reach its endpoint.</summary>
    private static readonly Dictionary<string, Func<TestStudio, string>> DateParameters = new()
    {
        ["/api/v1/sessions?from"] = _ => "/api/v1/sessions?from=",
        ["/api/v1/sessions?to"] = _ => "/api/v1/sessions?to=",
        ["/api/v1/public/{slug}/schedule?from"] = s => $"/api/v1/public/{s.Slug}/schedule?from=",
        ["/api/v1/public/{slug}/schedule?to"] = s => $"/api/v1/public/{s.Slug}/schedule?to=",
        ["/api/v1/customers?updatedSince"] = _ => "/api/v1/customers?updatedSince=",
        ["/api/v1/bookings?updatedSince"] = _ => "/api/v1/bookings?updatedSince=",
    };

    [Fact]
    public void TheQueryCases_CoverEveryDateAndInstantParameter()
    {
        var found = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [])
                .Where(p => (Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType) is var t && (t == typeof(DateOnly) || t == typeof(DateTimeOffset)))
                .Select(p => $"{e.RoutePattern.RawText!.TrimEnd('/')}?{p.Name}"))
            .ToList();

        found.Should().BeEquivalentTo(DateParameters.Keys, "a new date or instant parameter is checked by the same filter; add it here to test it");
    }

    [Fact]
    public async Task AValueNotInTheStrictFormat_InEveryDateAndInstantQueryParameter_IsA400NamingIt()
    {
        var studio = await api.StudioAsync();
        var anonymous = api.CreateClient();
        var failures = new List<string>();

        foreach (var (key, url) in DateParameters)
        {
            var parameter = key[(key.IndexOf('?', StringComparison.Ordinal) + 1)..];
            var instant = parameter == "updatedSince";
            var values = (instant ? MalformedInstants.Concat(MalformedDates.Where(d => !d.Contains('T', StringComparison.Ordinal))) : MalformedDates.AsEnumerable())
                .Select(Uri.EscapeDataString)
                // A '+' left unencoded is a space once decoded: "…T00:00:00 02:00", an instant without an offset.
                .Concat(instant ? ["2026-06-01T00:00:00+02:00", "yesterday", "1780272000"] : ["today", "2026-06-03%2B01:00"]);
            foreach (var value in values)
            {
                var client = key.Contains("/public/", StringComparison.Ordinal) ? anonymous : studio.Client;
                await Expect(failures, await client.GetAsync(url(studio) + value), parameter, $"{key}={value}");
            }
        }

        failures.Should().BeEmpty("each value is refused, naming the field:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task ADateInTheQuery_IsThatDay_OnTheStaffTimetableAndTheWidget()
    {
        var studio = await api.StudioAsync();
        var classType = await studio.ClassTypeAsync();
        var session = (await studio.CreatedAsync("/api/v1/sessions", new { classTypeId = classType, startsAt = "2026-06-03T18:00:00+01:00" })).Id();
        var anonymous = api.CreateClient();

        foreach (var (client, path) in new[] { (studio.Client, "/api/v1/sessions"), (anonymous, $"/api/v1/public/{studio.Slug}/schedule") })
        {
            var thatDay = await client.GetAsync($"{path}?from=2026-06-03&to=2026-06-03");
            var dayBefore = await client.GetAsync($"{path}?from=2026-06-02&to=2026-06-02");

            await thatDay.ShouldBe(HttpStatusCode.OK);
            (await thatDay.JsonAsync()).EnumerateArray().Select(s => s.Id()).Should().Equal(session);
            (await dayBefore.JsonAsync()).GetArrayLength().Should().Be(0);
        }
    }

    /// <summary>
    /// An instant is compared with its offset applied: an hour before the change written in +02:00 (a wall clock an
    /// hour after it) includes the change, an hour after it written in -05:30 (a wall clock hours before it) excludes it.
    /// Read without the offset, both would answer the other way.
    /// </summary>
    [Fact]
    public async Task AnInstantInTheQuery_IsThatInstant_WhateverItsOffset()
    {
        var studio = await api.StudioAsync();
        var customerChangedAt = api.Clock.GetUtcNow();
        var customer = await studio.CustomerAsync();
        var bookedAt = DateTimeOffset.UtcNow;
        await studio.PackAsync(customer);
        var booking = await studio.BookingAsync(customer, await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(1)));

        foreach (var (list, changedAt, id) in new[] { ("customers", customerChangedAt, customer), ("bookings", bookedAt, booking) })
        {
            foreach (var (since, included) in new[]
                     {
                         (changedAt.AddHours(-1).ToOffset(TimeSpan.FromHours(2)), true),
                         (changedAt.AddMinutes(-1).ToUniversalTime(), true),
                         (changedAt.AddHours(1).ToOffset(TimeSpan.FromHours(-5.5)), false),
                         (changedAt.AddHours(1).ToUniversalTime(), false),
                     })
            {
                var text = since.Offset == TimeSpan.Zero
                    ? since.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'", CultureInfo.InvariantCulture)
                    : since.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'sszzz", CultureInfo.InvariantCulture);
                var response = await studio.GetAsync($"/api/v1/{list}?updatedSince={Uri.EscapeDataString(text)}");

                await response.ShouldBe(HttpStatusCode.OK);
                (await response.JsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.Id()).Contains(id)
                    .Should().Be(included, $"{list}?updatedSince={text}, changed at {changedAt:O}");
            }
        }
    }

    private async Task<DateTimeOffset> StartsAtAsync(Guid session)
    {
        await using var db = api.OwnerDbContext();
        return (await db.ClassSessions.SingleAsync(s => s.Id == session)).StartsAt;
    }

    private static async Task<HttpResponseMessage> PostJsonAsync(TestStudio studio, HttpMethod method, string path, JsonObject body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        return await studio.Client.SendAsync(request);
    }

    /// <summary>The answer is a 400 request.malformed whose errors name the field; otherwise a line saying what came instead.</summary>
    private static async Task Expect(List<string> failures, HttpResponseMessage response, string field, string sent)
    {
        var text = await response.Content.ReadAsStringAsync();
        var named = false;
        if (response.StatusCode == HttpStatusCode.BadRequest && response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            var problem = JsonNode.Parse(text)!;
            named = problem["code"]?.GetValue<string>() == "request.malformed" && problem["errors"]?[field] is JsonArray { Count: > 0 };
        }
        if (!named) failures.Add($"{field} = {sent} → {(int)response.StatusCode} {text}");
    }
}
