using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Fuzz;

public sealed class OneStudio : ApiFactory
{
    public StudioData Data { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Data = await StudioData.ArrangeAsync(this);
    }
}

/// <summary>
/// Hundreds of malformed requests (broken JSON, wrong types, missing and extra fields, huge
/// strings, invalid dates, unknown enum values, negative numbers, bad route values) to every
/// POST, PUT and PATCH: each is a 4xx problem with a code, never a 5xx, and no row changes.
/// </summary>
public sealed class MalformedRequestTests(OneStudio api) : IClassFixture<OneStudio>
{
    internal enum Kind { Str, Guid, Int, Bool, Date, DateTime, Time, Enum, GuidArray, EnumArray, Payment, EventTypes, Policy }

    internal sealed record Field(string Name, Kind Kind, bool Required = false, bool Nullable = false);

    internal sealed record Target(string Method, string Route, Func<StudioData, string> Url, Func<StudioData, JsonObject>? Valid, Field[] Fields, bool AsMember = false);

    private static readonly Field[] PaymentFields = [new("payment", Kind.Payment, Nullable: true), new("joinWaitlistIfFull", Kind.Bool)];

    /// <summary>Every POST, PUT and PATCH with its fields (also what BoundedInputFuzzTests aims at).</summary>
    internal static IEnumerable<Target> Targets()
    {
        yield return new("POST", "/api/v1/customers", _ => "/api/v1/customers",
            _ => new JsonObject { ["firstName"] = "Fuzz", ["lastName"] = "Er", ["email"] = "fuzz@example.test", ["phone"] = "+447700900123", ["source"] = "web" },
            [new("firstName", Kind.Str, true, true), new("lastName", Kind.Str, true, true), new("email", Kind.Str, Nullable: true), new("phone", Kind.Str, Nullable: true), new("source", Kind.Str, Nullable: true)]);
        yield return new("PUT", "/api/v1/customers/{customerId}", d => $"/api/v1/customers/{d.Customer}",
            _ => new JsonObject { ["firstName"] = "Fuzz", ["lastName"] = "Er", ["email"] = null, ["phone"] = null, ["notes"] = "n" },
            [new("firstName", Kind.Str, true, true), new("lastName", Kind.Str, true, true), new("email", Kind.Str, true, true), new("phone", Kind.Str, true, true), new("source", Kind.Str, Nullable: true), new("notes", Kind.Str, Nullable: true)]);
        yield return new("PATCH", "/api/v1/customers/{customerId}", d => $"/api/v1/customers/{d.Customer}",
            _ => new JsonObject { ["firstName"] = "Fuzz" },
            [new("firstName", Kind.Str, Nullable: true), new("lastName", Kind.Str, Nullable: true), new("email", Kind.Str, Nullable: true), new("phone", Kind.Str, Nullable: true), new("source", Kind.Str), new("notes", Kind.Str, Nullable: true)]);
        yield return new("POST", "/api/v1/customers/{customerId}/archive", d => $"/api/v1/customers/{d.Customer}/archive",
            _ => new JsonObject { ["reason"] = "moved away" }, [new("reason", Kind.Str, Nullable: true)]);
        yield return new("POST", "/api/v1/customers/{customerId}/restore", d => $"/api/v1/customers/{d.Customer}/restore", null, []);
        yield return new("POST", "/api/v1/customers/{customerId}/merge", d => $"/api/v1/customers/{d.Customer}/merge",
            d => new JsonObject { ["mergedId"] = d.OtherCustomer.ToString() }, [new("mergedId", Kind.Guid, true)]);
        yield return new("POST", "/api/v1/customers/{customerId}/notes", d => $"/api/v1/customers/{d.Customer}/notes",
            _ => new JsonObject { ["content"] = "A note" }, [new("content", Kind.Str, true)]);
        yield return new("POST", "/api/v1/customers/{customerId}/memberships", d => $"/api/v1/customers/{d.Customer}/memberships",
            d => new JsonObject { ["planId"] = d.Plan.ToString(), ["startDate"] = "2026-06-01", ["endDate"] = "2026-12-31" },
            [new("planId", Kind.Guid, true), new("startDate", Kind.Date, Nullable: true), new("endDate", Kind.Date, Nullable: true)]);
        yield return new("POST", "/api/v1/customers/{customerId}/packs", d => $"/api/v1/customers/{d.Customer}/packs",
            d => new JsonObject { ["productId"] = d.PackProduct.ToString() }, [new("productId", Kind.Guid, true)]);
        yield return new("POST", "/api/v1/memberships/{membershipId}/pause", d => $"/api/v1/memberships/{d.Membership}/pause",
            _ => new JsonObject { ["from"] = "2026-06-10", ["until"] = "2026-06-20" }, [new("from", Kind.Date, Nullable: true), new("until", Kind.Date, Nullable: true)]);
        yield return new("POST", "/api/v1/memberships/{membershipId}/resume", d => $"/api/v1/memberships/{d.Membership}/resume",
            _ => new JsonObject { ["on"] = "2026-06-10" }, [new("on", Kind.Date, Nullable: true)]);
        yield return new("POST", "/api/v1/memberships/{membershipId}/cancel", d => $"/api/v1/memberships/{d.Membership}/cancel",
            _ => new JsonObject { ["endDate"] = "2026-06-30" }, [new("endDate", Kind.Date, Nullable: true)]);
        yield return new("POST", "/api/v1/class-types", _ => "/api/v1/class-types",
            _ => new JsonObject { ["name"] = "Pilates", ["defaultCapacity"] = 10, ["defaultDurationMinutes"] = 45 },
            [new("name", Kind.Str, true), new("defaultCapacity", Kind.Int, true), new("defaultDurationMinutes", Kind.Int, true)]);
        yield return new("POST", "/api/v1/membership-plans", _ => "/api/v1/membership-plans",
            d => new JsonObject { ["name"] = "Plan", ["allowancePeriod"] = "week", ["allowanceClasses"] = 2, ["classTypeIds"] = new JsonArray(d.ClassType.ToString()), ["isTrial"] = false },
            [new("name", Kind.Str, true), new("allowancePeriod", Kind.Enum, true), new("allowanceClasses", Kind.Int, Nullable: true), new("classTypeIds", Kind.GuidArray, Nullable: true), new("isTrial", Kind.Bool)]);
        yield return new("POST", "/api/v1/pack-products", _ => "/api/v1/pack-products",
            d => new JsonObject { ["name"] = "Pass", ["credits"] = 5, ["validityDays"] = 30, ["classTypeIds"] = new JsonArray(d.ClassType.ToString()), ["isTrial"] = false },
            [new("name", Kind.Str, true), new("credits", Kind.Int, true), new("validityDays", Kind.Int, true), new("classTypeIds", Kind.GuidArray, Nullable: true), new("isTrial", Kind.Bool)]);
        yield return new("POST", "/api/v1/sessions", _ => "/api/v1/sessions",
            d => new JsonObject
            {
                ["classTypeId"] = d.ClassType.ToString(), ["startsAt"] = "2026-06-05T10:00:00Z", ["endsAt"] = "2026-06-05T11:00:00Z", ["capacity"] = 8,
                ["instructorId"] = d.Instructor.ToString(), ["locationId"] = d.Location.ToString(),
            },
            [new("classTypeId", Kind.Guid, true), new("startsAt", Kind.DateTime, true), new("endsAt", Kind.DateTime, Nullable: true), new("capacity", Kind.Int, Nullable: true), new("instructorId", Kind.Guid, Nullable: true), new("locationId", Kind.Guid, Nullable: true)]);
        yield return new("PATCH", "/api/v1/sessions/{sessionId}", d => $"/api/v1/sessions/{d.Session}",
            _ => new JsonObject { ["capacity"] = 8 },
            [new("startsAt", Kind.DateTime), new("endsAt", Kind.DateTime), new("capacity", Kind.Int), new("instructorId", Kind.Guid, Nullable: true), new("locationId", Kind.Guid, Nullable: true)]);
        yield return new("PATCH", "/api/v1/class-types/{classTypeId}", d => $"/api/v1/class-types/{d.ClassType}",
            _ => new JsonObject { ["name"] = "Renamed" },
            [new("name", Kind.Str), new("defaultCapacity", Kind.Int), new("defaultDurationMinutes", Kind.Int), new("isActive", Kind.Bool)]);
        yield return new("PATCH", "/api/v1/membership-plans/{planId}", d => $"/api/v1/membership-plans/{d.Plan}",
            _ => new JsonObject { ["name"] = "Renamed" },
            [new("name", Kind.Str), new("allowancePeriod", Kind.Enum), new("allowanceClasses", Kind.Int, Nullable: true), new("classTypeIds", Kind.GuidArray, Nullable: true), new("isTrial", Kind.Bool), new("isActive", Kind.Bool)]);
        yield return new("PATCH", "/api/v1/pack-products/{productId}", d => $"/api/v1/pack-products/{d.PackProduct}",
            _ => new JsonObject { ["name"] = "Renamed" },
            [new("name", Kind.Str), new("credits", Kind.Int), new("validityDays", Kind.Int), new("classTypeIds", Kind.GuidArray, Nullable: true), new("isTrial", Kind.Bool), new("isActive", Kind.Bool)]);
        foreach (var (resource, parameter) in new[] { ("instructors", "{instructorId}"), ("locations", "{locationId}") })
        {
            yield return new("POST", $"/api/v1/{resource}", _ => $"/api/v1/{resource}", _ => new JsonObject { ["name"] = "Newcomer" }, [new("name", Kind.Str, true)]);
            yield return new("PATCH", $"/api/v1/{resource}/{parameter}", d => $"/api/v1/{resource}/{(resource == "instructors" ? d.Instructor : d.Location)}",
                _ => new JsonObject { ["name"] = "Renamed" }, [new("name", Kind.Str), new("isActive", Kind.Bool)]);
        }
        yield return new("POST", "/api/v1/sessions/{sessionId}/cancel", d => $"/api/v1/sessions/{d.Session}/cancel", null, []);
        yield return new("POST", "/api/v1/bookings", _ => "/api/v1/bookings",
            d => new JsonObject { ["customerId"] = d.OtherCustomer.ToString(), ["sessionId"] = d.Session.ToString(), ["joinWaitlistIfFull"] = true },
            [new("customerId", Kind.Guid, true), new("sessionId", Kind.Guid, true), .. PaymentFields]);
        yield return new("POST", "/api/v1/bookings/batch", _ => "/api/v1/bookings/batch",
            d => new JsonObject { ["customerId"] = d.OtherCustomer.ToString(), ["sessionIds"] = new JsonArray(d.Session.ToString()), ["mode"] = "best_effort" },
            [new("customerId", Kind.Guid, true), new("sessionIds", Kind.GuidArray, true), new("mode", Kind.Enum), .. PaymentFields]);
        yield return new("POST", "/api/v1/bookings/recurring", _ => "/api/v1/bookings/recurring",
            d => new JsonObject
            {
                ["customerId"] = d.OtherCustomer.ToString(), ["classTypeId"] = d.ClassType.ToString(), ["weekdays"] = new JsonArray("monday"),
                ["localTime"] = "18:00:00", ["fromDate"] = "2026-06-01", ["count"] = 2, ["standing"] = true,
            },
            [new("customerId", Kind.Guid, true), new("classTypeId", Kind.Guid, true), new("weekdays", Kind.EnumArray, true), new("localTime", Kind.Time, true),
             new("fromDate", Kind.Date, true), new("untilDate", Kind.Date, Nullable: true), new("count", Kind.Int, Nullable: true), new("standing", Kind.Bool), .. PaymentFields]);
        yield return new("POST", "/api/v1/bookings/eligibility", _ => "/api/v1/bookings/eligibility",
            d => new JsonObject { ["customerId"] = d.OtherCustomer.ToString(), ["sessionId"] = d.Session.ToString() },
            [new("customerId", Kind.Guid, true), new("sessionId", Kind.Guid, true), .. PaymentFields]);
        yield return new("POST", "/api/v1/bookings/{bookingId}/cancel", d => $"/api/v1/bookings/{d.Booking}/cancel",
            _ => new JsonObject { ["by"] = "staff", ["waiveLateFee"] = true }, [new("by", Kind.Enum), new("waiveLateFee", Kind.Bool)]);
        yield return new("POST", "/api/v1/bookings/{bookingId}/check-in", d => $"/api/v1/bookings/{d.Booking}/check-in", null, []);
        yield return new("POST", "/api/v1/bookings/{bookingId}/undo-check-in", d => $"/api/v1/bookings/{d.Booking}/undo-check-in", null, []);
        yield return new("POST", "/api/v1/bookings/{bookingId}/no-show", d => $"/api/v1/bookings/{d.Booking}/no-show", null, []);
        yield return new("POST", "/api/v1/webhook-subscriptions", _ => "/api/v1/webhook-subscriptions",
            _ => new JsonObject { ["url"] = "http://127.0.0.1:9/fuzz", ["eventTypes"] = new JsonArray("customer.created"), ["description"] = "fuzz", ["enabled"] = true },
            [new("url", Kind.Str, true), new("eventTypes", Kind.EventTypes, Nullable: true), new("description", Kind.Str, Nullable: true), new("enabled", Kind.Bool)]);
        yield return new("PATCH", "/api/v1/webhook-subscriptions/{subscriptionId}", d => $"/api/v1/webhook-subscriptions/{d.WebhookSubscription}",
            _ => new JsonObject { ["url"] = "http://127.0.0.1:9/fuzz", ["eventTypes"] = new JsonArray("customer.created"), ["description"] = "fuzz", ["enabled"] = true },
            [new("url", Kind.Str, Nullable: true), new("eventTypes", Kind.EventTypes, Nullable: true), new("description", Kind.Str, Nullable: true), new("enabled", Kind.Bool, Nullable: true)]);
        yield return new("POST", "/api/v1/webhook-subscriptions/{subscriptionId}/rotate-secret", d => $"/api/v1/webhook-subscriptions/{d.WebhookSubscription}/rotate-secret", null, []);
        yield return new("POST", "/api/v1/webhook-subscriptions/{subscriptionId}/deliveries/{deliveryId}/redeliver",
            d => $"/api/v1/webhook-subscriptions/{d.WebhookSubscription}/deliveries/{d.WebhookDelivery}/redeliver", null, []);
        yield return new("PUT", "/api/v1/organization", _ => "/api/v1/organization",
            _ => new JsonObject
            {
                ["name"] = "Fuzz Studio", ["timeZone"] = "Europe/London", ["country"] = "GB",
                ["policy"] = new JsonObject
                {
                    ["bookingOpensDaysBefore"] = 14, ["bookingClosesMinutesBefore"] = 0, ["lateCancelHours"] = 12, ["lateCancelForfeitsCredit"] = true,
                    ["waitlistCap"] = 10, ["promotionCutoffMinutes"] = 60, ["dropInsForLeadsAndTrials"] = true,
                },
            },
            [new("name", Kind.Str, true), new("timeZone", Kind.Str, true), new("country", Kind.Str, true), new("policy", Kind.Policy, true)]);
        yield return new("POST", "/api/v1/customers/{customerId}/erase", d => $"/api/v1/customers/{d.Customer}/erase", null, []);
        yield return new("POST", "/api/v1/customers/{customerId}/access-tokens", d => $"/api/v1/customers/{d.Customer}/access-tokens",
            _ => new JsonObject { ["expiresInMinutes"] = 60, ["label"] = "phone" }, [new("expiresInMinutes", Kind.Int, Nullable: true), new("label", Kind.Str, Nullable: true)]);
        yield return new("POST", "/api/v1/customers/{customerId}/access-tokens/{tokenId}/revoke", d => $"/api/v1/customers/{d.Customer}/access-tokens/{d.AccessToken}/revoke", null, []);
        yield return new("POST", "/api/v1/me/bookings", _ => "/api/v1/me/bookings",
            d => new JsonObject { ["sessionId"] = d.Session.ToString(), ["joinWaitlistIfFull"] = true },
            [new("sessionId", Kind.Guid, true), .. PaymentFields], AsMember: true);
        yield return new("POST", "/api/v1/me/bookings/eligibility", _ => "/api/v1/me/bookings/eligibility",
            d => new JsonObject { ["sessionId"] = d.Session.ToString() }, [new("sessionId", Kind.Guid, true), .. PaymentFields], AsMember: true);
        yield return new("POST", "/api/v1/me/bookings/{bookingId}/cancel", d => $"/api/v1/me/bookings/{d.Booking}/cancel", null, [], AsMember: true);
        yield return new("POST", "/api/v1/public/{slug}/bookings", d => $"/api/v1/public/{d.Studio.Slug}/bookings",
            d => new JsonObject { ["sessionId"] = d.Session.ToString(), ["name"] = "Walk In", ["email"] = "walk.in@example.test" },
            [new("sessionId", Kind.Guid, true), new("name", Kind.Str, true), new("email", Kind.Str, true), new("joinWaitlistIfFull", Kind.Bool)]);
    }

    /// <summary>POSTs that take no input at all (nothing to malform).</summary>
    internal static readonly HashSet<string> WithoutInput = ["POST /api/v1/customers/recompute-lifecycles", "POST /api/v1/me/sign-out"];

    private static readonly string Huge = new('x', 100_000);

    private static readonly string[] BrokenJson =
    [
        "{", "}", "[", "{\"", "nul", "{\"a\":}", "{,}", "{'single':'quotes'}", "<xml/>", "{\"a\":1,}", "{\"a\" 1}", "\u0001\u0002", "{\"unterminated\": \"x",
        "[1,2", "{}}", "{\"a\":NaN}", "--", "{\"a\":01}",
    ];

    private static IEnumerable<JsonNode?> WrongValues(Field field) => field.Kind switch
    {
        Kind.Str => [12345, true, new JsonObject(), new JsonArray(), Huge],
        Kind.Guid => ["not-a-guid", 42, "", Huge, Guid.Empty.ToString(), "00000000-0000-0000-0000-00000000000g", new JsonObject()],
        Kind.Int => ["twelve", 1.5, true, -1, int.MinValue, JsonNode.Parse("1e40"), "", new JsonArray()],
        Kind.Bool => ["yes", 1, "true", new JsonObject()],
        Kind.Date => ["2026-13-45", "tomorrow", "2026-02-30", 20260101, "", Huge, "-0001-01-01"],
        Kind.DateTime => ["2026-13-01T00:00:00Z", "soon", "2026-06-01T25:00:00Z", 1717228800, "", Huge],
        Kind.Time => ["25:00:00", "6pm", 1800, "", "-01:00:00"],
        Kind.Enum => ["bogus", 3, "", "late cancelled", new JsonObject(), Huge],
        Kind.GuidArray => ["x", new JsonArray(1), new JsonArray("nope"), new JsonObject(), new JsonArray(Guid.Empty.ToString())],
        Kind.EnumArray => [new JsonArray("funday"), "monday", new JsonArray(7), new JsonObject(), new JsonArray()],
        Kind.EventTypes => [new JsonArray("customer.exploded"), "customer.created", new JsonArray(7), new JsonObject(), new JsonArray(Huge), new JsonArray((JsonNode?)null)],
        Kind.Payment =>
        [
            "pack", new JsonObject { ["method"] = "bogus" }, new JsonObject { ["method"] = "pack" },
            new JsonObject { ["method"] = "drop_in", ["id"] = Guid.NewGuid().ToString() }, new JsonObject { ["method"] = 3 },
            new JsonObject { ["method"] = "pack", ["id"] = "x" }, new JsonObject { ["method"] = "membership", ["id"] = Guid.Empty.ToString() },
            new JsonObject { ["method"] = "legacy_unknown" }, new JsonObject { ["method"] = "complimentary", ["extra"] = 1 },
        ],
        Kind.Policy =>
        [
            "strict", new JsonArray(), new JsonObject(), new JsonObject { ["waitlistCap"] = -1 },
            new JsonObject
            {
                ["bookingOpensDaysBefore"] = -5, ["bookingClosesMinutesBefore"] = 0, ["lateCancelHours"] = 12, ["lateCancelForfeitsCredit"] = true,
                ["waitlistCap"] = 10, ["promotionCutoffMinutes"] = 60, ["dropInsForLeadsAndTrials"] = true,
            },
            new JsonObject
            {
                ["bookingOpensDaysBefore"] = 14, ["bookingClosesMinutesBefore"] = 0, ["lateCancelHours"] = "12", ["lateCancelForfeitsCredit"] = true,
                ["waitlistCap"] = 10, ["promotionCutoffMinutes"] = int.MaxValue, ["dropInsForLeadsAndTrials"] = true,
            },
        ],
        _ => [],
    };

    private static IEnumerable<(string Label, string Url, string? Body)> Cases(Target target, StudioData data)
    {
        var url = target.Url(data);
        if (target.Valid is { } valid)
        {
            foreach (var broken in BrokenJson) yield return ($"broken JSON {broken}", url, broken);
            foreach (var root in new[] { "[]", "123", "\"text\"", "true" }) yield return ($"root {root}", url, root);
            if (target.Fields.Any(f => f.Required))
            {
                yield return ("null body", url, "null");
                yield return ("empty object", url, "{}");
            }
            foreach (var extra in new[] { "organizationId", "unexpected", "id" })
            {
                var body = valid(data);
                body[extra] = Guid.NewGuid().ToString();
                yield return ($"extra {extra}", url, body.ToJsonString());
            }
            foreach (var field in target.Fields)
            {
                foreach (var value in WrongValues(field))
                {
                    var body = valid(data);
                    body[field.Name] = value?.DeepClone();
                    yield return ($"{field.Name} = {Shorten(value?.ToJsonString())}", url, body.ToJsonString());
                }
                if (field.Required)
                {
                    var body = valid(data);
                    body.Remove(field.Name);
                    yield return ($"missing {field.Name}", url, body.ToJsonString());
                }
                if (!field.Nullable)
                {
                    var body = valid(data);
                    body[field.Name] = null;
                    yield return ($"{field.Name} = null", url, body.ToJsonString());
                }
            }
        }
        var template = target.Route;
        var routeIds = new[]
        {
            ("{customerId}", data.Customer), ("{membershipId}", data.Membership), ("{sessionId}", data.Session), ("{bookingId}", data.Booking),
            ("{classTypeId}", data.ClassType), ("{planId}", data.Plan), ("{productId}", data.PackProduct), ("{instructorId}", data.Instructor), ("{locationId}", data.Location),
            ("{subscriptionId}", data.WebhookSubscription), ("{deliveryId}", data.WebhookDelivery), ("{tokenId}", data.AccessToken),
        };
        foreach (var parameter in routeIds.Select(r => r.Item1).Where(template.Contains))
        {
            foreach (var bad in new[] { "not-a-guid", "-1", new string('9', 400), "00000000-0000-0000-0000-00000000000z", "%7B%7D", "0" })
            {
                var path = template.Replace(parameter, bad, StringComparison.Ordinal);
                foreach (var (name, id) in routeIds)
                    path = path.Replace(name, id.ToString(), StringComparison.Ordinal);
                yield return ($"route {parameter} = {Shorten(bad)}", path, target.Valid?.Invoke(data).ToJsonString());
            }
        }
    }

    private static string Shorten(string? text) => text is null ? "null" : text.Length > 40 ? text[..40] + "…" : text;

    [Fact]
    public async Task MalformedRequests_AreAll4xxProblemsWithACode_AndChangeNoRow()
    {
        var data = api.Data;
        var before = await Rows.FingerprintAsync(api.Database);
        var sent = 0;
        var failures = new List<string>();
        var member = data.MemberClient();

        foreach (var target in Targets())
        {
            foreach (var (label, url, body) in Cases(target, data))
            {
                using var request = new HttpRequestMessage(new HttpMethod(target.Method), url);
                if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                var response = await (target.AsMember ? member : data.Studio.Client).SendAsync(request);
                sent++;
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync();
                var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json" && HasCode(text);
                if (status is < 400 or >= 500 || !isProblem) failures.Add($"{target.Method} {target.Route} [{label}] → {status} {Shorten(text)}");
            }
        }

        failures.Should().BeEmpty();
        sent.Should().BeGreaterThanOrEqualTo(500);
        (await Rows.FingerprintAsync(api.Database)).Should().Be(before, "no malformed request may change a row");
    }

    [Fact]
    public void TheSuite_CoversEveryPostPutAndPatch()
    {
        var covered = Targets().Select(t => $"{t.Method} {t.Route}").Concat(WithoutInput).ToHashSet();

        var writes = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Route: e.RoutePattern.RawText!.TrimEnd('/'))))
            .Where(e => e.Method is "POST" or "PUT" or "PATCH")
            .Select(e => $"{e.Method} {e.Route}");

        writes.Should().OnlyContain(w => covered.Contains(w), "a new POST, PUT or PATCH needs its malformed cases here");
    }

    private static bool HasCode(string text)
    {
        try
        {
            return JsonDocument.Parse(text).RootElement.TryGetProperty("code", out var code) && code.GetString() is { Length: > 0 };
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
