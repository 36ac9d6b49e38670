using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Bookings.BookClass;
using UnifiedCustomers.Application.Bookings.BookClasses;
using UnifiedCustomers.Application.Bookings.BookRecurring;
using UnifiedCustomers.Application.Scheduling.ScheduleSession;
using UnifiedCustomers.Application.Tests.Support;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Tests.Bookings;

public sealed class BatchAndRecurringTests(Backend backend) : IClassFixture<Backend>
{
    [Fact]
    public async Task BookClasses_AllOrNothing_WhenOneFails_BooksNoneAndSpendsNothing()
    {
        var studio = await Studio.OpenAsync(backend);
        var member = await studio.CustomerAsync(status: LifecycleStatus.Member);
        var pack = await studio.PackAsync(member, 5);
        var open = await studio.SessionAsync(TimeSpan.FromDays(1));
        var full = await studio.SessionAsync(TimeSpan.FromDays(2), capacity: 1);
        await backend.SendAsync(new BookClassCommand(studio.Id, (await studio.CustomerAsync("Seat Taker")).Id, full.Id));

        var result = await backend.SendAsync(new BookClassesCommand(studio.Id, member.Id, [open.Id, full.Id], BatchMode.AllOrNothing));

        result.Error!.Code.Should().Be("booking.batch_refused");
        result.Error.Reasons.Should().ContainSingle().Which.Should().Match<Domain.Common.Error>(r => r.Code == "session.full" && r.Field == full.Id.ToString());
        (await backend.WithDbAsync(db => db.Bookings.CountAsync(b => b.CustomerId == member.Id))).Should().Be(0);
        (await backend.WithDbAsync(db => db.ClassPacks.SingleAsync(p => p.Id == pack.Id))).CreditsRemaining.Should().Be(5);
    }

    [Fact]
    public async Task BookClasses_BestEffort_BooksWhatItCanWithAnOutcomePerSessionInRequestOrder()
    {
        var studio = await Studio.OpenAsync(backend);
        var member = await studio.CustomerAsync(status: LifecycleStatus.Member);
        await studio.PackAsync(member, 2);
        var sessions = new List<Guid>();
        foreach (var day in new[] { 3, 1, 2 }) sessions.Add((await studio.SessionAsync(TimeSpan.FromDays(day))).Id);

        var result = await backend.SendAsync(new BookClassesCommand(studio.Id, member.Id, sessions, BatchMode.BestEffort));

        result.Value.Booked.Should().Be(2);
        result.Value.Failed.Should().Be(1);
        result.Value.Outcomes.Select(o => o.SessionId).Should().Equal(sessions);
        result.Value.Outcomes.Where(o => o.ErrorCode is not null).Should().ContainSingle().Which.ErrorCode.Should().Be("payment.none_available");
        (await backend.WithDbAsync(db => db.Bookings.CountAsync(b => b.CustomerId == member.Id && b.Charged))).Should().Be(2);
    }

    [Fact]
    public async Task BatchOutcomes_CarryTheDomainsError_AndTheBatchRefusalKeepsItsReasons()
    {
        var studio = await Studio.OpenAsync(backend);
        var member = await studio.CustomerAsync(status: LifecycleStatus.Member);
        var sessions = new List<Guid>();
        foreach (var day in new[] { 1, 2 }) sessions.Add((await studio.SessionAsync(TimeSpan.FromDays(day))).Id);

        var bestEffort = await backend.SendAsync(new BookClassesCommand(studio.Id, member.Id, sessions, BatchMode.BestEffort));
        var allOrNothing = await backend.SendAsync(new BookClassesCommand(studio.Id, member.Id, sessions, BatchMode.AllOrNothing));

        // Nothing pays: the outcome holds the desk's own error (its kind and its reasons), not two strings.
        var refusal = bestEffort.Value.Outcomes[0].Error!;
        refusal.Code.Should().Be("payment.none_available");
        refusal.Kind.Should().Be(Domain.Common.ErrorKind.Rule);
        refusal.Reasons.Should().NotBeEmpty();
        bestEffort.Value.Outcomes[0].Should().Match<SessionOutcome>(o => o.ErrorCode == refusal.Code && o.ErrorMessage == refusal.Message && o.Booking == null);
        allOrNothing.Error!.Code.Should().Be("booking.batch_refused");
        allOrNothing.Error.Reasons.Select(r => r.Field).Should().Equal(sessions.Select(id => id.ToString()));
        allOrNothing.Error.Reasons.Should().OnlyContain(r => r.Code == "payment.none_available" && r.Reasons.Count == refusal.Reasons.Count);
    }

    [Fact]
    public async Task BookClasses_AMembershipAllowance_IsCountedAcrossTheBatch()
    {
        var studio = await Studio.OpenAsync(backend);
        var member = await studio.CustomerAsync(status: LifecycleStatus.Member);
        await studio.MembershipAsync(member, new Domain.Memberships.Allowance(Domain.Memberships.AllowancePeriod.Week, 2));
        var sessions = new List<Guid>();
        foreach (var day in new[] { 1, 2, 3 }) sessions.Add((await studio.SessionAsync(TimeSpan.FromDays(day))).Id);

        var result = await backend.SendAsync(new BookClassesCommand(studio.Id, member.Id, sessions));

        result.Value.Booked.Should().Be(2);
        result.Value.Outcomes[2].ErrorCode.Should().Be("payment.none_available");
        result.Value.Outcomes[1].Booking!.AllowanceRemaining.Should().Be(0);
    }

    [Fact]
    public async Task BookRecurring_AcrossADaylightSavingChange_BooksTheSameLocalTime()
    {
        var studio = await Studio.OpenAsync(backend);
        var customer = await studio.CustomerAsync();
        // London leaves summer time on Sunday 25 October 2026: 18:00 local is 17:00 UTC before, 18:00 UTC after.
        var before = await studio.SessionAtAsync(new DateTimeOffset(2026, 6, 8, 17, 0, 0, TimeSpan.Zero));
        backend.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 20, 8, 0, 0, TimeSpan.Zero));
        try
        {
            var lastSummer = await studio.SessionAtAsync(new DateTimeOffset(2026, 10, 21, 17, 0, 0, TimeSpan.Zero));
            var firstWinter = await studio.SessionAtAsync(new DateTimeOffset(2026, 10, 28, 18, 0, 0, TimeSpan.Zero));
            var wrongHour = await studio.SessionAtAsync(new DateTimeOffset(2026, 10, 28, 17, 0, 0, TimeSpan.Zero));

            var result = await backend.SendAsync(new BookRecurringCommand(
                studio.Id, customer.Id, studio.Yoga.Id, [DayOfWeek.Wednesday], new TimeOnly(18, 0), new DateOnly(2026, 10, 21), Count: 3));

            result.Value.Occurrences.Select(o => o.Date).Should().Equal(new DateOnly(2026, 10, 21), new DateOnly(2026, 10, 28), new DateOnly(2026, 11, 4));
            result.Value.Occurrences[0].SessionId.Should().Be(lastSummer.Id);
            result.Value.Occurrences[1].SessionId.Should().Be(firstWinter.Id);
            result.Value.Occurrences[1].StartsAtLocal.Should().Be(new DateTimeOffset(2026, 10, 28, 18, 0, 0, TimeSpan.Zero));
            result.Value.Occurrences[2].ErrorCode.Should().Be("recurring.no_session");
            result.Value.Occurrences[2].Error.Should().Be(StandingBookingErrors.NoSession);
            result.Value.Booked.Should().Be(2);
            (await backend.WithDbAsync(db => db.Bookings.AnyAsync(b => b.SessionId == wrongHour.Id || b.SessionId == before.Id))).Should().BeFalse();
        }
        finally
        {
            backend.Clock.SetUtcNow(Backend.Start);
        }
    }

    [Fact]
    public async Task BookRecurring_Standing_AlsoBooksASessionScheduledLaterInItsRange()
    {
        var studio = await Studio.OpenAsync(backend);
        var customer = await studio.CustomerAsync();
        var recurring = await backend.SendAsync(new BookRecurringCommand(
            studio.Id, customer.Id, studio.Yoga.Id, [DayOfWeek.Tuesday, DayOfWeek.Thursday], new TimeOnly(7, 30),
            new DateOnly(2026, 6, 2), UntilDate: new DateOnly(2026, 6, 12)));
        recurring.Value.Occurrences.Should().HaveCount(4).And.OnlyContain(o => o.ErrorCode == "recurring.no_session");

        // 07:30 in London on Thursday 4 June is 06:30 UTC.
        var matching = await backend.SendAsync(new ScheduleSessionCommand(studio.Id, studio.Yoga.Id, new DateTimeOffset(2026, 6, 4, 6, 30, 0, TimeSpan.Zero)));
        var otherTime = await backend.SendAsync(new ScheduleSessionCommand(studio.Id, studio.Yoga.Id, new DateTimeOffset(2026, 6, 4, 9, 0, 0, TimeSpan.Zero)));
        var afterRange = await backend.SendAsync(new ScheduleSessionCommand(studio.Id, studio.Yoga.Id, new DateTimeOffset(2026, 6, 16, 6, 30, 0, TimeSpan.Zero)));

        matching.Value.StandingBookings.Should().ContainSingle().Which.Should().Match<StandingBookingOutcome>(
            o => o.CustomerId == customer.Id && o.Status == BookingStatus.Confirmed && o.StandingBookingId == recurring.Value.StandingBookingId);
        otherTime.Value.StandingBookings.Should().BeEmpty();
        afterRange.Value.StandingBookings.Should().BeEmpty();
        (await backend.WithDbAsync(db => db.Bookings.Where(b => b.CustomerId == customer.Id).Select(b => b.SessionId).ToListAsync()))
            .Should().Equal(matching.Value.Id);
    }

    [Fact]
    public async Task BookRecurring_WithNeitherEndNorCount_IsThePatternsEndRequired()
    {
        var studio = await Studio.OpenAsync(backend);
        var amy = await studio.CustomerAsync();

        var refused = await backend.SendAsync(new BookRecurringCommand(studio.Id, amy.Id, studio.Yoga.Id, [DayOfWeek.Monday], new TimeOnly(7, 0), new DateOnly(2026, 6, 1)));

        // The validator answered validation.failed first, so the documented code never reached a client.
        (refused.Error!.Code, refused.Error.Field).Should().Be(("recurring.end_required", "untilDate"));
    }
}
