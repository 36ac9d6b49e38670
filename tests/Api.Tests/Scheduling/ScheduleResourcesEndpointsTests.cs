using System.Net;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Scheduling;

/// <summary>Instructors and locations: created, listed, renamed, deactivated (never deleted), and what that means for sessions.</summary>
public sealed class ScheduleResourcesEndpointsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("instructors")]
    [InlineData("locations")]
    public async Task Create_Get_List_Rename_Deactivate(string resource)
    {
        var studio = await api.StudioAsync();

        var created = await studio.PostAsync($"/api/v1/{resource}", new { name = "  Zoe  " });
        await created.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).Id();
        created.Headers.Location!.ToString().Should().Be($"/api/v1/{resource}/{id}");
        await studio.PostAsync($"/api/v1/{resource}", new { name = "Ann" });
        var renamed = await studio.PatchAsync($"/api/v1/{resource}/{id}", new { name = "Zoë" });
        var deactivated = await studio.PatchAsync($"/api/v1/{resource}/{id}", new { isActive = false });
        var one = await (await studio.GetAsync($"/api/v1/{resource}/{id}")).JsonAsync();
        var list = await (await studio.GetAsync($"/api/v1/{resource}")).JsonAsync();

        await renamed.ShouldBe(HttpStatusCode.OK);
        (await deactivated.JsonAsync()).GetProperty("isActive").GetBoolean().Should().BeFalse();
        (one.Str("name"), one.GetProperty("isActive").GetBoolean()).Should().Be(("Zoë", false));
        list.EnumerateArray().Select(e => e.Str("name")).Should().Equal("Ann", "Zoë");
        await using var db = api.Database.CreateDbContext();
        var (name, active) = resource == "instructors"
            ? await db.Instructors.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.Name, i.IsActive }).SingleAsync() is var i ? (i.Name, i.IsActive) : default
            : await db.Locations.AsNoTracking().Where(l => l.Id == id).Select(l => new { l.Name, l.IsActive }).SingleAsync() is var l ? (l.Name, l.IsActive) : default;
        (name, active).Should().Be(("Zoë", false));
    }

    [Theory]
    [InlineData("instructors", "instructor")]
    [InlineData("locations", "location")]
    public async Task DuplicateName_Is409_BlankIs400_UnknownIs404(string resource, string code)
    {
        var studio = await api.StudioAsync();
        var first = (await studio.CreatedAsync($"/api/v1/{resource}", new { name = "Rosa" })).Id();
        var second = (await studio.CreatedAsync($"/api/v1/{resource}", new { name = "Theo" })).Id();

        await (await studio.PostAsync($"/api/v1/{resource}", new { name = "Rosa" })).ShouldBeProblem(HttpStatusCode.Conflict, $"{code}.name_taken");
        await (await studio.PatchAsync($"/api/v1/{resource}/{second}", new { name = "Rosa" })).ShouldBeProblem(HttpStatusCode.Conflict, $"{code}.name_taken");
        await (await studio.PostAsync($"/api/v1/{resource}", new { name = " " })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation.failed");
        await (await studio.PatchAsync($"/api/v1/{resource}/{first}", """{"name":null}""")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation.failed");
        await (await studio.GetAsync($"/api/v1/{resource}/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound, $"{code}.not_found");
        await (await studio.PatchAsync($"/api/v1/{resource}/{Guid.NewGuid()}", new { isActive = true })).ShouldBeProblem(HttpStatusCode.NotFound, $"{code}.not_found");

        await using var db = api.Database.CreateDbContext();
        var names = resource == "instructors"
            ? await db.Instructors.AsNoTracking().Where(i => i.OrganizationId == studio.Id).Select(i => i.Name).ToListAsync()
            : await db.Locations.AsNoTracking().Where(l => l.OrganizationId == studio.Id).Select(l => l.Name).ToListAsync();
        names.Should().BeEquivalentTo("Rosa", "Theo");
    }

    [Fact]
    public async Task Deactivated_CannotBeGivenNewSessions_ButItsSessionsKeepItAndStayBookable()
    {
        var studio = await api.StudioAsync();
        var yoga = await studio.ClassTypeAsync();
        var rosa = await studio.InstructorAsync("Rosa");
        var room = await studio.LocationAsync("Studio 1");
        var start = api.Clock.GetUtcNow().AddDays(2);
        var session = (await studio.CreatedAsync("/api/v1/sessions", new { classTypeId = yoga, startsAt = start, instructorId = rosa, locationId = room })).Id();
        await studio.PatchAsync($"/api/v1/instructors/{rosa}", new { isActive = false });
        await studio.PatchAsync($"/api/v1/locations/{room}", new { isActive = false });

        await (await studio.PostAsync("/api/v1/sessions", new { classTypeId = yoga, startsAt = start.AddDays(1), instructorId = rosa }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "instructor.inactive");
        await (await studio.PostAsync("/api/v1/sessions", new { classTypeId = yoga, startsAt = start.AddDays(1), locationId = room }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "location.inactive");
        await studio.BookingAsync(await studio.CustomerAsync(), session);
        var shown = await (await studio.GetAsync($"/api/v1/sessions/{session}")).JsonAsync();

        (shown.Str("instructor"), shown.Str("location"), shown.GetProperty("booked").GetInt32()).Should().Be(("Rosa", "Studio 1", 1));
        await using var db = api.Database.CreateDbContext();
        (await db.ClassSessions.AsNoTracking().CountAsync(s => s.OrganizationId == studio.Id)).Should().Be(1);
    }
}
