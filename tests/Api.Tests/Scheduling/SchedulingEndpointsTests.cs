using System.Net;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Scheduling;

public sealed class SchedulingEndpointsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Schedule_List_Get_Cancel()
    {
        var studio = await api.StudioAsync();
        var yoga = await studio.ClassTypeAsync();
        var rosa = await studio.InstructorAsync("Rosa");

        var scheduled = await studio.PostAsync("/api/v1/sessions", new { classTypeId = yoga, startsAt = "2026-06-03T17:00:00Z", capacity = 2, instructorId = rosa });
        await scheduled.ShouldBe(HttpStatusCode.Created);
        var session = (await scheduled.JsonAsync()).Id();
        await studio.BookingAsync(await studio.CustomerAsync(), session);

        var list = await (await studio.GetAsync("/api/v1/sessions?from=2026-06-01&to=2026-06-07")).JsonAsync();
        var one = await (await studio.GetAsync($"/api/v1/sessions/{session}")).JsonAsync();
        var cancelled = await studio.PostAsync($"/api/v1/sessions/{session}/cancel", null);
        var again = await studio.PostAsync($"/api/v1/sessions/{session}/cancel", null);

        list[0].GetProperty("booked").GetInt32().Should().Be(1);
        list[0].GetProperty("available").GetInt32().Should().Be(1);
        list[0].Str("startsAtLocal").Should().Be("2026-06-03T18:00:00+01:00");
        one.Str("instructor").Should().Be("Rosa");
        one.GetProperty("instructorId").GetGuid().Should().Be(rosa);
        await cancelled.ShouldBe(HttpStatusCode.OK);
        (await cancelled.JsonAsync()).GetProperty("bookingsCancelled").GetInt32().Should().Be(1);
        await again.ShouldBeProblem(HttpStatusCode.Conflict, "session.already_cancelled");
    }

    [Fact]
    public async Task Errors_UnknownClassType404_BadTimes400_BackwardsRange400_UnknownSession404()
    {
        var studio = await api.StudioAsync();
        var yoga = await studio.ClassTypeAsync();

        await (await studio.PostAsync("/api/v1/sessions", new { classTypeId = Guid.NewGuid(), startsAt = "2026-06-03T17:00:00Z" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "class_type.not_found");
        // Issue #15: was validation.failed; ClassSession.Schedule owns the rule.
        (await (await studio.PostAsync("/api/v1/sessions", new { classTypeId = yoga, startsAt = "2026-06-03T17:00:00Z", endsAt = "2026-06-03T16:00:00Z" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "session.times_invalid")).GetProperty("errors").TryGetProperty("endsAt", out _).Should().BeTrue();
        (await (await studio.PostAsync("/api/v1/sessions", """{"classTypeId":"x","startsAt":"2026-06-03T17:00:00Z"}"""))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "request.malformed")).GetProperty("errors").TryGetProperty("classTypeId", out _).Should().BeTrue();
        (await (await studio.GetAsync("/api/v1/sessions?from=someday"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "request.malformed")).GetProperty("errors").TryGetProperty("from", out _).Should().BeTrue();
        await (await studio.PostAsync("/api/v1/sessions", new { classTypeId = yoga, startsAt = "2026-06-03T17:00:00Z", instructorId = Guid.NewGuid() }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "instructor.not_found");
        await (await studio.PostAsync("/api/v1/sessions", new { classTypeId = yoga, startsAt = "2026-06-03T17:00:00Z", locationId = Guid.NewGuid() }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "location.not_found");
        await (await studio.GetAsync("/api/v1/sessions?from=2026-06-10&to=2026-06-01")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation.failed");
        await (await studio.GetAsync($"/api/v1/sessions/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound, "session.not_found");
        await (await studio.GetAsync($"/api/v1/sessions/{Guid.NewGuid()}/roster")).ShouldBeProblem(HttpStatusCode.NotFound, "session.not_found");
        await (await studio.PostAsync($"/api/v1/sessions/{Guid.NewGuid()}/cancel", null)).ShouldBeProblem(HttpStatusCode.NotFound, "session.not_found");
    }
}
