using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UnifiedCustomers.Application.Bookings.MaterialiseStandingBookings;
using UnifiedCustomers.Api.Tests.Support;
using UnifiedCustomers.Domain.Bookings;

namespace UnifiedCustomers.Api.Tests.Bookings;

/// <summary>A standing booking books one session per occurrence: not a parallel room, not both instants of a repeated hour (a helper found it booked and charged each).</summary>
public sealed class StandingOccurrenceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<MaterialiseStandingBookingsResponse> RunStandingJobAsync(Guid organizationId)
    {
        using var scope = api.Services.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<Mediator.IMediator>();
        var result = await mediator.Send(new MaterialiseStandingBookingsCommand(organizationId));
        result.IsSuccess.Should().BeTrue(result.Error?.Code);
        return result.Value;
    }

    private static async Task<Guid> ScheduleAtAsync(TestStudio studio, Guid classType, DateTimeOffset startsAt, int capacity = 12) =>
        (await studio.CreatedAsync("/api/v1/sessions", new { classTypeId = classType, startsAt, capacity })).Id();

    private static object Policy(int opens = 200, bool dropIns = true, int waitlistCap = 10) => new
    {
        bookingOpensDaysBefore = opens, bookingClosesMinutesBefore = 0, lateCancelHours = 12, lateCancelForfeitsCredit = true,
        waitlistCap, promotionCutoffMinutes = 60, dropInsForLeadsAndTrials = dropIns,
    };

    /// <summary>Booking opens 200 days ahead, so classes months away can be booked now.</summary>
    private static async Task OpenWindowAsync(TestStudio studio, string zone = "Europe/London", bool dropIns = true) =>
        await (await studio.PutAsync("/api/v1/organization", new { name = "Studio " + studio.Slug, timeZone = zone, country = "GB", policy = Policy(dropIns: dropIns) }))
            .ShouldBe(HttpStatusCode.OK);

    private async Task<List<Booking>> ActiveBookingsAsync(Guid customer)
    {
        await using var db = api.Database.CreateDbContext();
        return await db.Bookings.Where(b => b.CustomerId == customer && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Waitlisted)).ToListAsync();
    }

    private async Task<int> CreditsAsync(Guid pack)
    {
        await using var db = api.Database.CreateDbContext();
        return (await db.ClassPacks.SingleAsync(p => p.Id == pack)).CreditsRemaining;
    }

    [Fact]
    public async Task StandingJob_BooksNoSecondRoomAtAnOccurrenceAlreadyBooked()
    {
        var studio = await api.StudioAsync();
        var yoga = await studio.ClassTypeAsync();
        var ada = await studio.CustomerAsync("Ada");
        var pack = await studio.PackAsync(ada, credits: 10);
        var slot = new DateTimeOffset(2026, 6, 8, 17, 0, 0, TimeSpan.Zero); // Monday 18:00 in London
        var roomA = await ScheduleAtAsync(studio, yoga, slot);
        var roomB = await ScheduleAtAsync(studio, yoga, slot);

        var recurring = await studio.PostAsync("/api/v1/bookings/recurring", new
        {
            customerId = ada, classTypeId = yoga, weekdays = new[] { "monday" }, localTime = "18:00:00", fromDate = "2026-06-08", untilDate = "2026-06-08",
        });
        await recurring.ShouldBe(HttpStatusCode.OK);
        (await recurring.JsonAsync()).GetProperty("booked").GetInt32().Should().Be(1);

        var job = await RunStandingJobAsync(studio.Id);

        job.Booked.Should().Be(0, "the pattern's only occurrence (Monday 8 June, 18:00) is already booked");
        (await ActiveBookingsAsync(ada)).Should().ContainSingle("one occurrence of the pattern is one class, not every room at that time");
        (await CreditsAsync(pack)).Should().Be(9);
    }

    [Fact]
    public async Task ScheduleSession_SecondRoomAtAStandingSlot_DoesNotBookTheStandingCustomerAgain()
    {
        var studio = await api.StudioAsync();
        var yoga = await studio.ClassTypeAsync();
        var ada = await studio.CustomerAsync("Ada");
        var pack = await studio.PackAsync(ada, credits: 10);
        await OpenWindowAsync(studio);
        var slot = new DateTimeOffset(2026, 6, 15, 17, 0, 0, TimeSpan.Zero);
        var recurring = await studio.PostAsync("/api/v1/bookings/recurring", new
        {
            customerId = ada, classTypeId = yoga, weekdays = new[] { "monday" }, localTime = "18:00:00", fromDate = "2026-06-15", untilDate = "2026-06-15",
        });
        await recurring.ShouldBe(HttpStatusCode.OK);
        var first = await studio.CreatedAsync("/api/v1/sessions", new { classTypeId = yoga, startsAt = slot, capacity = 12 });
        first.GetProperty("standingBookings")[0].Str("status").Should().Be("confirmed");
        var second = await studio.CreatedAsync("/api/v1/sessions", new { classTypeId = yoga, startsAt = slot, capacity = 12 });

        // The pattern is told refused for this room: its customer already has this occurrence.
        var outcome = second.GetProperty("standingBookings").EnumerateArray().Should().ContainSingle().Which;
        (outcome.Str("errorCode"), outcome.GetProperty("bookingId").ValueKind).Should().Be(("booking.already_booked", JsonValueKind.Null));
        (await ActiveBookingsAsync(ada)).Should().ContainSingle();
        (await CreditsAsync(pack)).Should().Be(9);
    }

    [Fact]
    public async Task ScheduleSession_RepeatedWallTimeWhenClocksGoBack_BooksTheOccurrenceOnce()
    {
        var studio = await api.StudioAsync();
        await OpenWindowAsync(studio);
        var yoga = await studio.ClassTypeAsync();
        var ada = await studio.CustomerAsync("Ada");
        // A lead paying by drop-in (the studio allows it): a 90-day pack would have expired by October.
        // Sunday 25 October 2026, London: 01:30 happens at 00:30Z (BST) and again at 01:30Z (GMT).
        var recurring = await studio.PostAsync("/api/v1/bookings/recurring", new
        {
            customerId = ada, classTypeId = yoga, weekdays = new[] { "sunday" }, localTime = "01:30:00", fromDate = "2026-10-25", untilDate = "2026-10-25",
        });
        await recurring.ShouldBe(HttpStatusCode.OK);
        await ScheduleAtAsync(studio, yoga, new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero));
        await ScheduleAtAsync(studio, yoga, new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero));
        await RunStandingJobAsync(studio.Id);

        (await ActiveBookingsAsync(ada)).Should().ContainSingle("the pattern has one occurrence, 25 October at 01:30 (its first instant, Organization.AtLocal)");
    }
}
