using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Bookings.BookClass;
using UnifiedCustomers.Application.Bookings.CancelBooking;
using UnifiedCustomers.Application.Bookings.GetBooking;
using UnifiedCustomers.Application.Bookings.GetCustomerBalance;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Application.Scheduling.EditSession;
using UnifiedCustomers.Application.Tests.Support;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Tests.Scheduling;

/// <summary>
/// An allowance is spent when booked, for the period the class was in when it was booked
/// (docs/adr/0034): moving a class into another week changes nobody's usage.
/// </summary>
public sealed class RescheduleAllowanceTests(Backend backend) : IClassFixture<Backend>
{
    // The test clock's start, 2026-06-01, is a Monday; 17:00 UTC is 18:00 in London (summer time).
    private static readonly DateTimeOffset WeekA = new(2026, 6, 1, 17, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WeekB = WeekA.AddDays(7);

    private static EditSessionCommand Move(Guid organizationId, Guid sessionId, DateTimeOffset startsAt) =>
        new(organizationId, sessionId, startsAt, Optional<DateTimeOffset?>.Unset, Optional<int?>.Unset, Optional<Guid?>.Unset, Optional<Guid?>.Unset);

    [Fact]
    public async Task AClassMovedIntoAFullWeek_StaysChargedToTheWeekItWasBookedIn()
    {
        backend.Clock.SetUtcNow(Backend.Start);
        var studio = await Studio.OpenAsync(backend);
        var member = await studio.CustomerAsync(status: LifecycleStatus.Member);
        await studio.MembershipAsync(member, new Allowance(AllowancePeriod.Week, 2));
        var wednesdayA = await studio.SessionAtAsync(WeekA.AddDays(2));
        var moved = await BookAsync(studio, member, wednesdayA);
        await BookAsync(studio, member, await studio.SessionAtAsync(WeekB.AddDays(1)));
        await BookAsync(studio, member, await studio.SessionAtAsync(WeekB.AddDays(2)));

        (await backend.SendAsync(Move(studio.Id, wednesdayA.Id, WeekB.AddDays(3)))).IsSuccess.Should().BeTrue();

        var stored = await backend.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == moved));
        (stored.Charged, stored.ChargedFor).Should().Be((true, WeekA.AddDays(2)));
        (await backend.SendAsync(new GetBookingQuery(studio.Id, moved))).Value.AllowanceRemaining.Should().Be(1, "week A has one of its two classes spent");
        (await UsedThisWeekAsync(studio, member)).Should().Be(1);
        (await backend.SendAsync(new BookClassCommand(studio.Id, member.Id, (await studio.SessionAtAsync(WeekA.AddDays(3))).Id))).IsSuccess.Should().BeTrue();
        var thirdInA = await backend.SendAsync(new BookClassCommand(studio.Id, member.Id, (await studio.SessionAtAsync(WeekA.AddDays(4))).Id));
        thirdInA.Error!.Reasons.Select(r => r.Code).Should().Contain("membership.allowance_used");
        var thirdInB = await backend.SendAsync(new BookClassCommand(studio.Id, member.Id, (await studio.SessionAtAsync(WeekB.AddDays(4))).Id));
        thirdInB.Error!.Reasons.Select(r => r.Code).Should().Contain("membership.allowance_used");

        backend.Clock.SetUtcNow(WeekB.AddHours(-9));
        (await UsedThisWeekAsync(studio, member)).Should().Be(2, "week B holds the two classes booked in it, and the moved one is not a third");
        backend.Clock.SetUtcNow(Backend.Start);
    }

    [Fact]
    public async Task AClassMovedTwice_KeepsItsFirstStart_NewBookingsPayForItsNewWeek_AndARefundForgetsIt()
    {
        backend.Clock.SetUtcNow(Backend.Start);
        var studio = await Studio.OpenAsync(backend);
        var early = await studio.CustomerAsync("Early Booker", LifecycleStatus.Member);
        var late = await studio.CustomerAsync("Late Booker", LifecycleStatus.Member);
        await studio.MembershipAsync(early, new Allowance(AllowancePeriod.Week, 2));
        await studio.MembershipAsync(late, new Allowance(AllowancePeriod.Week, 1));
        var session = await studio.SessionAtAsync(WeekA.AddDays(2));
        var earlyBooking = await BookAsync(studio, early, session);

        (await backend.SendAsync(Move(studio.Id, session.Id, WeekB.AddDays(3)))).IsSuccess.Should().BeTrue();
        (await backend.SendAsync(Move(studio.Id, session.Id, WeekB.AddDays(5)))).IsSuccess.Should().BeTrue();
        var lateBooking = await BookAsync(studio, late, session);

        var stored = await backend.WithDbAsync(db => db.Bookings.AsNoTracking().Where(b => b.SessionId == session.Id).ToDictionaryAsync(b => b.Id));
        stored[earlyBooking].ChargedFor.Should().Be(WeekA.AddDays(2), "a second move keeps the start it was booked for");
        stored[lateBooking].ChargedFor.Should().BeNull("booked after the move, it is charged for the class's start");
        (await UsedThisWeekAsync(studio, late)).Should().Be(0);
        (await backend.SendAsync(new BookClassCommand(studio.Id, late.Id, (await studio.SessionAtAsync(WeekB.AddDays(1))).Id)))
            .Error!.Reasons.Select(r => r.Code).Should().Contain("membership.allowance_used", "the moved class spent week B's one class");

        (await backend.SendAsync(new CancelBookingCommand(studio.Id, earlyBooking))).IsSuccess.Should().BeTrue();
        var refunded = await backend.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == earlyBooking));
        (refunded.Charged, refunded.ChargedFor).Should().Be((false, (DateTimeOffset?)null));
        (await UsedThisWeekAsync(studio, early)).Should().Be(0);
    }

    [Fact]
    public async Task MovingOnlyTheEnd_LeavesTheChargesAsTheyAre()
    {
        backend.Clock.SetUtcNow(Backend.Start);
        var studio = await Studio.OpenAsync(backend);
        var member = await studio.CustomerAsync(status: LifecycleStatus.Member);
        await studio.MembershipAsync(member, new Allowance(AllowancePeriod.Week, 2));
        var session = await studio.SessionAtAsync(WeekA.AddDays(2));
        var booking = await BookAsync(studio, member, session);

        var longer = new EditSessionCommand(studio.Id, session.Id, Optional<DateTimeOffset?>.Unset, WeekA.AddDays(2).AddMinutes(90),
            Optional<int?>.Unset, Optional<Guid?>.Unset, Optional<Guid?>.Unset);
        (await backend.SendAsync(longer)).IsSuccess.Should().BeTrue();

        (await backend.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == booking))).ChargedFor.Should().BeNull();
        (await UsedThisWeekAsync(studio, member)).Should().Be(1);
    }

    private async Task<Guid> BookAsync(Studio studio, Customer customer, ClassSession session)
    {
        var booked = await backend.SendAsync(new BookClassCommand(studio.Id, customer.Id, session.Id));
        booked.IsSuccess.Should().BeTrue(booked.Error?.Code);
        return booked.Value.Id;
    }

    private async Task<int> UsedThisWeekAsync(Studio studio, Customer customer) =>
        (await backend.SendAsync(new GetCustomerBalanceQuery(studio.Id, customer.Id))).Value.Memberships.Single().UsedThisPeriod;
}
