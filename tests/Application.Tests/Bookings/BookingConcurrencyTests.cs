using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Bookings.BookClass;
using UnifiedCustomers.Application.Tests.Support;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Organizations;

namespace UnifiedCustomers.Application.Tests.Bookings;

/// <summary>Real parallel commands against PostgreSQL; the rows are counted afterwards.</summary>
public sealed class BookingConcurrencyTests(Backend backend) : IClassFixture<Backend>
{
    [Fact]
    public async Task FiftyParallelBookings_ForTheLastThreeSeats_ConfirmExactlyThree()
    {
        var studio = await Studio.OpenAsync(backend, policy: new BookingPolicy { WaitlistCap = 10 });
        var session = await studio.SessionAsync(TimeSpan.FromDays(1), capacity: 10);
        foreach (var i in Enumerable.Range(0, 7))
        {
            var early = await studio.CustomerAsync($"Early Bird{i}");
            (await backend.SendAsync(new BookClassCommand(studio.Id, early.Id, session.Id))).IsSuccess.Should().BeTrue();
        }
        var customers = new List<Customer>();
        foreach (var i in Enumerable.Range(0, 50)) customers.Add(await studio.CustomerAsync($"Racer Number{i}"));

        var results = await Task.WhenAll(customers.Select(c =>
            backend.SendAsync(new BookClassCommand(studio.Id, c.Id, session.Id, JoinWaitlistIfFull: true))));

        results.Count(r => r.IsSuccess && r.Value.Status == BookingStatus.Confirmed).Should().Be(3);
        results.Count(r => r.IsSuccess && r.Value.Status == BookingStatus.Waitlisted).Should().Be(10);
        results.Where(r => r.IsFailure).Select(r => r.Error!.Code).Should().AllBe("waitlist.full").And.HaveCount(37);
        var stored = await backend.WithDbAsync(db => db.Bookings.Where(b => b.SessionId == session.Id).ToListAsync());
        stored.Count(b => b.HoldsSeat).Should().Be(10);
        stored.Where(b => b.Status == BookingStatus.Waitlisted).Select(b => b.WaitlistPosition).Should().BeEquivalentTo(Enumerable.Range(1, 10).Cast<int?>());
    }

    [Fact]
    public async Task OneCustomerWithFiveCredits_BookingTwentySessionsInParallel_SpendsExactlyFive()
    {
        var studio = await Studio.OpenAsync(backend);
        var member = await studio.CustomerAsync(status: LifecycleStatus.Member);
        var pack = await studio.PackAsync(member, credits: 5);
        var sessions = new List<Guid>();
        foreach (var i in Enumerable.Range(0, 20)) sessions.Add((await studio.SessionAsync(TimeSpan.FromDays(1) + TimeSpan.FromHours(i))).Id);

        var results = await Task.WhenAll(sessions.Select(id => backend.SendAsync(new BookClassCommand(studio.Id, member.Id, id))));

        results.Count(r => r.IsSuccess && r.Value.PackId == pack.Id).Should().Be(5);
        results.Where(r => r.IsFailure).Select(r => r.Error!.Code).Should().AllBe("payment.none_available").And.HaveCount(15);
        await backend.WithDbAsync(async db =>
        {
            (await db.ClassPacks.SingleAsync(p => p.Id == pack.Id)).CreditsRemaining.Should().Be(0);
            (await db.Bookings.CountAsync(b => b.CustomerId == member.Id && b.Charged)).Should().Be(5);
            (await db.CreditLedger.Where(e => e.PackId == pack.Id).SumAsync(e => e.Delta)).Should().Be(-5);
            return 0;
        });
    }

    [Fact]
    public async Task MemberWithTwoClassesAWeek_BookingSixSessionsOfOneWeekInParallel_GetsExactlyTwo()
    {
        var studio = await Studio.OpenAsync(backend);
        var member = await studio.CustomerAsync(status: LifecycleStatus.Member);
        var membership = await studio.MembershipAsync(member, new Allowance(AllowancePeriod.Week, 2));
        // Backend.Start is Monday 1 June 2026: Tuesday to Sunday of the same week.
        var sessions = new List<Guid>();
        foreach (var day in Enumerable.Range(1, 6)) sessions.Add((await studio.SessionAsync(TimeSpan.FromDays(day))).Id);

        var results = await Task.WhenAll(sessions.Select(id => backend.SendAsync(new BookClassCommand(studio.Id, member.Id, id))));

        results.Count(r => r.IsSuccess).Should().Be(2);
        results.Where(r => r.IsSuccess).Should().OnlyContain(r => r.Value.MembershipId == membership.Id);
        results.Where(r => r.IsFailure).Select(r => r.Error!.Code).Should().AllBe("payment.none_available");
        (await backend.WithDbAsync(db => db.Bookings.CountAsync(b => b.MembershipId == membership.Id && b.Charged))).Should().Be(2);
    }

    [Fact]
    public async Task TheSameIdempotencyKeyTenTimesInParallel_MakesOneBookingAndTenIdenticalAnswers()
    {
        var studio = await Studio.OpenAsync(backend);
        var member = await studio.CustomerAsync(status: LifecycleStatus.Member);
        await studio.PackAsync(member, credits: 10);
        var session = await studio.SessionAsync(TimeSpan.FromDays(1));
        var command = new BookClassCommand(studio.Id, member.Id, session.Id, IdempotencyKey: "checkout-42");

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => backend.SendAsync(command)));

        results.Should().OnlyContain(r => r.IsSuccess);
        results.Select(r => r.Value).Distinct().Should().ContainSingle("every answer describes the same booking the same way");
        results[0].Value.CreditsRemaining.Should().Be(9);
        (await backend.WithDbAsync(db => db.Bookings.CountAsync(b => b.CustomerId == member.Id))).Should().Be(1);
        (await backend.WithDbAsync(db => db.CreditLedger.CountAsync(e => e.CustomerId == member.Id))).Should().Be(1);
    }
}
