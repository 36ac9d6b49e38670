using System.Net;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Api.Tests.Support;
using UnifiedCustomers.Domain.Memberships;

namespace UnifiedCustomers.Api.Tests.Catalog;

/// <summary>Class types, plans and pack products renamed, changed where safe, deactivated (never deleted).</summary>
public sealed class CatalogEditingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ClassType_RenamedAndNewDefaults_ApplyToNewSessionsOnly_Deactivated_NoNewSession_ButOldOnesStayBookable()
    {
        var studio = await api.StudioAsync();
        var type = await studio.ClassTypeAsync("Yoga", capacity: 12);
        var before = await studio.SessionAsync(type, TimeSpan.FromDays(2), capacity: 12);

        var edited = await studio.PatchAsync($"/api/v1/class-types/{type}", new { name = "Yin Yoga", defaultCapacity = 6, defaultDurationMinutes = 75 });
        var after = await studio.CreatedAsync("/api/v1/sessions", new { classTypeId = type, startsAt = api.Clock.GetUtcNow().AddDays(3) });
        var deactivated = await studio.PatchAsync($"/api/v1/class-types/{type}", new { isActive = false });
        var refused = await studio.PostAsync("/api/v1/sessions", new { classTypeId = type, startsAt = api.Clock.GetUtcNow().AddDays(4) });
        await studio.BookingAsync(await studio.CustomerAsync(), before);

        await edited.ShouldBe(HttpStatusCode.OK);
        (await edited.JsonAsync()).Str("name").Should().Be("Yin Yoga");
        (after.GetProperty("capacity").GetInt32(), after.Str("className")).Should().Be((6, "Yin Yoga"));
        (after.GetProperty("endsAtUtc").GetDateTimeOffset() - after.GetProperty("startsAtUtc").GetDateTimeOffset()).Should().Be(TimeSpan.FromMinutes(75));
        (await deactivated.JsonAsync()).GetProperty("isActive").GetBoolean().Should().BeFalse();
        await refused.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "class_type.inactive");
        (await (await studio.GetAsync($"/api/v1/class-types/{type}")).JsonAsync()).GetProperty("isActive").GetBoolean().Should().BeFalse();
        await using var db = api.Database.CreateDbContext();
        var stored = await db.ClassTypes.AsNoTracking().SingleAsync(t => t.Id == type);
        (stored.Name, stored.DefaultCapacity, stored.DefaultDurationMinutes, stored.IsActive).Should().Be(("Yin Yoga", 6, 75, false));
        (await db.ClassSessions.AsNoTracking().SingleAsync(s => s.Id == before)).Capacity.Should().Be(12);
    }

    [Fact]
    public async Task Plan_TermsChangeUntilSold_ThenOnlyNameAndActive_Deactivated_IsNotSold_ButSoldMembershipsKeepWorking()
    {
        var studio = await api.StudioAsync();
        var yoga = await studio.ClassTypeAsync("Yoga");
        var plan = (await studio.CreatedAsync("/api/v1/membership-plans", new { name = "Twice Weekly", allowancePeriod = "week", allowanceClasses = 2 })).Id();

        var unsold = await studio.PatchAsync($"/api/v1/membership-plans/{plan}", new { allowanceClasses = 3, classTypeIds = new[] { yoga } });
        var member = await studio.CustomerAsync("Mo");
        await studio.CreatedAsync($"/api/v1/customers/{member}/memberships", new { planId = plan, startDate = "2026-05-01" });
        var locked = await studio.PatchAsync($"/api/v1/membership-plans/{plan}", new { allowancePeriod = "unlimited" });
        var sameTerms = await studio.PatchAsync($"/api/v1/membership-plans/{plan}", new { name = "Three a Week", allowanceClasses = 3, isActive = false });
        var sale = await studio.PostAsync($"/api/v1/customers/{await studio.CustomerAsync("Late")}/memberships", new { planId = plan });
        var booking = await studio.PostAsync("/api/v1/bookings", new { customerId = member, sessionId = await studio.SessionAsync(yoga, TimeSpan.FromDays(1)) });

        (await unsold.JsonAsync()).GetProperty("allowanceClasses").GetInt32().Should().Be(3);
        await locked.ShouldBeProblem(HttpStatusCode.Conflict, "membership_plan.terms_locked");
        await sameTerms.ShouldBe(HttpStatusCode.OK);
        await sale.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "membership_plan.inactive");
        await booking.ShouldBe(HttpStatusCode.Created);
        (await booking.JsonAsync()).Str("paymentMethod").Should().Be("membership");
        await using var db = api.Database.CreateDbContext();
        var stored = await db.MembershipPlans.AsNoTracking().SingleAsync(p => p.Id == plan);
        (stored.Name, stored.Allowance, stored.IsActive).Should().Be(("Three a Week", new Allowance(AllowancePeriod.Week, 3), false));
        stored.ClassTypeIds.Should().Equal(yoga);
        (await db.Memberships.AsNoTracking().CountAsync(m => m.PlanId == plan)).Should().Be(1);
    }

    [Fact]
    public async Task PackProduct_TermsLockedOnceSold_Deactivated_IsNotSold_Reactivated_IsSoldAgain()
    {
        var studio = await api.StudioAsync();
        var product = (await studio.CreatedAsync("/api/v1/pack-products", new { name = "Ten", credits = 10, validityDays = 90 })).Id();
        var unsold = await studio.PatchAsync($"/api/v1/pack-products/{product}", new { credits = 8, validityDays = 60 });
        await studio.CreatedAsync($"/api/v1/customers/{await studio.CustomerAsync("Pia")}/packs", new { productId = product });

        var locked = await studio.PatchAsync($"/api/v1/pack-products/{product}", new { credits = 5 });
        await studio.PatchAsync($"/api/v1/pack-products/{product}", new { isActive = false });
        var refused = await studio.PostAsync($"/api/v1/customers/{await studio.CustomerAsync("Quinn")}/packs", new { productId = product });
        await studio.PatchAsync($"/api/v1/pack-products/{product}", new { isActive = true });
        var sold = await studio.PostAsync($"/api/v1/customers/{await studio.CustomerAsync("Ray")}/packs", new { productId = product });

        (await unsold.JsonAsync()).GetProperty("credits").GetInt32().Should().Be(8);
        await locked.ShouldBeProblem(HttpStatusCode.Conflict, "pack_product.terms_locked");
        await refused.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "pack_product.inactive");
        await sold.ShouldBe(HttpStatusCode.Created);
        await using var db = api.Database.CreateDbContext();
        (await db.ClassPacks.AsNoTracking().Where(p => p.ProductId == product).Select(p => p.CreditsTotal).ToListAsync()).Should().Equal(8, 8);
    }

    [Fact]
    public async Task Patches_OfUnknownIds_Are404_AndBadValues_Are400NamingTheField()
    {
        var studio = await api.StudioAsync();
        var type = await studio.ClassTypeAsync();
        var plan = (await studio.CreatedAsync("/api/v1/membership-plans", new { name = "Unlimited", allowancePeriod = "unlimited" })).Id();

        await (await studio.PatchAsync($"/api/v1/class-types/{Guid.NewGuid()}", new { name = "X" })).ShouldBeProblem(HttpStatusCode.NotFound, "class_type.not_found");
        await (await studio.PatchAsync($"/api/v1/membership-plans/{Guid.NewGuid()}", new { name = "X" })).ShouldBeProblem(HttpStatusCode.NotFound, "membership_plan.not_found");
        await (await studio.PatchAsync($"/api/v1/pack-products/{Guid.NewGuid()}", new { name = "X" })).ShouldBeProblem(HttpStatusCode.NotFound, "pack_product.not_found");
        await (await studio.GetAsync($"/api/v1/membership-plans/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound, "membership_plan.not_found");
        // Issue #15: was validation.failed; ClassType owns the range.
        (await (await studio.PatchAsync($"/api/v1/class-types/{type}", new { defaultCapacity = 0 }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "class_type.capacity_invalid")).GetProperty("errors").TryGetProperty("defaultCapacity", out _).Should().BeTrue();
        (await (await studio.PatchAsync($"/api/v1/membership-plans/{plan}", new { allowanceClasses = 4 }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "membership_plan.allowance_invalid")).Should().NotBeNull();
        (await (await studio.PatchAsync($"/api/v1/membership-plans/{plan}", new { allowancePeriod = "month" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "membership_plan.allowance_invalid")).Should().NotBeNull();
        await (await studio.PatchAsync($"/api/v1/membership-plans/{plan}", new { classTypeIds = new[] { Guid.NewGuid() } }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "class_type.not_found");
        await (await studio.PatchAsync($"/api/v1/class-types/{type}", """{"isActive":null}""")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation.failed");

        await using var db = api.Database.CreateDbContext();
        (await db.MembershipPlans.AsNoTracking().SingleAsync(p => p.Id == plan)).Allowance.Should().Be(Allowance.Unlimited);
    }
}
