using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Bookings.BookClass;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Application.Scheduling.EditSession;
using UnifiedCustomers.Application.Tests.Support;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Organizations;

namespace UnifiedCustomers.Application.Tests.Scheduling;

/// <summary>Capacity changes racing bookings: real parallel commands, rows counted afterwards.</summary>
public sealed class EditSessionConcurrencyTests(Backend backend) : IClassFixture<Backend>
{
    private static EditSessionCommand Capacity(Guid organizationId, Guid sessionId, int capacity) =>
        new(organizationId, sessionId, Optional<DateTimeOffset?>.Unset, Optional<DateTimeOffset?>.Unset, capacity,
            Optional<Guid?>.Unset, Optional<Guid?>.Unset);

    [Fact]
    public async Task LoweringTheCapacity_WhileTwentyBook_NeverLeavesMoreSeatsHeldThanTheCapacity()
    {
        var studio = await Studio.OpenAsync(backend, policy: new BookingPolicy { WaitlistCap = 50 });
        var session = await studio.SessionAsync(TimeSpan.FromDays(1), capacity: 10);
        var customers = new List<Guid>();
        foreach (var i in Enumerable.Range(0, 20)) customers.Add((await studio.CustomerAsync($"Racer Number{i}")).Id);

        var bookings = customers.Select(c => backend.SendAsync(new BookClassCommand(studio.Id, c, session.Id, JoinWaitlistIfFull: true))).ToList();
        var lowered = backend.SendAsync(Capacity(studio.Id, session.Id, 4));
        await Task.WhenAll(bookings);
        var change = await lowered;

        var stored = await backend.WithDbAsync(db => db.Bookings.AsNoTracking().Where(b => b.SessionId == session.Id).ToListAsync());
        var capacity = await backend.WithDbAsync(db => db.ClassSessions.AsNoTracking().Where(s => s.Id == session.Id).Select(s => s.Capacity).SingleAsync());
        stored.Count(b => b.HoldsSeat).Should().BeLessThanOrEqualTo(capacity);
        stored.Should().HaveCount(20);
        if (change.IsSuccess) capacity.Should().Be(4);
        else (change.Error!.Code, capacity).Should().Be(("session.capacity_below_booked", 10));
    }

    [Fact]
    public async Task RaisingTheCapacity_WhileOthersJoinTheWaitlist_FillsExactlyTheNewSeats_InWaitlistOrder()
    {
        var studio = await Studio.OpenAsync(backend, policy: new BookingPolicy { WaitlistCap = 50 });
        var session = await studio.SessionAsync(TimeSpan.FromDays(1), capacity: 2);
        foreach (var i in Enumerable.Range(0, 5))
        {
            var early = await studio.CustomerAsync($"Early Bird{i}");
            (await backend.SendAsync(new BookClassCommand(studio.Id, early.Id, session.Id, JoinWaitlistIfFull: true))).IsSuccess.Should().BeTrue();
        }
        var late = new List<Guid>();
        foreach (var i in Enumerable.Range(0, 10)) late.Add((await studio.CustomerAsync($"Late Comer{i}")).Id);

        var raise = backend.SendAsync(Capacity(studio.Id, session.Id, 6));
        var joins = late.Select(c => backend.SendAsync(new BookClassCommand(studio.Id, c, session.Id, JoinWaitlistIfFull: true))).ToList();
        var raised = await raise;
        await Task.WhenAll(joins);

        raised.IsSuccess.Should().BeTrue();
        var stored = await backend.WithDbAsync(db => db.Bookings.AsNoTracking().Where(b => b.SessionId == session.Id).ToListAsync());
        stored.Count(b => b.HoldsSeat).Should().Be(6);
        stored.Where(b => b.Status == BookingStatus.Waitlisted).Select(b => b.WaitlistPosition)
            .Should().BeEquivalentTo(Enumerable.Range(1, stored.Count - 6).Cast<int?>(), "positions stay 1..n");
        stored.Should().HaveCount(15);
    }
}
