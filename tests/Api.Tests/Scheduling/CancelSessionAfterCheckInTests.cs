using System.Net;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Scheduling;

/// <summary>
/// A class the studio cancels costs nobody anything and keeps no booking alive, an early check-in included (a helper's
/// model walk found the check-in left charged, and undoing it revived the booking on the cancelled class).
/// </summary>
public sealed class CancelSessionAfterCheckInTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task CancellingAClass_AfterAnEarlyCheckIn_CancelsAndRefundsIt_AndItCannotBeUndone()
    {
        var studio = await api.StudioAsync();
        var customer = await studio.CustomerAsync();
        var pack = await studio.PackAsync(customer, credits: 5);
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromHours(20), capacity: 2);
        var checkedIn = await studio.BookingAsync(customer, session);
        api.Clock.Advance(TimeSpan.FromHours(20) - TimeSpan.FromMinutes(20));
        await (await studio.PostAsync($"/api/v1/bookings/{checkedIn}/check-in", null)).ShouldBe(HttpStatusCode.OK);

        var cancelled = await studio.PostAsync($"/api/v1/sessions/{session}/cancel", null);
        var undo = await studio.PostAsync($"/api/v1/bookings/{checkedIn}/undo-check-in", null);

        await cancelled.ShouldBe(HttpStatusCode.OK);
        var answer = await cancelled.JsonAsync();
        (answer.GetProperty("bookingsCancelled").GetInt32(), answer.GetProperty("refunds").GetInt32()).Should().Be((1, 1));
        await undo.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "session.cancelled");
        await using var db = api.OwnerDbContext();
        var booking = await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == checkedIn);
        (booking.Status, booking.Charged).Should().Be((Domain.Bookings.BookingStatus.Cancelled, false));
        (await db.ClassPacks.AsNoTracking().SingleAsync(p => p.Id == pack)).CreditsRemaining.Should().Be(5);
        (await (await studio.GetAsync($"/api/v1/sessions/{session}")).JsonAsync()).GetProperty("booked").GetInt32().Should().Be(0);
    }
}
