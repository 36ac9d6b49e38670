using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Tests.Support;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Domain.Packs;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Tests.Persistence;

/// <summary>
/// The criteria the queries use (RecomputeLifecycles, the booking loader, the timetable and the roster),
/// run by PostgreSQL, select exactly the rows the domain's in-memory rule accepts, on every boundary.
/// </summary>
public sealed class CriteriaInPostgresTests(Backend backend) : IClassFixture<Backend>
{
    [Fact]
    public async Task MembershipInForce_And_Ended_SelectWhatTheDomainAccepts_OnEveryBoundary()
    {
        var studio = await Studio.OpenAsync(backend);
        var today = DateOnly.FromDateTime(backend.Clock.GetUtcNow().UtcDateTime);
        var now = backend.Clock.GetUtcNow();
        var customer = await studio.CustomerAsync("Mia Moss");
        var plan = await studio.PlanAsync("Unlimited", Allowance.Unlimited);
        Membership Sell(DateOnly start, DateOnly? end) => Membership.Sell(customer, plan, start, end, now).Value;
        var running = Sell(today, today.AddDays(30));
        var openEnded = Sell(today, null);
        var future = Sell(today.AddDays(7), null);
        var pausedAWhile = Sell(today, today.AddDays(30));
        pausedAWhile.Pause(today.AddDays(10), today.AddDays(20), now).IsSuccess.Should().BeTrue();
        var pausedOpen = Sell(today, today.AddDays(30));
        pausedOpen.Pause(today.AddDays(10), null, now).IsSuccess.Should().BeTrue();
        var cancelled = Sell(today, today.AddDays(30));
        cancelled.Cancel(today.AddDays(15), now).IsSuccess.Should().BeTrue();
        var expired = Sell(today.AddDays(-60), today.AddDays(-1));
        expired.ExpireIfEnded(today).Should().BeTrue();
        var all = new[] { running, openEnded, future, pausedAWhile, pausedOpen, cancelled, expired };
        await studio.SaveAsync([.. all]);

        var days = new[] { -1, 0, 6, 7, 9, 10, 15, 16, 19, 20, 30, 31 }.Select(today.AddDays).ToList();
        var stored = await backend.WithDbAsync(db => db.Memberships.AsNoTracking().Where(m => m.OrganizationId == studio.Id).ToListAsync());
        foreach (var day in days)
        {
            var inForce = await InForceOn(studio, day);
            var ended = await EndedOn(studio, day);

            inForce.Should().BeEquivalentTo(stored.Where(m => m.IsInForceOn(day)).Select(m => m.Id), $"on {day}");
            // ExpireIfEnded changes what it is asked of: asked of copies read afresh.
            var copies = await backend.WithDbAsync(db => db.Memberships.AsNoTracking().Where(m => m.OrganizationId == studio.Id).ToListAsync());
            ended.Should().BeEquivalentTo(copies.Where(m => m.ExpireIfEnded(day)).Select(m => m.Id), $"on {day}");
        }
        // The cases are not vacuous: each kind of membership is in force on some day and out of force on another.
        (await MembershipsOf(studio, Membership.Live))
            .Should().BeEquivalentTo(stored.Where(Membership.Live.IsSatisfiedBy).Select(m => m.Id)).And.HaveCount(5);
        (await InForceOn(studio, today.AddDays(5))).Should().BeEquivalentTo([running.Id, openEnded.Id, pausedAWhile.Id, pausedOpen.Id]);
        (await InForceOn(studio, today.AddDays(12))).Should().BeEquivalentTo([running.Id, openEnded.Id, future.Id]);
        (await InForceOn(studio, today.AddDays(31))).Should().BeEquivalentTo([openEnded.Id, future.Id]);
        (await EndedOn(studio, today.AddDays(31))).Should().BeEquivalentTo([running.Id, pausedAWhile.Id, pausedOpen.Id]);
    }

    [Fact]
    public async Task PackCurrent_SelectsWhatTheDomainAccepts_AtTheExpiryInstantAndWithoutCredits()
    {
        var studio = await Studio.OpenAsync(backend);
        var now = backend.Clock.GetUtcNow();
        var customer = await studio.CustomerAsync("Pia Pear");
        var withCredits = await studio.PackAsync(customer, credits: 5, validityDays: 30);
        var usedUp = await studio.PackAsync(customer, credits: 1, validityDays: 30);
        await backend.WithDbAsync(async db =>
        {
            var pack = await db.ClassPacks.SingleAsync(p => p.Id == usedUp.Id);
            pack.Consume(studio.Yoga.Id, now).IsSuccess.Should().BeTrue();
            return await db.SaveChangesAsync();
        });

        var instants = new[] { TimeSpan.Zero, TimeSpan.FromDays(30) - TimeSpan.FromMicroseconds(1), TimeSpan.FromDays(30), TimeSpan.FromDays(31) }.Select(d => now + d);
        var stored = await backend.WithDbAsync(db => db.ClassPacks.AsNoTracking().Where(p => p.OrganizationId == studio.Id).ToListAsync());
        foreach (var at in instants)
        {
            var current = await backend.WithDbAsync(db => db.ClassPacks.Where(p => p.OrganizationId == studio.Id).Where(ClassPack.Current(at)).Select(p => p.Id).ToListAsync());
            current.Should().BeEquivalentTo(stored.Where(p => p.IsCurrent(at)).Select(p => p.Id), $"at {at:O}");
            var toRecord = await backend.WithDbAsync(db => db.ClassPacks.Where(p => p.OrganizationId == studio.Id).Where(ClassPack.ExpiryToRecord(at)).Select(p => p.Id).ToListAsync());
            var copies = await backend.WithDbAsync(db => db.ClassPacks.AsNoTracking().Where(p => p.OrganizationId == studio.Id).ToListAsync());
            toRecord.Should().BeEquivalentTo(copies.Where(p => p.RecordExpiry(at)).Select(p => p.Id), $"at {at:O}");
        }
        (await backend.WithDbAsync(db => db.ClassPacks.Where(p => p.OrganizationId == studio.Id).Where(ClassPack.Current(now)).Select(p => p.Id).ToListAsync()))
            .Should().Equal(withCredits.Id);
        (await backend.WithDbAsync(db => db.ClassPacks.Where(p => p.OrganizationId == studio.Id).Where(ClassPack.ExpiryToRecord(now.AddDays(30))).Select(p => p.Id).ToListAsync()))
            .Should().Equal(withCredits.Id);
    }

    [Fact]
    public async Task TakesSeat_CountsWhatTheDomainCounts_ForEveryStatus()
    {
        var studio = await Studio.OpenAsync(backend);
        var now = backend.Clock.GetUtcNow();
        var started = await studio.SessionAtAsync(now.AddMinutes(-10));
        var upcoming = await studio.SessionAsync(TimeSpan.FromDays(2));
        async Task<Booking> Book(ClassSession session, string name, bool waitlisted = false) =>
            Booking.Create(await studio.CustomerAsync(name), session, new Admission(waitlisted, waitlisted ? 1 : null), BookingPayment.DropIn, BookingSource.Staff, null, now);
        var confirmed = await Book(upcoming, "Cal Confirmed");
        var waitlisted = await Book(upcoming, "Wyn Waitlisted", waitlisted: true);
        var cancelled = await Book(upcoming, "Cy Cancelled");
        cancelled.Cancel(upcoming, BookingPolicy.Default, waiveLateFee: false, now).IsSuccess.Should().BeTrue();
        var attended = await Book(started, "Ava Attended");
        attended.CheckIn(started, now).IsSuccess.Should().BeTrue();
        var noShow = await Book(started, "Ned NoShow");
        noShow.MarkNoShow(started, now).IsSuccess.Should().BeTrue();
        await studio.SaveAsync(confirmed, waitlisted, cancelled, attended, noShow);

        var stored = await backend.WithDbAsync(db => db.Bookings.AsNoTracking().Where(b => b.OrganizationId == studio.Id).ToListAsync());
        var seated = await backend.WithDbAsync(db => db.Bookings.Where(b => b.OrganizationId == studio.Id).Where(Booking.TakesSeat).Select(b => b.Id).ToListAsync());

        seated.Should().BeEquivalentTo(stored.Where(b => b.HoldsSeat).Select(b => b.Id));
        seated.Should().BeEquivalentTo([confirmed.Id, attended.Id, noShow.Id]);
    }

    [Fact]
    public async Task ChargedInstant_InAQuery_IsWhatTheDomainComputes_ForAMovedAndAnUnmovedCharge()
    {
        var studio = await Studio.OpenAsync(backend);
        var now = backend.Clock.GetUtcNow();
        var session = await studio.SessionAsync(TimeSpan.FromDays(2));
        async Task<Booking> Book(string name)
        {
            var customer = await studio.CustomerAsync(name);
            var membership = await studio.MembershipAsync(customer, new Allowance(AllowancePeriod.Week, 2));
            return Booking.Create(customer, session, new Admission(false, null), BookingPayment.ByMembership(membership.Id), BookingSource.Staff, null, now);
        }
        var moved = await Book("Mo Moved");
        moved.KeepChargeWhenMoved(session.StartsAt.AddDays(-3));
        var unmoved = await Book("Una Unmoved");
        await studio.SaveAsync(moved, unmoved);

        var queried = await backend.WithDbAsync(db => db.Bookings.Where(b => b.OrganizationId == studio.Id)
            .Join(db.ClassSessions, b => b.SessionId, s => s.Id, Booking.WithChargedInstant((b, _, at) => new { b.Id, At = at }))
            .ToDictionaryAsync(x => x.Id, x => x.At));
        var stored = await backend.WithDbAsync(db => db.Bookings.AsNoTracking().Where(b => b.OrganizationId == studio.Id).ToListAsync());

        queried.Should().Equal(stored.ToDictionary(b => b.Id, b => b.ChargedInstant(session)));
        queried.Should().Equal(new Dictionary<Guid, DateTimeOffset> { [moved.Id] = session.StartsAt.AddDays(-3), [unmoved.Id] = session.StartsAt });
    }

    private Task<List<Guid>> InForceOn(Studio studio, DateOnly day) => MembershipsOf(studio, Membership.InForce(day));

    private Task<List<Guid>> EndedOn(Studio studio, DateOnly day) => MembershipsOf(studio, Membership.Ended(day));

    private Task<List<Guid>> MembershipsOf(Studio studio, Criterion<Membership> criterion) => backend.WithDbAsync(db =>
        db.Memberships.Where(m => m.OrganizationId == studio.Id).Where(criterion).Select(m => m.Id).ToListAsync());
}
