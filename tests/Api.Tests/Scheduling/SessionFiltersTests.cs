using System.Net;
using System.Text.Json;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Scheduling;

/// <summary>The staff timetable and the public schedule, filtered; the default range; the public one shows only what has not started.</summary>
public sealed class SessionFiltersTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private sealed record Timetable(TestStudio Studio, Guid Yoga, Guid Hiit, Guid Rosa, Guid Theo, Guid Room, Guid RosaYoga, Guid TheoHiitFull, Guid TheoYogaInRoom, Guid NextMonth);

    private async Task<Timetable> ArrangeAsync()
    {
        var studio = await api.StudioAsync();
        var yoga = await studio.ClassTypeAsync("Yoga");
        var hiit = await studio.ClassTypeAsync("HIIT");
        var rosa = await studio.InstructorAsync("Rosa");
        var theo = await studio.InstructorAsync("Theo");
        var room = await studio.LocationAsync("Room");
        var now = api.Clock.GetUtcNow();
        async Task<Guid> Schedule(Guid type, TimeSpan fromNow, Guid? instructor, Guid? location, int capacity = 5) =>
            (await studio.CreatedAsync("/api/v1/sessions", new { classTypeId = type, startsAt = now + fromNow, capacity, instructorId = instructor, locationId = location })).Id();
        var rosaYoga = await Schedule(yoga, TimeSpan.FromDays(1), rosa, null);
        var theoHiitFull = await Schedule(hiit, TimeSpan.FromDays(2), theo, null, capacity: 1);
        await studio.BookingAsync(await studio.CustomerAsync(), theoHiitFull);
        var theoYogaInRoom = await Schedule(yoga, TimeSpan.FromDays(3), theo, room);
        var nextMonth = await Schedule(yoga, TimeSpan.FromDays(30), rosa, room);
        return new Timetable(studio, yoga, hiit, rosa, theo, room, rosaYoga, theoHiitFull, theoYogaInRoom, nextMonth);
    }

    private static async Task<List<Guid>> IdsAsync(HttpResponseMessage response)
    {
        await response.ShouldBe(HttpStatusCode.OK);
        return (await response.JsonAsync()).EnumerateArray().Select(e => e.Id()).ToList();
    }

    [Fact]
    public async Task StaffList_WithoutARange_IsTheComingWeek_AndFiltersCombine()
    {
        var t = await ArrangeAsync();
        var s = t.Studio;

        (await IdsAsync(await s.GetAsync("/api/v1/sessions"))).Should().Equal(t.RosaYoga, t.TheoHiitFull, t.TheoYogaInRoom);
        (await IdsAsync(await s.GetAsync($"/api/v1/sessions?instructorId={t.Theo}"))).Should().Equal(t.TheoHiitFull, t.TheoYogaInRoom);
        (await IdsAsync(await s.GetAsync($"/api/v1/sessions?locationId={t.Room}"))).Should().Equal(t.TheoYogaInRoom);
        (await IdsAsync(await s.GetAsync($"/api/v1/sessions?classTypeId={t.Yoga}&instructorId={t.Theo}"))).Should().Equal(t.TheoYogaInRoom);
        (await IdsAsync(await s.GetAsync("/api/v1/sessions?available=true"))).Should().Equal(t.RosaYoga, t.TheoYogaInRoom);
        (await IdsAsync(await s.GetAsync("/api/v1/sessions?available=false"))).Should().Equal(t.TheoHiitFull);
        var today = DateOnly.FromDateTime(api.Clock.GetUtcNow().UtcDateTime);
        (await IdsAsync(await s.GetAsync($"/api/v1/sessions?from={today.AddDays(25):yyyy-MM-dd}&locationId={t.Room}"))).Should().Equal(t.NextMonth);
        (await IdsAsync(await s.GetAsync($"/api/v1/sessions?to={today.AddDays(2):yyyy-MM-dd}"))).Should().Equal(t.RosaYoga, t.TheoHiitFull);
        await (await s.GetAsync($"/api/v1/sessions?instructorId={Guid.Empty}")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation.failed");
        await (await s.GetAsync("/api/v1/sessions?available=maybe")).ShouldBeProblem(HttpStatusCode.BadRequest, "request.malformed");
    }

    [Fact]
    public async Task PublicSchedule_ShowsOnlySessionsNotStarted_WithTheSameFilters()
    {
        var t = await ArrangeAsync();
        var anonymous = api.CreateClient();
        var path = $"/api/v1/public/{t.Studio.Slug}/schedule";
        var now = api.Clock.GetUtcNow();
        var startingNow = (await t.Studio.CreatedAsync("/api/v1/sessions", new { classTypeId = t.Yoga, startsAt = now.AddMinutes(30), instructorId = t.Rosa })).Id();

        (await IdsAsync(await anonymous.GetAsync(path))).Should().Equal(startingNow, t.RosaYoga, t.TheoHiitFull, t.TheoYogaInRoom);
        (await IdsAsync(await anonymous.GetAsync($"{path}?instructorId={t.Rosa}&available=true"))).Should().Equal(startingNow, t.RosaYoga);
        api.Clock.Advance(TimeSpan.FromMinutes(31));

        (await IdsAsync(await anonymous.GetAsync($"{path}?instructorId={t.Rosa}"))).Should().Equal(t.RosaYoga);
        (await IdsAsync(await t.Studio.GetAsync($"/api/v1/sessions?instructorId={t.Rosa}"))).Should().Contain(startingNow, "staff still see a class that has started");
    }
}
