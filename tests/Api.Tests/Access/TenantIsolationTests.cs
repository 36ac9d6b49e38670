using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Access;

/// <summary>Fixture: two studios with one of everything each.</summary>
public sealed class TwoStudios : ApiFactory
{
    public StudioData Victim { get; private set; } = null!;
    public StudioData Intruder { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Victim = await StudioData.ArrangeAsync(this);
        Intruder = await StudioData.ArrangeAsync(this);
    }
}

/// <summary>Every endpoint called with another organization's ids: 404, none of its data, and no row changed anywhere.</summary>
public sealed class TenantIsolationTests(TwoStudios api) : IClassFixture<TwoStudios>
{
    /// <summary>Each staff endpoint, aimed at the victim's ids (or mixing the intruder's own ids with the victim's).</summary>
    public static IEnumerable<(string Method, string Path, Func<StudioData, StudioData, string> Url, Func<StudioData, StudioData, object?> Body)> Calls()
    {
        yield return ("GET", "/api/v1/customers/{customerId}", (v, _) => $"/api/v1/customers/{v.Customer}", (_, _) => null);
        yield return ("PUT", "/api/v1/customers/{customerId}", (v, _) => $"/api/v1/customers/{v.Customer}", (_, _) => new { firstName = "Hacked", lastName = "X", email = (string?)null, phone = (string?)null });
        yield return ("PATCH", "/api/v1/customers/{customerId}", (v, _) => $"/api/v1/customers/{v.Customer}", (_, _) => new { firstName = "Hacked", phone = (string?)null });
        yield return ("POST", "/api/v1/customers/{customerId}/archive", (v, _) => $"/api/v1/customers/{v.Customer}/archive", (_, _) => null);
        yield return ("POST", "/api/v1/customers/{customerId}/restore", (v, _) => $"/api/v1/customers/{v.Customer}/restore", (_, _) => null);
        yield return ("POST", "/api/v1/customers/{customerId}/merge", (v, i) => $"/api/v1/customers/{i.Customer}/merge", (v, _) => new { mergedId = v.Customer });
        yield return ("POST", "/api/v1/customers/{customerId}/merge", (v, _) => $"/api/v1/customers/{v.Customer}/merge", (_, i) => new { mergedId = i.OtherCustomer });
        yield return ("GET", "/api/v1/customers/{customerId}/status-history", (v, _) => $"/api/v1/customers/{v.Customer}/status-history", (_, _) => null);
        yield return ("GET", "/api/v1/customers/{customerId}/notes", (v, _) => $"/api/v1/customers/{v.Customer}/notes", (_, _) => null);
        yield return ("POST", "/api/v1/customers/{customerId}/notes", (v, _) => $"/api/v1/customers/{v.Customer}/notes", (_, _) => new { content = "planted" });
        yield return ("GET", "/api/v1/customers/{customerId}/bookings", (v, _) => $"/api/v1/customers/{v.Customer}/bookings?when=all", (_, _) => null);
        yield return ("GET", "/api/v1/customers/{customerId}/balance", (v, _) => $"/api/v1/customers/{v.Customer}/balance", (_, _) => null);
        yield return ("GET", "/api/v1/customers/{customerId}/credit-ledger", (v, _) => $"/api/v1/customers/{v.Customer}/credit-ledger", (_, _) => null);
        yield return ("POST", "/api/v1/customers/{customerId}/memberships", (v, _) => $"/api/v1/customers/{v.Customer}/memberships", (_, i) => new { planId = i.Plan });
        yield return ("POST", "/api/v1/customers/{customerId}/memberships", (_, i) => $"/api/v1/customers/{i.Customer}/memberships", (v, _) => new { planId = v.Plan });
        yield return ("POST", "/api/v1/customers/{customerId}/packs", (v, _) => $"/api/v1/customers/{v.Customer}/packs", (_, i) => new { productId = i.PackProduct });
        yield return ("POST", "/api/v1/customers/{customerId}/packs", (_, i) => $"/api/v1/customers/{i.Customer}/packs", (v, _) => new { productId = v.PackProduct });
        yield return ("POST", "/api/v1/memberships/{membershipId}/pause", (v, _) => $"/api/v1/memberships/{v.Membership}/pause", (_, _) => null);
        yield return ("POST", "/api/v1/memberships/{membershipId}/resume", (v, _) => $"/api/v1/memberships/{v.Membership}/resume", (_, _) => null);
        yield return ("POST", "/api/v1/memberships/{membershipId}/cancel", (v, _) => $"/api/v1/memberships/{v.Membership}/cancel", (_, _) => null);
        yield return ("POST", "/api/v1/membership-plans", (_, _) => "/api/v1/membership-plans", (v, _) => new { name = "Stolen", allowancePeriod = "unlimited", classTypeIds = new[] { v.ClassType } });
        yield return ("POST", "/api/v1/pack-products", (_, _) => "/api/v1/pack-products", (v, _) => new { name = "Stolen", credits = 5, validityDays = 30, classTypeIds = new[] { v.ClassType } });
        yield return ("POST", "/api/v1/sessions", (_, _) => "/api/v1/sessions", (v, _) => new { classTypeId = v.ClassType, startsAt = "2026-06-10T10:00:00Z" });
        yield return ("POST", "/api/v1/sessions", (_, _) => "/api/v1/sessions", (v, i) => new { classTypeId = i.ClassType, startsAt = "2026-06-10T10:00:00Z", instructorId = v.Instructor });
        yield return ("POST", "/api/v1/sessions", (_, _) => "/api/v1/sessions", (v, i) => new { classTypeId = i.ClassType, startsAt = "2026-06-10T10:00:00Z", locationId = v.Location });
        yield return ("GET", "/api/v1/class-types/{classTypeId}", (v, _) => $"/api/v1/class-types/{v.ClassType}", (_, _) => null);
        yield return ("PATCH", "/api/v1/class-types/{classTypeId}", (v, _) => $"/api/v1/class-types/{v.ClassType}", (_, _) => new { name = "Hacked", isActive = false });
        yield return ("GET", "/api/v1/membership-plans/{planId}", (v, _) => $"/api/v1/membership-plans/{v.Plan}", (_, _) => null);
        yield return ("PATCH", "/api/v1/membership-plans/{planId}", (v, _) => $"/api/v1/membership-plans/{v.Plan}", (_, _) => new { name = "Hacked", isActive = false });
        yield return ("PATCH", "/api/v1/membership-plans/{planId}", (_, i) => $"/api/v1/membership-plans/{i.Plan}", (v, _) => new { classTypeIds = new[] { v.ClassType } });
        yield return ("GET", "/api/v1/pack-products/{productId}", (v, _) => $"/api/v1/pack-products/{v.PackProduct}", (_, _) => null);
        yield return ("PATCH", "/api/v1/pack-products/{productId}", (v, _) => $"/api/v1/pack-products/{v.PackProduct}", (_, _) => new { name = "Hacked", isActive = false });
        yield return ("PATCH", "/api/v1/pack-products/{productId}", (_, i) => $"/api/v1/pack-products/{i.PackProduct}", (v, _) => new { classTypeIds = new[] { v.ClassType } });
        yield return ("GET", "/api/v1/instructors/{instructorId}", (v, _) => $"/api/v1/instructors/{v.Instructor}", (_, _) => null);
        yield return ("PATCH", "/api/v1/instructors/{instructorId}", (v, _) => $"/api/v1/instructors/{v.Instructor}", (_, _) => new { name = "Hacked", isActive = false });
        yield return ("GET", "/api/v1/locations/{locationId}", (v, _) => $"/api/v1/locations/{v.Location}", (_, _) => null);
        yield return ("PATCH", "/api/v1/locations/{locationId}", (v, _) => $"/api/v1/locations/{v.Location}", (_, _) => new { name = "Hacked", isActive = false });
        yield return ("GET", "/api/v1/sessions/{sessionId}", (v, _) => $"/api/v1/sessions/{v.Session}", (_, _) => null);
        yield return ("PATCH", "/api/v1/sessions/{sessionId}", (v, _) => $"/api/v1/sessions/{v.Session}", (_, _) => new { capacity = 50 });
        yield return ("PATCH", "/api/v1/sessions/{sessionId}", (_, i) => $"/api/v1/sessions/{i.Session}", (v, _) => new { instructorId = v.Instructor });
        yield return ("PATCH", "/api/v1/sessions/{sessionId}", (_, i) => $"/api/v1/sessions/{i.Session}", (v, _) => new { locationId = v.Location });
        yield return ("POST", "/api/v1/sessions/{sessionId}/cancel", (v, _) => $"/api/v1/sessions/{v.Session}/cancel", (_, _) => null);
        yield return ("GET", "/api/v1/sessions/{sessionId}/roster", (v, _) => $"/api/v1/sessions/{v.Session}/roster", (_, _) => null);
        yield return ("POST", "/api/v1/bookings", (_, _) => "/api/v1/bookings", (v, i) => new { customerId = i.OtherCustomer, sessionId = v.Session });
        yield return ("POST", "/api/v1/bookings", (_, _) => "/api/v1/bookings", (v, i) => new { customerId = v.OtherCustomer, sessionId = i.Session });
        yield return ("POST", "/api/v1/bookings", (_, _) => "/api/v1/bookings", (v, i) => new { customerId = i.OtherCustomer, sessionId = i.Session, payment = new { method = "pack", id = v.Pack } });
        yield return ("POST", "/api/v1/bookings/batch", (_, _) => "/api/v1/bookings/batch", (v, i) => new { customerId = v.OtherCustomer, sessionIds = new[] { i.Session } });
        yield return ("POST", "/api/v1/bookings/recurring", (_, _) => "/api/v1/bookings/recurring", (v, i) => new
        {
            customerId = i.OtherCustomer, classTypeId = v.ClassType, weekdays = new[] { "monday" }, localTime = "18:00:00", fromDate = "2026-06-01", count = 2,
        });
        yield return ("POST", "/api/v1/bookings/eligibility", (_, _) => "/api/v1/bookings/eligibility", (v, i) => new { customerId = i.OtherCustomer, sessionId = v.Session });
        yield return ("GET", "/api/v1/bookings/{bookingId}", (v, _) => $"/api/v1/bookings/{v.Booking}", (_, _) => null);
        yield return ("POST", "/api/v1/bookings/{bookingId}/cancel", (v, _) => $"/api/v1/bookings/{v.Booking}/cancel", (_, _) => new { by = "staff", waiveLateFee = true });
        yield return ("POST", "/api/v1/bookings/{bookingId}/check-in", (v, _) => $"/api/v1/bookings/{v.Booking}/check-in", (_, _) => null);
        yield return ("POST", "/api/v1/bookings/{bookingId}/undo-check-in", (v, _) => $"/api/v1/bookings/{v.Booking}/undo-check-in", (_, _) => null);
        yield return ("POST", "/api/v1/bookings/{bookingId}/no-show", (v, _) => $"/api/v1/bookings/{v.Booking}/no-show", (_, _) => null);
        yield return ("GET", "/api/v1/webhook-subscriptions/{subscriptionId}", (v, _) => $"/api/v1/webhook-subscriptions/{v.WebhookSubscription}", (_, _) => null);
        yield return ("PATCH", "/api/v1/webhook-subscriptions/{subscriptionId}", (v, _) => $"/api/v1/webhook-subscriptions/{v.WebhookSubscription}", (_, _) => new { url = "http://127.0.0.1:9/hijacked", enabled = false });
        yield return ("DELETE", "/api/v1/webhook-subscriptions/{subscriptionId}", (v, _) => $"/api/v1/webhook-subscriptions/{v.WebhookSubscription}", (_, _) => null);
        yield return ("POST", "/api/v1/webhook-subscriptions/{subscriptionId}/rotate-secret", (v, _) => $"/api/v1/webhook-subscriptions/{v.WebhookSubscription}/rotate-secret", (_, _) => null);
        yield return ("GET", "/api/v1/webhook-subscriptions/{subscriptionId}/deliveries", (v, _) => $"/api/v1/webhook-subscriptions/{v.WebhookSubscription}/deliveries", (_, _) => null);
        yield return ("POST", "/api/v1/webhook-subscriptions/{subscriptionId}/deliveries/{deliveryId}/redeliver",
            (v, _) => $"/api/v1/webhook-subscriptions/{v.WebhookSubscription}/deliveries/{v.WebhookDelivery}/redeliver", (_, _) => null);
        yield return ("POST", "/api/v1/webhook-subscriptions/{subscriptionId}/deliveries/{deliveryId}/redeliver",
            (v, i) => $"/api/v1/webhook-subscriptions/{i.WebhookSubscription}/deliveries/{v.WebhookDelivery}/redeliver", (_, _) => null);
        yield return ("GET", "/api/v1/customers/{customerId}/export", (v, _) => $"/api/v1/customers/{v.Customer}/export", (_, _) => null);
        yield return ("POST", "/api/v1/customers/{customerId}/erase", (v, _) => $"/api/v1/customers/{v.Customer}/erase", (_, _) => null);
        yield return ("POST", "/api/v1/customers/{customerId}/access-tokens", (v, _) => $"/api/v1/customers/{v.Customer}/access-tokens", (_, _) => new { expiresInMinutes = 60 });
        yield return ("GET", "/api/v1/customers/{customerId}/access-tokens", (v, _) => $"/api/v1/customers/{v.Customer}/access-tokens", (_, _) => null);
        yield return ("POST", "/api/v1/customers/{customerId}/access-tokens/{tokenId}/revoke", (v, _) => $"/api/v1/customers/{v.Customer}/access-tokens/{v.AccessToken}/revoke", (_, _) => null);
        yield return ("POST", "/api/v1/customers/{customerId}/access-tokens/{tokenId}/revoke", (v, i) => $"/api/v1/customers/{i.Customer}/access-tokens/{v.AccessToken}/revoke", (_, _) => null);
    }

    /// <summary>Each /me endpoint, called with the intruder's customer token and the victim's ids.</summary>
    public static IEnumerable<(string Method, string Path, Func<StudioData, StudioData, string> Url, Func<StudioData, StudioData, object?> Body)> MemberCalls()
    {
        yield return ("GET", "/api/v1/me/bookings/{bookingId}", (v, _) => $"/api/v1/me/bookings/{v.Booking}", (_, _) => null);
        yield return ("POST", "/api/v1/me/bookings/{bookingId}/cancel", (v, _) => $"/api/v1/me/bookings/{v.Booking}/cancel", (_, _) => null);
        yield return ("POST", "/api/v1/me/bookings", (_, _) => "/api/v1/me/bookings", (v, _) => new { sessionId = v.Session });
        yield return ("POST", "/api/v1/me/bookings/eligibility", (_, _) => "/api/v1/me/bookings/eligibility", (v, _) => new { sessionId = v.Session });
    }

    /// <summary>Endpoints that name no id of another organization: lists (checked for leaks below) and organization-wide commands.</summary>
    private static readonly HashSet<string> WithoutForeignIds =
    [
        "GET /api/v1/customers", "POST /api/v1/customers", "GET /api/v1/customers/by-legacy-id/{legacyId}", "POST /api/v1/customers/recompute-lifecycles",
        "GET /api/v1/class-types", "POST /api/v1/class-types", "GET /api/v1/membership-plans", "GET /api/v1/pack-products", "GET /api/v1/sessions",
        "GET /api/v1/events", "GET /api/v1/webhook-subscriptions", "POST /api/v1/webhook-subscriptions", "GET /api/v1/bookings",
        "GET /api/v1/organization", "PUT /api/v1/organization",
        "GET /api/v1/me", "GET /api/v1/me/bookings", "GET /api/v1/me/balance", "GET /api/v1/me/credit-ledger", "POST /api/v1/me/sign-out",
        "GET /api/v1/instructors", "POST /api/v1/instructors", "GET /api/v1/locations", "POST /api/v1/locations",
    ];

    [Fact]
    public async Task EveryEndpointWithAnotherOrganizationsIds_Is404_ShowsNothing_AndChangesNothing()
    {
        var (victim, intruder) = (api.Victim, api.Intruder);
        var before = await Rows.FingerprintAsync(api.Database);
        var secrets = victim.Ids.Select(id => id.ToString()).Append(victim.Studio.Slug).ToList();

        var member = intruder.MemberClient();
        foreach (var (method, path, url, body, client) in Calls().Select(c => (c.Method, c.Path, c.Url, c.Body, intruder.Studio.Client))
                     .Concat(MemberCalls().Select(c => (c.Method, c.Path, c.Url, c.Body, member))))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url(victim, intruder));
            if (body(victim, intruder) is { } content) request.Content = System.Net.Http.Json.JsonContent.Create(content);
            var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();

            response.StatusCode.Should().Be(HttpStatusCode.NotFound, $"{method} {path} with another organization's ids answered {text}");
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            secrets.Should().NotContain(s => text.Contains(s, StringComparison.OrdinalIgnoreCase), $"{method} {path} must not show the other organization's data");
        }

        (await Rows.FingerprintAsync(api.Database)).Should().Be(before);
    }

    [Fact]
    public async Task Lists_ShowOnlyTheOrganizationsOwnRows()
    {
        var secrets = api.Victim.Ids.Select(id => id.ToString()).Append(api.Victim.Studio.Slug).ToList();

        foreach (var path in new[]
                 {
                     "/api/v1/customers", "/api/v1/customers?name=secret", "/api/v1/customers?email=secret", "/api/v1/class-types", "/api/v1/membership-plans",
                     "/api/v1/pack-products", "/api/v1/sessions?from=2026-05-25&to=2026-07-01",
                     "/api/v1/events", "/api/v1/webhook-subscriptions", "/api/v1/bookings?updatedSince=2000-01-01T00:00:00Z",
                     "/api/v1/customers?updatedSince=2000-01-01T00:00:00Z",
                     "/api/v1/organization",
                     "/api/v1/sessions", "/api/v1/instructors", "/api/v1/locations",
                     $"/api/v1/sessions?instructorId={api.Victim.Instructor}", $"/api/v1/sessions?locationId={api.Victim.Location}",
                     $"/api/v1/sessions?classTypeId={api.Victim.ClassType}&available=true",
                 })
        {
            var response = await api.Intruder.Studio.GetAsync(path);
            await response.ShouldBe(HttpStatusCode.OK);
            var text = await response.Content.ReadAsStringAsync();
            secrets.Should().NotContain(s => text.Contains(s, StringComparison.OrdinalIgnoreCase), path);
        }

        var member = api.Intruder.MemberClient();
        foreach (var path in new[] { "/api/v1/me", "/api/v1/me/bookings?when=all", "/api/v1/me/balance", "/api/v1/me/credit-ledger" })
        {
            var response = await member.GetAsync(path);
            await response.ShouldBe(HttpStatusCode.OK);
            var text = await response.Content.ReadAsStringAsync();
            secrets.Should().NotContain(s => text.Contains(s, StringComparison.OrdinalIgnoreCase), path);
        }
    }

    [Fact]
    public void TheSuite_CoversEveryStaffEndpoint()
    {
        var covered = Calls().Concat(MemberCalls()).Select(c => $"{c.Method} {c.Path}").Concat(WithoutForeignIds).ToHashSet();

        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1/", StringComparison.Ordinal) && !e.RoutePattern.RawText.StartsWith("/api/v1/public", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"));

        endpoints.Should().OnlyContain(e => covered.Contains(e), "a new endpoint needs its cross-tenant call in this suite");
    }
}
