using System.Net;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Api.Tests.Support;
using UnifiedCustomers.Domain.Memberships;

namespace UnifiedCustomers.Api.Tests.Errors;

/// <summary>
/// Issue #15: the request validators check only the shape of a request; the domain's rules answer with
/// the domain's codes and the field at fault, and nothing is written.
/// </summary>
public sealed class DomainCodesOverHttpTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Customer_NameAndEmail_AreTheDomainsCodes_OnRegisterUpdateAndPatch()
    {
        var studio = await api.StudioAsync();
        var id = (await studio.CreatedAsync("/api/v1/customers", new { firstName = "Amy", lastName = "Archer", email = "amy@example.test" })).Id();

        var nameless = await studio.PostAsync("/api/v1/customers", new { firstName = " ", lastName = "", email = "nameless@example.test" });
        var putNameless = await studio.PutAsync($"/api/v1/customers/{id}", new { firstName = "", lastName = "", email = "amy@example.test", phone = (string?)null });
        var putBadEmail = await studio.PutAsync($"/api/v1/customers/{id}", new { firstName = "Amy", lastName = "Archer", email = "amy@", phone = (string?)null });
        var patchBadEmail = await studio.PatchAsync($"/api/v1/customers/{id}", """{"email":"two@at@example.test"}""");

        await Field(nameless, "customer.name_required", "firstName");
        await Field(putNameless, "customer.name_required", "firstName");
        await Field(putBadEmail, "customer.email_invalid", "email");
        await Field(patchBadEmail, "customer.email_invalid", "email");
        await using var db = api.Database.CreateDbContext();
        (await db.Customers.Where(c => c.OrganizationId == studio.Id).Select(c => new { c.FirstName, c.Email }).ToListAsync())
            .Should().ContainSingle().Which.Should().Be(new { FirstName = "Amy", Email = (string?)"amy@example.test" });
    }

    [Fact]
    public async Task Customer_LengthsStayTheShapesToCheck_WithTheValueTypesLimits()
    {
        var studio = await api.StudioAsync();

        var longName = await studio.PostAsync("/api/v1/customers", new { firstName = new string('a', 101), lastName = "Archer" });
        var longSource = await studio.PostAsync("/api/v1/customers", new { firstName = "Amy", lastName = "Archer", source = new string('s', 51) });

        await Field(longName, "validation.failed", "firstName");
        await Field(longSource, "validation.failed", "source");
    }

    [Fact]
    public async Task Session_TimesAndCapacity_AreTheDomainsCodes_OnScheduleAndEdit()
    {
        var studio = await api.StudioAsync();
        var yoga = await studio.ClassTypeAsync();
        var session = await studio.SessionAsync(yoga, TimeSpan.FromDays(3));
        var startsAt = api.Clock.GetUtcNow().AddDays(5);

        var noSeats = await studio.PostAsync("/api/v1/sessions", new { classTypeId = yoga, startsAt, capacity = 0 });
        var tooMany = await studio.PostAsync("/api/v1/sessions", new { classTypeId = yoga, startsAt, capacity = 100_000 });
        var tooLong = await studio.PostAsync("/api/v1/sessions", new { classTypeId = yoga, startsAt, endsAt = startsAt.AddHours(25) });
        var editNoSeats = await studio.PatchAsync($"/api/v1/sessions/{session}", new { capacity = 0 });

        await Field(noSeats, "session.capacity_invalid", "capacity");
        await Field(tooMany, "session.capacity_invalid", "capacity");
        await Field(tooLong, "session.times_invalid", "endsAt");
        await Field(editNoSeats, "session.capacity_invalid", "capacity");
        await using var db = api.Database.CreateDbContext();
        (await db.ClassSessions.Where(s => s.OrganizationId == studio.Id).Select(s => s.Capacity).ToListAsync()).Should().Equal(12);
    }

    [Fact]
    public async Task Catalog_RangesAreTheAggregatesCodes()
    {
        var studio = await api.StudioAsync();

        var noCredits = await studio.PostAsync("/api/v1/pack-products", new { name = "Empty", credits = 0, validityDays = 30 });
        var weeklyWithout = await studio.PostAsync("/api/v1/membership-plans", new { name = "Weekly", allowancePeriod = "week" });
        var unlimitedWithCount = await studio.PostAsync("/api/v1/membership-plans", new { name = "All you can", allowancePeriod = "unlimited", allowanceClasses = 5 });
        var weekly = (await studio.CreatedAsync("/api/v1/membership-plans", new { name = "Twice", allowancePeriod = "week", allowanceClasses = 2 })).Id();
        var turnedUnlimitedWithCount = await studio.PatchAsync($"/api/v1/membership-plans/{weekly}", new { allowancePeriod = "unlimited", allowanceClasses = 3 });
        var tooLong = await studio.PostAsync("/api/v1/class-types", new { name = "Marathon", defaultCapacity = 10, defaultDurationMinutes = 24 * 60 + 1 });

        await Field(noCredits, "pack_product.invalid", "credits");
        await Field(weeklyWithout, "membership_plan.allowance_invalid", "allowanceClasses");
        await Field(unlimitedWithCount, "membership_plan.allowance_invalid", "allowanceClasses");
        await Field(turnedUnlimitedWithCount, "membership_plan.allowance_invalid", "allowanceClasses");
        await Field(tooLong, "class_type.duration_invalid", "defaultDurationMinutes");
        await using var db = api.Database.CreateDbContext();
        (await db.PackProducts.CountAsync(p => p.OrganizationId == studio.Id)).Should().Be(0);
        (await db.MembershipPlans.Where(p => p.OrganizationId == studio.Id).Select(p => p.Allowance).ToListAsync())
            .Should().Equal(new Allowance(AllowancePeriod.Week, 2));
    }

    // The validators answered validation.failed first, so these documented codes never reached a client.
    [Fact]
    public async Task MembershipAndRecurringDates_AreTheDomainsCodes()
    {
        var studio = await api.StudioAsync();
        var amy = await studio.CustomerAsync();
        var yoga = await studio.ClassTypeAsync();
        var plan = (await studio.CreatedAsync("/api/v1/membership-plans", new { name = "Unlimited", allowancePeriod = "unlimited" })).Id();
        var membership = await studio.MembershipAsync(amy);

        var pause = await studio.PostAsync($"/api/v1/memberships/{membership}/pause", new { from = "2026-07-10", until = "2026-07-01" });
        var sell = await studio.PostAsync($"/api/v1/customers/{amy}/memberships", new { planId = plan, startDate = "2026-06-10", endDate = "2026-06-01" });
        var range = await studio.PostAsync("/api/v1/bookings/recurring",
            new { customerId = amy, classTypeId = yoga, weekdays = new[] { "monday" }, localTime = "09:00", fromDate = "2026-06-10", untilDate = "2026-06-01" });
        var noEnd = await studio.PostAsync("/api/v1/bookings/recurring",
            new { customerId = amy, classTypeId = yoga, weekdays = new[] { "monday" }, localTime = "09:00", fromDate = "2026-06-01" });
        var noDays = await studio.PostAsync("/api/v1/bookings/recurring",
            new { customerId = amy, classTypeId = yoga, weekdays = Array.Empty<string>(), localTime = "09:00", fromDate = "2026-06-01", count = 2 });

        await Field(pause, "membership.pause_invalid", "until");
        await Field(sell, "membership.dates_invalid", "endDate");
        await Field(range, "recurring.range_invalid", "untilDate");
        await Field(noEnd, "recurring.end_required", "untilDate");
        await Field(noDays, "recurring.weekdays_required", "weekdays");
        await using var db = api.Database.CreateDbContext();
        (await db.Memberships.CountAsync(m => m.CustomerId == amy)).Should().Be(1);
        (await db.StandingBookings.CountAsync(b => b.CustomerId == amy)).Should().Be(0);
    }

    private static async Task Field(HttpResponseMessage response, string code, string field) =>
        (await response.ShouldBeProblem(HttpStatusCode.BadRequest, code)).GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue($"{code} names {field}");
}
