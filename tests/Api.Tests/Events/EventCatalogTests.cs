using System.Net;
using System.Reflection;
using System.Text.Json;
using UnifiedCustomers.Api.Tests.Support;
using UnifiedCustomers.Application.Events;
using UnifiedCustomers.Testing;

namespace UnifiedCustomers.Api.Tests.Events;

/// <summary>Each event type is raised by the command that should raise it, in the same transaction, with the documented payload.</summary>
public sealed class EventCatalogTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task EveryEventType_IsRaisedByItsCommand_WithTheDocumentedEnvelopeAndData()
    {
        var studio = await api.StudioAsync();
        var s = studio;
        var a = await s.CustomerAsync("Ann", "Able", "ann@example.test");
        (await s.PutAsync($"/api/v1/customers/{a}", new { firstName = "Ann", lastName = "Able-Baker", email = "ann@example.test", phone = (string?)null })).StatusCode.Should().Be(HttpStatusCode.OK);
        var classType = await s.ClassTypeAsync("Spin");
        var s1 = await s.SessionAsync(classType, TimeSpan.FromDays(2), capacity: 1);
        var onePass = (await s.CreatedAsync("/api/v1/pack-products", new { name = "One Pass", credits = 1, validityDays = 90 })).Id();
        var pack = (await s.CreatedAsync($"/api/v1/customers/{a}/packs", new { productId = onePass })).Id();
        var bookingA = await s.BookingAsync(a, s1);
        var b = await s.CustomerAsync("Ben", "Best");
        var bookingB = (await s.CreatedAsync("/api/v1/bookings", new { customerId = b, sessionId = s1, joinWaitlistIfFull = true })).Id();
        await (await s.PostAsync($"/api/v1/bookings/{bookingA}/cancel", new { by = "staff" })).ShouldBe(HttpStatusCode.OK);

        var c = await s.CustomerAsync("Cat", "Cole");
        var s2 = await s.SessionAsync(classType, TimeSpan.FromHours(3));
        var late = await s.BookingAsync(c, s2);
        await (await s.PostAsync($"/api/v1/bookings/{late}/cancel", new { by = "customer" })).ShouldBe(HttpStatusCode.OK);
        var s3 = await s.SessionAsync(classType, TimeSpan.FromMinutes(10));
        var attended = await s.BookingAsync(c, s3);
        await (await s.PostAsync($"/api/v1/bookings/{attended}/check-in", null)).ShouldBe(HttpStatusCode.OK);
        await (await s.PostAsync($"/api/v1/bookings/{attended}/undo-check-in", null)).ShouldBe(HttpStatusCode.OK);
        var s4 = await s.SessionAsync(classType, TimeSpan.FromMinutes(20));
        var missed = await s.BookingAsync(b, s4);
        await (await s.PatchAsync($"/api/v1/sessions/{s4}", new { startsAt = api.Clock.GetUtcNow().AddMinutes(25) })).ShouldBe(HttpStatusCode.OK);
        var s5 = await s.SessionAsync(classType, TimeSpan.FromDays(2));
        var cancelledWithClass = await s.BookingAsync(c, s5);
        await (await s.PatchAsync($"/api/v1/sessions/{s5}", new { capacity = 5 })).ShouldBe(HttpStatusCode.OK);
        await (await s.PostAsync($"/api/v1/sessions/{s5}/cancel", null)).ShouldBe(HttpStatusCode.OK);
        api.Clock.Advance(TimeSpan.FromMinutes(30));
        await (await s.PostAsync($"/api/v1/bookings/{missed}/no-show", null)).ShouldBe(HttpStatusCode.OK);

        var plan = (await s.CreatedAsync("/api/v1/membership-plans", new { name = "Unlimited", allowancePeriod = "unlimited" })).Id();
        var membership = (await s.CreatedAsync($"/api/v1/customers/{b}/memberships", new { planId = plan })).Id();
        await (await s.PostAsync($"/api/v1/memberships/{membership}/pause", new { })).ShouldBe(HttpStatusCode.OK);
        await (await s.PostAsync($"/api/v1/memberships/{membership}/resume", new { })).ShouldBe(HttpStatusCode.OK);
        await (await s.PostAsync($"/api/v1/memberships/{membership}/cancel", new { })).ShouldBe(HttpStatusCode.OK);
        var ended = (await s.CreatedAsync($"/api/v1/customers/{c}/memberships", new { planId = plan, startDate = "2026-05-01", endDate = "2026-05-20" })).Id();
        var d = await s.CustomerAsync("Dee", "Dunn");
        var dayPass = (await s.CreatedAsync("/api/v1/pack-products", new { name = "Day Pass", credits = 3, validityDays = 1 })).Id();
        var expiring = (await s.CreatedAsync($"/api/v1/customers/{d}/packs", new { productId = dayPass })).Id();
        api.Clock.Advance(TimeSpan.FromDays(2));
        await (await s.PostAsync("/api/v1/customers/recompute-lifecycles", null)).ShouldBe(HttpStatusCode.OK);
        await (await s.PostAsync($"/api/v1/customers/{d}/archive", new { reason = "moved away" })).ShouldBe(HttpStatusCode.OK);
        await (await s.PostAsync($"/api/v1/customers/{d}/restore", null)).ShouldBe(HttpStatusCode.OK);
        var e = await s.CustomerAsync("Ann", "Able (duplicate)");
        await (await s.PostAsync($"/api/v1/customers/{a}/merge", new { mergedId = e })).ShouldBe(HttpStatusCode.OK);

        await api.PublishAsync();
        var (events, _) = await s.ReadAllAsync();

        var expected = EventCatalog.Types.Select(t => t.Name).Where(t => t != "webhook_subscription.disabled");
        events.Select(ev => ev.Str("type")).Distinct().Should().BeEquivalentTo(expected);
        foreach (var ev in events)
        {
            ev.EnumerateObject().Select(p => p.Name).Should().Equal("id", "type", "occurredAt", "organizationId", "data");
            ev.GetProperty("organizationId").GetGuid().Should().Be(studio.Id);
            var type = EventCatalog.Types.Single(t => t.Name == ev.Str("type"));
            ev.GetProperty("data").EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(JsonNames(type.DataType), type.Name);
        }
        events.Select(ev => ev.Id()).Should().OnlyHaveUniqueItems();

        JsonElement One(string type, Guid subject) =>
            events.Single(ev => ev.Str("type") == type && Subject(ev) == subject);
        One("customer.created", a).GetProperty("data").Str("email").Should().Be("ann@example.test");
        One("customer.updated", a).GetProperty("data").Str("lastName").Should().Be("Able-Baker");
        var becameMember = events.First(ev => ev.Str("type") == "customer.lifecycle_changed" && Subject(ev) == a).GetProperty("data");
        (becameMember.Str("from"), becameMember.Str("to")).Should().Be(("lead", "member"));
        becameMember.Str("cause").Should().NotBeNullOrEmpty();
        One("pack.sold", pack).GetProperty("data").GetProperty("creditsRemaining").GetInt32().Should().Be(1);
        One("pack.exhausted", pack).GetProperty("data").GetProperty("creditsRemaining").GetInt32().Should().Be(0);
        One("pack.replenished", pack).GetProperty("data").GetProperty("creditsRemaining").GetInt32().Should().Be(1);
        One("booking.confirmed", bookingA).GetProperty("data").Str("paymentMethod").Should().Be("pack");
        One("booking.waitlisted", bookingB).GetProperty("data").GetProperty("waitlistPosition").GetInt32().Should().Be(1);
        One("booking.cancelled", bookingA).GetProperty("data").Str("status").Should().Be("cancelled");
        One("booking.promoted", bookingB).GetProperty("data").Str("status").Should().Be("confirmed");
        One("booking.late_cancelled", late).GetProperty("data").Str("status").Should().Be("late_cancelled");
        One("booking.checked_in", attended).GetProperty("data").Str("status").Should().Be("attended");
        One("booking.check_in_undone", attended).GetProperty("data").Str("status").Should().Be("confirmed");
        One("booking.no_show", missed).GetProperty("data").Str("status").Should().Be("no_show");
        One("session.scheduled", s1).GetProperty("data").GetProperty("capacity").GetInt32().Should().Be(1);
        One("session.cancelled", s5).GetProperty("data").Str("status").Should().Be("cancelled");
        One("session.updated", s5).GetProperty("data").GetProperty("capacity").GetInt32().Should().Be(5);
        One("session.rescheduled", s4).GetProperty("data").GetProperty("seatsTaken").GetInt32().Should().Be(1);
        One("booking.cancelled", cancelledWithClass).GetProperty("data").Str("status").Should().Be("cancelled");
        One("membership.sold", membership).GetProperty("data").Str("allowancePeriod").Should().Be("unlimited");
        One("membership.paused", membership).GetProperty("data").Str("status").Should().Be("paused");
        One("membership.resumed", membership).GetProperty("data").Str("status").Should().Be("active");
        One("membership.cancelled", membership).GetProperty("data").Str("status").Should().Be("cancelled");
        One("membership.expired", ended).GetProperty("data").Str("status").Should().Be("expired");
        One("pack.expired", expiring).GetProperty("data").GetProperty("creditsRemaining").GetInt32().Should().Be(3);
        One("customer.archived", d).GetProperty("data").Str("status").Should().Be("archived");
        One("customer.restored", d).GetProperty("data").Str("status").Should().NotBe("archived");
        One("customer.merged", a).GetProperty("data").GetProperty("mergedCustomerId").GetGuid().Should().Be(e);

        // Within a transaction, raised order; across them, commit order: the booking comes before its cancellation, which comes before the promotion.
        var order = events.Select(ev => (ev.Str("type"), Subject(ev))).ToList();
        order.IndexOf(("booking.confirmed", bookingA)).Should().BeLessThan(order.IndexOf(("booking.cancelled", bookingA)));
        order.IndexOf(("booking.cancelled", bookingA)).Should().BeLessThan(order.IndexOf(("booking.promoted", bookingB)));
    }

    [Fact]
    public async Task ARefusedOrRolledBackCommand_PublishesNothing()
    {
        var studio = await api.StudioAsync();
        var classType = await studio.ClassTypeAsync("Yoga");
        var session = await studio.SessionAsync(classType, TimeSpan.FromDays(1), capacity: 1);
        var first = await studio.CustomerAsync("First", "In", "first@example.test");
        await studio.BookingAsync(first, session);
        var second = await studio.CustomerAsync("Second", "Late");
        await api.PublishAsync();
        var (before, cursor) = await studio.ReadAllAsync();
        var rowsBefore = (await Rows.CountAsync(api.Database))["events"];

        // Refused by the domain (class full): the handler's entities raised nothing that survives.
        await (await studio.PostAsync("/api/v1/bookings", new { customerId = second, sessionId = session })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "session.full");
        // Refused by the database at save (the email's unique index): the outbox rows were in that same save, and rolled back with it.
        await (await studio.PostAsync("/api/v1/customers", new { firstName = "Copy", lastName = "Cat", email = "first@example.test" })).ShouldBeProblem(HttpStatusCode.Conflict, "customer.email_taken");

        await api.PublishAsync();
        (await Rows.CountAsync(api.Database))["events"].Should().Be(rowsBefore);
        (await studio.ReadAllAsync(cursor)).Events.Should().BeEmpty();
        before.Should().NotBeEmpty();
    }

    [Fact]
    public async Task TheFeed_FiltersByType_PagesWithTheCursor_AndRefusesBadParameters()
    {
        var studio = await api.StudioAsync();
        for (var i = 0; i < 5; i++) await studio.CustomerAsync("Page", $"Person {i}");
        await studio.ClassTypeAsync("Barre");
        await api.PublishAsync();

        var (all, next) = await studio.ReadAllAsync(limit: 2);
        all.Should().HaveCount(5);
        all.Should().OnlyContain(ev => ev.Str("type") == "customer.created");
        (await studio.PageAsync($"?after={next}")).GetProperty("items").GetArrayLength().Should().Be(0);
        (await studio.PageAsync($"?after={next}")).Str("next").Should().Be(next);
        (await studio.ReadAllAsync(types: "booking.confirmed,session.scheduled")).Events.Should().BeEmpty();

        foreach (var bad in new[] { "?after=abc", "?after=-1", "?types=customer.exploded", "?limit=0", "?limit=1001" })
        {
            var problem = await (await studio.GetAsync("/api/v1/events" + bad)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation.failed");
            problem.GetProperty("errors").EnumerateObject().Should().NotBeEmpty(bad);
        }
    }

    private static Guid Subject(JsonElement ev)
    {
        var data = ev.GetProperty("data");
        if (data.TryGetProperty("customer", out var customer)) return customer.Id();
        return data.TryGetProperty("session", out var session) ? session.Id() : data.Id();
    }

    private static IEnumerable<string> JsonNames(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));
}
