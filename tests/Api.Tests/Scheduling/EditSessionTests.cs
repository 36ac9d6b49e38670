using System.Net;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Api.Tests.Events;
using UnifiedCustomers.Api.Tests.Support;
using UnifiedCustomers.Domain.Bookings;

namespace UnifiedCustomers.Api.Tests.Scheduling;

/// <summary>PATCH /sessions/{id}: reschedule, capacity, instructor and location, as a JSON Merge Patch.</summary>
public sealed class EditSessionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Reschedule_MovesTheClass_KeepsItsLengthAndEveryBooking()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(3), capacity: 2);
        var booked = await studio.BookingAsync(await studio.CustomerAsync("Amy"), session);
        await studio.BookingAsync(await studio.CustomerAsync("Bea"), session);
        var waiting = (await studio.CreatedAsync("/api/v1/bookings", new { customerId = await studio.CustomerAsync("Cy"), sessionId = session, joinWaitlistIfFull = true })).Id();
        var newStart = api.Clock.GetUtcNow().AddDays(5).AddHours(2);

        var response = await studio.PatchAsync($"/api/v1/sessions/{session}", new { startsAt = newStart });

        await response.ShouldBe(HttpStatusCode.OK);
        var body = (await response.JsonAsync()).GetProperty("session");
        body.GetProperty("startsAtUtc").GetDateTimeOffset().Should().Be(newStart);
        (body.GetProperty("booked").GetInt32(), body.GetProperty("waitlisted").GetInt32()).Should().Be((2, 1));
        await using var db = api.Database.CreateDbContext();
        var stored = await db.ClassSessions.AsNoTracking().SingleAsync(s => s.Id == session);
        (stored.StartsAt, stored.EndsAt - stored.StartsAt).Should().Be((newStart, TimeSpan.FromHours(1)));
        var bookings = await db.Bookings.AsNoTracking().Where(b => b.SessionId == session).ToListAsync();
        bookings.Should().HaveCount(3);
        bookings.Single(b => b.Id == booked).Status.Should().Be(BookingStatus.Confirmed);
        bookings.Single(b => b.Id == waiting).Status.Should().Be(BookingStatus.Waitlisted);
    }

    [Fact]
    public async Task Reschedule_PublishesOneSessionRescheduled_WithWhereItWas_AndAnEditThatKeepsTheTimesPublishesNone()
    {
        var studio = await api.StudioAsync();
        var classType = await studio.ClassTypeAsync();
        var session = await studio.SessionAsync(classType, TimeSpan.FromDays(3), capacity: 1);
        await studio.BookingAsync(await studio.CustomerAsync("Amy"), session);
        await studio.CreatedAsync("/api/v1/bookings", new { customerId = await studio.CustomerAsync("Bea"), sessionId = session, joinWaitlistIfFull = true });
        var (oldStart, newStart) = (api.Clock.GetUtcNow().AddDays(3), api.Clock.GetUtcNow().AddDays(4).AddHours(2));
        await api.PublishAsync();
        var (_, cursor) = await studio.ReadAllAsync();

        await (await studio.PatchAsync($"/api/v1/sessions/{session}", new { startsAt = newStart })).ShouldBe(HttpStatusCode.OK);
        await (await studio.PatchAsync($"/api/v1/sessions/{session}", new { startsAt = newStart, capacity = 3 })).ShouldBe(HttpStatusCode.OK);
        await (await studio.PatchAsync($"/api/v1/sessions/{session}", new { endsAt = newStart.AddHours(1) })).ShouldBe(HttpStatusCode.OK);

        await api.PublishAsync();
        var (events, _) = await studio.ReadAllAsync(cursor, types: "session.rescheduled");
        var data = events.Should().ContainSingle("only the first edit moved the class").Subject.GetProperty("data");
        var moved = data.GetProperty("session");
        (moved.Id(), moved.GetProperty("classTypeId").GetGuid()).Should().Be((session, classType));
        (moved.GetProperty("startsAt").GetDateTimeOffset(), moved.GetProperty("endsAt").GetDateTimeOffset()).Should().Be((newStart, newStart.AddHours(1)));
        (data.GetProperty("previousStartsAt").GetDateTimeOffset(), data.GetProperty("previousEndsAt").GetDateTimeOffset()).Should().Be((oldStart, oldStart.AddHours(1)));
        data.GetProperty("seatsTaken").GetInt32().Should().Be(1, "one seat was booked; the waitlisted booking holds none");
    }

    [Fact]
    public async Task Reschedule_IntoThePastOrWithAnEndBeforeTheStart_IsRefused_AndNothingChanges()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(3));
        var now = api.Clock.GetUtcNow();

        await (await studio.PatchAsync($"/api/v1/sessions/{session}", new { startsAt = now.AddHours(-1) }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "session.start_in_past");
        await (await studio.PatchAsync($"/api/v1/sessions/{session}", new { startsAt = now.AddDays(4), endsAt = now.AddDays(4).AddHours(-1) }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "session.times_invalid");
        (await (await studio.PatchAsync($"/api/v1/sessions/{session}", new { startsAt = (string?)null }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation.failed")).GetProperty("errors").TryGetProperty("startsAt", out _).Should().BeTrue();

        await using var db = api.Database.CreateDbContext();
        (await db.ClassSessions.AsNoTracking().SingleAsync(s => s.Id == session)).StartsAt.Should().Be(now.AddDays(3));
    }

    [Fact]
    public async Task LoweringCapacity_BelowTheSeatsBooked_FailsWithCapacityBelowBooked_ToThem_Succeeds()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(3), capacity: 5);
        await studio.BookingAsync(await studio.CustomerAsync("Amy"), session);
        await studio.BookingAsync(await studio.CustomerAsync("Bea"), session);

        var tooLow = await studio.PatchAsync($"/api/v1/sessions/{session}", new { capacity = 1 });
        var exact = await studio.PatchAsync($"/api/v1/sessions/{session}", new { capacity = 2 });

        (await tooLow.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "session.capacity_below_booked")).Str("detail").Should().Contain("2 seats");
        await exact.ShouldBe(HttpStatusCode.OK);
        (await exact.JsonAsync()).GetProperty("session").GetProperty("available").GetInt32().Should().Be(0);
        await using var db = api.Database.CreateDbContext();
        (await db.ClassSessions.AsNoTracking().SingleAsync(s => s.Id == session)).Capacity.Should().Be(2);
    }

    [Fact]
    public async Task RaisingCapacity_PromotesFromTheWaitlistInOrder_AndChargesWhatTheyPayWith()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(3), capacity: 1);
        await studio.BookingAsync(await studio.CustomerAsync("Amy"), session);
        var first = await studio.CustomerAsync("First");
        var pack = await studio.PackAsync(first, credits: 3);
        var firstWaiting = (await studio.CreatedAsync("/api/v1/bookings", new { customerId = first, sessionId = session, joinWaitlistIfFull = true })).Id();
        var secondWaiting = (await studio.CreatedAsync("/api/v1/bookings", new { customerId = await studio.CustomerAsync("Second"), sessionId = session, joinWaitlistIfFull = true })).Id();

        var response = await studio.PatchAsync($"/api/v1/sessions/{session}", new { capacity = 2 });

        await response.ShouldBe(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        body.GetProperty("promotedBookingIds").EnumerateArray().Select(e => e.GetGuid()).Should().Equal(firstWaiting);
        (body.GetProperty("session").GetProperty("booked").GetInt32(), body.GetProperty("session").GetProperty("waitlisted").GetInt32()).Should().Be((2, 1));
        await using var db = api.Database.CreateDbContext();
        var promoted = await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == firstWaiting);
        (promoted.Status, promoted.Charged, promoted.Payment.PackId).Should().Be((BookingStatus.Confirmed, true, pack));
        var still = await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == secondWaiting);
        (still.Status, still.WaitlistPosition).Should().Be((BookingStatus.Waitlisted, 1));
        (await db.ClassPacks.AsNoTracking().SingleAsync(p => p.Id == pack)).CreditsRemaining.Should().Be(2);
        (await db.CreditLedger.AsNoTracking().CountAsync(e => e.BookingId == firstWaiting && e.Delta == -1)).Should().Be(1);
    }

    // A consolidated session can hold a waitlist beside free seats (the legacy system kept both); only a raise offered them.
    [Fact]
    public async Task SettingTheSameCapacity_BesideFreeSeatsAndAWaitlist_PromotesIntoThem()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(3), capacity: 1);
        await studio.BookingAsync(await studio.CustomerAsync("Amy"), session);
        var waiting = (await studio.CreatedAsync("/api/v1/bookings", new { customerId = await studio.CustomerAsync("Wes"), sessionId = session, joinWaitlistIfFull = true })).Id();
        await using (var owner = api.OwnerDbContext())
            await owner.Database.ExecuteSqlAsync($"UPDATE class_sessions SET capacity = 3 WHERE id = {session}");

        var response = await studio.PatchAsync($"/api/v1/sessions/{session}", new { capacity = 3 });

        await response.ShouldBe(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        body.GetProperty("promotedBookingIds").EnumerateArray().Select(e => e.GetGuid()).Should().Equal(waiting);
        (body.GetProperty("session").GetProperty("booked").GetInt32(), body.GetProperty("session").GetProperty("waitlisted").GetInt32()).Should().Be((2, 0));
    }

    [Fact]
    public async Task InstructorAndLocation_AreSetAndCleared_AnInactiveOneIsRefused_AnotherStudiosIs404()
    {
        var studio = await api.StudioAsync();
        var other = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(3));
        var rosa = await studio.InstructorAsync("Rosa");
        var theo = await studio.InstructorAsync("Theo");
        var room = await studio.LocationAsync("Reformer Room");
        await (await studio.PatchAsync($"/api/v1/instructors/{theo}", new { isActive = false })).ShouldBe(HttpStatusCode.OK);

        var set = await studio.PatchAsync($"/api/v1/sessions/{session}", new { instructorId = rosa, locationId = room });
        var inactive = await studio.PatchAsync($"/api/v1/sessions/{session}", new { instructorId = theo });
        var foreign = await studio.PatchAsync($"/api/v1/sessions/{session}", new { locationId = await other.LocationAsync("Elsewhere") });

        await set.ShouldBe(HttpStatusCode.OK);
        var shown = (await set.JsonAsync()).GetProperty("session");
        (shown.Str("instructor"), shown.Str("location")).Should().Be(("Rosa", "Reformer Room"));
        await inactive.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "instructor.inactive");
        await foreign.ShouldBeProblem(HttpStatusCode.NotFound, "location.not_found");
        await using (var db = api.Database.CreateDbContext())
        {
            var stored = await db.ClassSessions.AsNoTracking().SingleAsync(s => s.Id == session);
            (stored.InstructorId, stored.LocationId).Should().Be(((Guid?)rosa, (Guid?)room));
        }

        await (await studio.PatchAsync($"/api/v1/sessions/{session}", """{"instructorId":null}""")).ShouldBe(HttpStatusCode.OK);
        await using (var db = api.Database.CreateDbContext())
        {
            var stored = await db.ClassSessions.AsNoTracking().SingleAsync(s => s.Id == session);
            (stored.InstructorId, stored.LocationId).Should().Be(((Guid?)null, (Guid?)room), "null clears the instructor; the location was left out");
        }
    }

    [Fact]
    public async Task CancelledSession_CannotBeEdited_UnknownOneIs404_OtherMediaTypesAre415()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(3));
        await (await studio.PostAsync($"/api/v1/sessions/{session}/cancel", null)).ShouldBe(HttpStatusCode.OK);

        await (await studio.PatchAsync($"/api/v1/sessions/{session}", new { capacity = 20 })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "session.cancelled");
        await (await studio.PatchAsync($"/api/v1/sessions/{Guid.NewGuid()}", new { capacity = 20 })).ShouldBeProblem(HttpStatusCode.NotFound, "session.not_found");
        await (await studio.PatchAsync($"/api/v1/sessions/{session}", "capacity=20", "text/plain"))
            .ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
        await (await studio.PatchAsync($"/api/v1/sessions/{session}", "[]")).ShouldBeProblem(HttpStatusCode.BadRequest, "request.malformed");
    }
}
