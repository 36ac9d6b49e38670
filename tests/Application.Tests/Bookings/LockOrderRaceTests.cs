using Microsoft.EntityFrameworkCore;
using Npgsql;
using UnifiedCustomers.Application.Bookings.BookClass;
using UnifiedCustomers.Application.Bookings.CancelBooking;
using UnifiedCustomers.Application.Bookings.MaterialiseStandingBookings;
using UnifiedCustomers.Application.Customers.RecomputeLifecycles;
using UnifiedCustomers.Application.Sales.CancelMembership;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Application.Customers.MergeCustomers;
using UnifiedCustomers.Application.Scheduling.CancelSession;
using UnifiedCustomers.Application.Scheduling.EditSession;
using UnifiedCustomers.Application.Tests.Support;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Organizations;

namespace UnifiedCustomers.Application.Tests.Bookings;

/// <summary>
/// Races ordered deterministically: a plain transaction holds one row lock (standing in for any
/// concurrent command that holds it, e.g. a sale to that customer or a booking of that session) so
/// the commands under test queue behind it in a known order; then it commits and they run.
/// </summary>
public sealed class LockOrderRaceTests(Backend backend) : IClassFixture<Backend>
{
    private static readonly BookingPolicy Policy = new() { WaitlistCap = 20 };

    /// <summary>
    /// Starts <paramref name="first"/>, then <paramref name="second"/>, while a plain transaction holds the row's lock,
    /// each once it waits for a lock; then lets them go: the first takes its locks before the second.
    /// </summary>
    private async Task<(TFirst First, TSecond Second)> QueuedBehindAsync<TFirst, TSecond>(
        string table, Guid id, Func<Task<TFirst>> first, Func<Task<TSecond>> second)
    {
        var holder = await HoldAsync(table, id);
        var firstRun = Task.Run(first);
        await WaitersAsync(1);
        var secondRun = Task.Run(second);
        await WaitersAsync(2);
        await ReleaseAsync(holder);
        return (await firstRun, await secondRun);
    }

    private async Task<NpgsqlConnection> HoldAsync(string table, Guid id)
    {
        var connection = new NpgsqlConnection(backend.ConnectionString);
        await connection.OpenAsync();
        await using (var begin = new NpgsqlCommand("BEGIN", connection)) await begin.ExecuteNonQueryAsync();
        await using (var hold = new NpgsqlCommand($"SELECT 1 FROM {table} WHERE id = '{id}' FOR UPDATE", connection)) await hold.ExecuteScalarAsync();
        return connection;
    }

    private static async Task ReleaseAsync(NpgsqlConnection holder)
    {
        await using (var commit = new NpgsqlCommand("COMMIT", holder)) await commit.ExecuteNonQueryAsync();
        await holder.DisposeAsync();
    }

    /// <summary>Waits until this many backends of the test database wait for a lock.</summary>
    private async Task WaitersAsync(int count)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await LockWaitersAsync() >= count) return;
            await Task.Delay(25);
        }
        throw new TimeoutException($"never saw {count} lock waiters");
    }

    private async Task<long> LockWaitersAsync()
    {
        await using var connection = new NpgsqlConnection(backend.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static EditSessionCommand Edit(Guid org, Guid session, DateTimeOffset? startsAt = null, int? capacity = null) =>
        new(org, session,
            startsAt is null ? Optional<DateTimeOffset?>.Unset : startsAt,
            Optional<DateTimeOffset?>.Unset,
            capacity is null ? Optional<int?>.Unset : capacity,
            Optional<Guid?>.Unset, Optional<Guid?>.Unset);

    // a member cancels (refunded) while staff move the class: the cancel read the booking before
    // the move stamped charged_for on it, then writes charged = false over it.
    [Fact]
    public async Task CancelBooking_RacingARescheduleOfItsClass_CancelsAndRefunds()
    {
        var studio = await Studio.OpenAsync(backend, policy: Policy);
        var member = await studio.CustomerAsync("Mia Mover", LifecycleStatus.Member);
        var membership = await studio.MembershipAsync(member, new Allowance(AllowancePeriod.Week, 3));
        var session = await studio.SessionAsync(TimeSpan.FromDays(2));
        var booked = await backend.SendAsync(new BookClassCommand(studio.Id, member.Id, session.Id));
        booked.Value.MembershipId.Should().Be(membership.Id);

        var (moved, cancelled) = await QueuedBehindAsync("class_sessions", session.Id,
            () => backend.SendAsync(Edit(studio.Id, session.Id, startsAt: session.StartsAt.AddDays(1))),
            () => backend.SendAsync(new CancelBookingCommand(studio.Id, booked.Value.Id)));

        moved.IsSuccess.Should().BeTrue();
        // Was: DbUpdateException 23514 ck_bookings_charged_for (a 500 over HTTP)
        cancelled.IsSuccess.Should().BeTrue();
        var stored = await backend.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == booked.Value.Id));
        (stored.Status, stored.Charged, stored.ChargedFor).Should().Be((BookingStatus.Cancelled, false, (DateTimeOffset?)null));
    }

    // The same without a lock holder: plain concurrent commands, repeated.
    [Fact]
    public async Task CancelBooking_RacingARescheduleOfItsClass_Unordered_NeverThrows()
    {
        var studio = await Studio.OpenAsync(backend, policy: Policy);
        var failures = new List<string>();
        for (var round = 0; round < 20; round++)
        {
            var member = await studio.CustomerAsync($"Mia Mover{round}", LifecycleStatus.Member);
            await studio.MembershipAsync(member, new Allowance(AllowancePeriod.Week, 3));
            var session = await studio.SessionAsync(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(round));
            var booked = await backend.SendAsync(new BookClassCommand(studio.Id, member.Id, session.Id));
            var move = Task.Run(() => backend.SendAsync(Edit(studio.Id, session.Id, startsAt: session.StartsAt.AddHours(3))));
            var cancel = Task.Run(() => backend.SendAsync(new CancelBookingCommand(studio.Id, booked.Value.Id)));
            try { await Task.WhenAll(move, cancel); }
            catch (Exception ex) { failures.Add(ex.GetBaseException().Message); }
        }
        failures.Should().BeEmpty();
    }

    // the studio cancels a class while staff merge a booked customer into another: the class's
    // cancellation loaded the booking before the merge moved it, then refunds it through the merged-away customer.
    [Fact]
    public async Task CancelSession_RacingAMergeOfABookedCustomer_CancelsAndRefundsOnce()
    {
        var studio = await Studio.OpenAsync(backend, policy: Policy);
        var survivor = await studio.CustomerAsync("Sam Survivor", LifecycleStatus.Member);
        var merged = await studio.CustomerAsync("Sam Duplicate", LifecycleStatus.Member);
        var pack = await studio.PackAsync(merged, credits: 5);
        var session = await studio.SessionAsync(TimeSpan.FromDays(2));
        var booked = await backend.SendAsync(new BookClassCommand(studio.Id, merged.Id, session.Id));
        booked.Value.PackId.Should().Be(pack.Id);

        var (merge, cancelled) = await QueuedBehindAsync("customers", merged.Id,
            () => backend.SendAsync(new MergeCustomersCommand(studio.Id, survivor.Id, merged.Id)),
            () => backend.SendAsync(new CancelSessionCommand(studio.Id, session.Id)));

        merge.IsSuccess.Should().BeTrue();
        // Was: ArgumentException "Another customer's pack." (a 500 over HTTP)
        cancelled.IsSuccess.Should().BeTrue();
        (await backend.WithDbAsync(db => db.ClassPacks.AsNoTracking().SingleAsync(p => p.Id == pack.Id))).CreditsRemaining.Should().Be(5);
    }

    // staff move a class and raise its capacity while two of its members are merged (their two
    // bookings of it collapse into one, refunded): the move stamps charged_for on the refunded one.
    [Fact]
    public async Task RescheduleAndRaise_RacingAMergeThatCollapsesADuplicate_Succeeds()
    {
        var studio = await Studio.OpenAsync(backend, policy: Policy);
        var survivor = await studio.CustomerAsync("Sue Survivor", LifecycleStatus.Member);
        var merged = await studio.CustomerAsync("Sue Duplicate", LifecycleStatus.Member);
        var waiter = await studio.CustomerAsync("Wes Waiter", LifecycleStatus.Member);
        await studio.MembershipAsync(survivor, new Allowance(AllowancePeriod.Week, 3));
        await studio.MembershipAsync(merged, new Allowance(AllowancePeriod.Week, 3));
        await studio.PackAsync(waiter, credits: 5);
        var session = await studio.SessionAsync(TimeSpan.FromDays(2), capacity: 2);
        (await backend.SendAsync(new BookClassCommand(studio.Id, survivor.Id, session.Id))).IsSuccess.Should().BeTrue();
        (await backend.SendAsync(new BookClassCommand(studio.Id, merged.Id, session.Id))).IsSuccess.Should().BeTrue();
        (await backend.SendAsync(new BookClassCommand(studio.Id, waiter.Id, session.Id, JoinWaitlistIfFull: true))).Value.Status.Should().Be(BookingStatus.Waitlisted);

        // The waiter is busy elsewhere (their row locked): the edit reaches them after reading the charged bookings.
        // The merge used to run through while the edit held the class; now it waits for the class's lock.
        var (edited, merge) = await QueuedBehindAsync("customers", waiter.Id,
            () => backend.SendAsync(Edit(studio.Id, session.Id, startsAt: session.StartsAt.AddDays(1), capacity: 3)),
            () => backend.SendAsync(new MergeCustomersCommand(studio.Id, survivor.Id, merged.Id)));

        // Was: DbUpdateException 23514 ck_bookings_charged_for (a 500 over HTTP)
        edited.IsSuccess.Should().BeTrue();
        merge.Value.DuplicateBookingsCancelled.Should().Be(1);
        var active = await backend.WithDbAsync(db => db.Bookings.AsNoTracking()
            .Where(b => b.SessionId == session.Id && BookingStatuses.Active.Contains(b.Status))
            .Select(b => new { b.CustomerId, b.Status, b.Charged, Moved = b.ChargedFor != null }).ToListAsync());
        active.Should().BeEquivalentTo([
            new { CustomerId = survivor.Id, Status = BookingStatus.Confirmed, Charged = true, Moved = true },
            new { CustomerId = waiter.Id, Status = BookingStatus.Confirmed, Charged = true, Moved = false },
        ]);
    }

    // a cancellation frees a seat (promoting the head of the waitlist) while a merge cancels a
    // waitlisted duplicate further down: the close-up renumbers the cancelled booking.
    [Fact]
    public async Task CancelWithPromotion_RacingAMergeThatDropsAWaitlistedDuplicate_Succeeds()
    {
        var studio = await Studio.OpenAsync(backend, policy: Policy);
        var leaver = await studio.CustomerAsync("Lee Leaver", LifecycleStatus.Member);
        var survivor = await studio.CustomerAsync("Val Survivor", LifecycleStatus.Member);
        var head = await studio.CustomerAsync("Hal Head", LifecycleStatus.Member);
        var merged = await studio.CustomerAsync("Val Duplicate", LifecycleStatus.Member);
        foreach (var c in new[] { leaver, survivor, head, merged }) await studio.PackAsync(c, credits: 5);
        var session = await studio.SessionAsync(TimeSpan.FromDays(2), capacity: 2);
        var leaving = await backend.SendAsync(new BookClassCommand(studio.Id, leaver.Id, session.Id));
        (await backend.SendAsync(new BookClassCommand(studio.Id, survivor.Id, session.Id))).IsSuccess.Should().BeTrue();
        (await backend.SendAsync(new BookClassCommand(studio.Id, head.Id, session.Id, JoinWaitlistIfFull: true))).Value.WaitlistPosition.Should().Be(1);
        (await backend.SendAsync(new BookClassCommand(studio.Id, merged.Id, session.Id, JoinWaitlistIfFull: true))).Value.WaitlistPosition.Should().Be(2);

        // The merge used to run through while the cancel held the class; now it waits for the class's lock.
        var (cancelled, merge) = await QueuedBehindAsync("customers", head.Id,
            () => backend.SendAsync(new CancelBookingCommand(studio.Id, leaving.Value.Id)),
            () => backend.SendAsync(new MergeCustomersCommand(studio.Id, survivor.Id, merged.Id)));

        // Was: DbUpdateException 23514 ck_bookings_waitlist_position (a 500 over HTTP)
        cancelled.IsSuccess.Should().BeTrue();
        merge.Value.DuplicateBookingsCancelled.Should().Be(1);
        var active = await backend.WithDbAsync(db => db.Bookings.AsNoTracking()
            .Where(b => b.SessionId == session.Id && BookingStatuses.Active.Contains(b.Status))
            .Select(b => new { b.CustomerId, b.Status, b.WaitlistPosition }).ToListAsync());
        active.Should().BeEquivalentTo([
            new { CustomerId = survivor.Id, Status = BookingStatus.Confirmed, WaitlistPosition = (int?)null },
            new { CustomerId = head.Id, Status = BookingStatus.Confirmed, WaitlistPosition = (int?)null },
        ]);
    }

    // The job read which classes each customer held once, for the whole studio: a class booked and cancelled while it
    // waited for an earlier customer was booked again, spending a credit ("a cancellation is never undone").
    [Fact]
    public async Task StandingBookings_RacingABookAndCancel_NeverUndoTheCancellation()
    {
        var studio = await Studio.OpenAsync(backend, policy: Policy);
        var wednesday = DateOnly.FromDateTime(backend.Clock.GetUtcNow().UtcDateTime).AddDays(7);
        while (wednesday.DayOfWeek != DayOfWeek.Wednesday) wednesday = wednesday.AddDays(1);
        var sixPm = new TimeOnly(18, 0);
        var (a, b) = (await studio.CustomerAsync("Ann Early"), await studio.CustomerAsync("Cal Cancel"));
        // The job takes customers in id order: the first is held up, the other books and cancels meanwhile.
        var (first, canceller) = a.Id.CompareTo(b.Id) < 0 ? (a, b) : (b, a);
        foreach (var customer in new[] { first, canceller })
            await studio.SaveAsync(StandingBooking.Create(customer, studio.Yoga, [DayOfWeek.Wednesday], sixPm, [wednesday], false, backend.Clock.GetUtcNow()).Value);
        var pack = await studio.PackAsync(canceller, credits: 5);
        var session = await studio.SessionAtAsync(studio.Organization.AtLocal(wednesday, sixPm));

        var holder = await HoldAsync("customers", first.Id);
        var job = Task.Run(() => backend.SendAsync(new MaterialiseStandingBookingsCommand(studio.Id)));
        await WaitersAsync(1);
        var booked = await backend.SendAsync(new BookClassCommand(studio.Id, canceller.Id, session.Id));
        (await backend.SendAsync(new CancelBookingCommand(studio.Id, booked.Value.Id))).IsSuccess.Should().BeTrue();
        await ReleaseAsync(holder);

        (await job).IsSuccess.Should().BeTrue();
        var hers = await backend.WithDbAsync(db => db.Bookings.AsNoTracking()
            .Where(x => x.SessionId == session.Id && x.CustomerId == canceller.Id).Select(x => x.Status).ToListAsync());
        hers.Should().Equal([BookingStatus.Cancelled], "the customer cancelled this class; the job leaves it alone"); // Was: Cancelled, Confirmed
        (await backend.WithDbAsync(db => db.ClassPacks.AsNoTracking().SingleAsync(p => p.Id == pack.Id))).CreditsRemaining.Should().Be(5);
    }

    // The daily run expired ended memberships from a copy read before it waited for a customer's lock: a cancellation
    // committed meanwhile was overwritten with Expired. Whichever goes first now, the other sees what it did.
    [Fact]
    public async Task Recompute_RacingACancellationOfAnEndedMembership_NeverOverwritesIt()
    {
        var studio = await Studio.OpenAsync(backend, policy: Policy);
        var owner = await studio.CustomerAsync("Owen Owner", LifecycleStatus.Member);
        await studio.MembershipAsync(owner, Allowance.Unlimited);
        var today = studio.Organization.LocalDate(backend.Clock.GetUtcNow());
        var ended = await studio.MembershipAsync(owner, Allowance.Unlimited, today.AddDays(-60), today.AddDays(-1));
        var lapsing = await studio.CustomerAsync("Lara Lapsing", LifecycleStatus.Member);
        await studio.MembershipAsync(lapsing, Allowance.Unlimited, today.AddDays(-60), today.AddDays(-1));

        var holder = await HoldAsync("customers", lapsing.Id);
        var recompute = Task.Run(() => backend.SendAsync(new RecomputeLifecyclesCommand(studio.Id)));
        await WaitersAsync(1);
        var cancel = Task.Run(() => backend.SendAsync(new CancelMembershipCommand(studio.Id, ended.Id)));
        for (var i = 0; i < 200 && !cancel.IsCompleted && await LockWaitersAsync() < 2; i++) await Task.Delay(25);
        await ReleaseAsync(holder);

        (await recompute).IsSuccess.Should().BeTrue();
        var cancelled = await cancel;
        var stored = await backend.WithDbAsync(db => db.Memberships.AsNoTracking().SingleAsync(m => m.Id == ended.Id));
        // Was: the cancellation succeeded and the membership was stored Expired.
        stored.Status.Should().Be(cancelled.IsSuccess ? MembershipStatus.Cancelled : MembershipStatus.Expired, cancelled.Error?.Code);
    }

    // No race needed: a merge that drops a waitlisted duplicate leaves a gap in the waitlist,
    // and the next to join gets a position somebody already holds.
    [Fact]
    public async Task MergeDroppingAWaitlistedDuplicate_KeepsPositionsOneToN()
    {
        var studio = await Studio.OpenAsync(backend, policy: Policy);
        var survivor = await studio.CustomerAsync("Pat Survivor", LifecycleStatus.Member);
        var merged = await studio.CustomerAsync("Pat Duplicate", LifecycleStatus.Member);
        var first = await studio.CustomerAsync("Fay First", LifecycleStatus.Member);
        var last = await studio.CustomerAsync("Lou Last", LifecycleStatus.Member);
        var late = await studio.CustomerAsync("Lem Late", LifecycleStatus.Member);
        foreach (var c in new[] { survivor, merged, first, last, late }) await studio.PackAsync(c, credits: 5);
        var session = await studio.SessionAsync(TimeSpan.FromDays(2), capacity: 1);
        (await backend.SendAsync(new BookClassCommand(studio.Id, survivor.Id, session.Id))).IsSuccess.Should().BeTrue();
        foreach (var c in new[] { first, merged, last })
            (await backend.SendAsync(new BookClassCommand(studio.Id, c.Id, session.Id, JoinWaitlistIfFull: true))).Value.Status.Should().Be(BookingStatus.Waitlisted);

        (await backend.SendAsync(new MergeCustomersCommand(studio.Id, survivor.Id, merged.Id))).Value.DuplicateBookingsCancelled.Should().Be(1);
        (await backend.SendAsync(new BookClassCommand(studio.Id, late.Id, session.Id, JoinWaitlistIfFull: true))).IsSuccess.Should().BeTrue();

        var positions = await backend.WithDbAsync(db => db.Bookings.AsNoTracking()
            .Where(b => b.SessionId == session.Id && b.Status == BookingStatus.Waitlisted).Select(b => b.WaitlistPosition).ToListAsync());
        // Was: 1, 3, 3 (a gap at 2, then two bookings at 3)
        positions.Order().Should().Equal(1, 2, 3);
    }
}
