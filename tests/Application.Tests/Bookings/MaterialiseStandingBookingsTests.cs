using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Bookings.BookClass;
using UnifiedCustomers.Application.Bookings.CancelBooking;
using UnifiedCustomers.Application.Bookings.MaterialiseStandingBookings;
using UnifiedCustomers.Application.Tests.Support;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Tests.Bookings;

public sealed class MaterialiseStandingBookingsTests(Backend backend) : IClassFixture<Backend>
{
    [Fact]
    public async Task Materialise_BooksMatchingSessionsWithoutABooking_NeverUndoesACancellation_AndCountsRefusals()
    {
        backend.Clock.SetUtcNow(Backend.Start);
        var studio = await Studio.OpenAsync(backend);
        var wednesday = new DateOnly(2026, 6, 3);
        var sixPm = new TimeOnly(18, 0);
        var regular = await studio.CustomerAsync("Reg Ular");
        var canceller = await studio.CustomerAsync("Cal Cancel");
        var archived = await studio.CustomerAsync("Arch Ived");
        var otherHour = await studio.CustomerAsync("Oth Er");
        foreach (var customer in new[] { regular, canceller, archived })
            await studio.SaveAsync(StandingBooking.Create(customer, studio.Yoga, [DayOfWeek.Wednesday], sixPm, [wednesday], false, backend.Clock.GetUtcNow()).Value);
        await studio.SaveAsync(StandingBooking.Create(otherHour, studio.Yoga, [DayOfWeek.Wednesday], new TimeOnly(7, 0), [wednesday], false, backend.Clock.GetUtcNow()).Value);
        // Made without ScheduleSession, so no standing booking was applied to it.
        var session = await studio.SessionAtAsync(studio.Organization.AtLocal(wednesday, sixPm));
        var booked = await backend.SendAsync(new BookClassCommand(studio.Id, canceller.Id, session.Id));
        (await backend.SendAsync(new CancelBookingCommand(studio.Id, booked.Value.Id))).IsSuccess.Should().BeTrue();
        await backend.WithDbAsync(async db =>
        {
            var stored = await db.Customers.SingleAsync(c => c.Id == archived.Id);
            stored.Archive("test", backend.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });

        var first = await backend.SendAsync(new MaterialiseStandingBookingsCommand(studio.Id));
        var second = await backend.SendAsync(new MaterialiseStandingBookingsCommand(studio.Id));

        first.Value.Should().Be(new MaterialiseStandingBookingsResponse(Patterns: 4, Booked: 1, Waitlisted: 0, Refused: 1));
        second.Value.Should().Be(new MaterialiseStandingBookingsResponse(Patterns: 4, Booked: 0, Waitlisted: 0, Refused: 1));
        var bookings = await backend.WithDbAsync(db => db.Bookings.Where(b => b.SessionId == session.Id).Select(b => new { b.CustomerId, b.Status }).ToListAsync());
        bookings.Should().BeEquivalentTo([
            new { CustomerId = regular.Id, Status = BookingStatus.Confirmed },
            new { CustomerId = canceller.Id, Status = BookingStatus.Cancelled },
        ]);
        (await studio.ReloadAsync(archived)).Status.Should().Be(LifecycleStatus.Archived);
    }
}
