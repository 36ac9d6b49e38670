using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Bookings.BookClass;
using UnifiedCustomers.Application.Bookings.CancelBooking;
using UnifiedCustomers.Application.Bookings.CheckIn;
using UnifiedCustomers.Application.Bookings.MarkNoShow;
using UnifiedCustomers.Application.Bookings.UndoCheckIn;
using UnifiedCustomers.Application.Scheduling.CancelSession;
using UnifiedCustomers.Application.Tests.Support;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Organizations;

namespace UnifiedCustomers.Application.Tests.Bookings;

public sealed class CancelAndAttendanceTests(Backend backend) : IClassFixture<Backend>
{
    private Task<int> CreditsAsync(Guid packId) => backend.WithDbAsync(async db => (await db.ClassPacks.SingleAsync(p => p.Id == packId)).CreditsRemaining);

    private async Task<(Studio Studio, Customer Member, Domain.Packs.ClassPack Pack)> MemberWithPackAsync(BookingPolicy? policy = null)
    {
        var studio = await Studio.OpenAsync(backend, policy: policy);
        var member = await studio.CustomerAsync(status: LifecycleStatus.Member);
        return (studio, member, await studio.PackAsync(member, 5));
    }

    [Fact]
    public async Task Cancel_BeforeTheLateWindow_IsCancelledAndRefunded()
    {
        var (studio, member, pack) = await MemberWithPackAsync();
        var session = await studio.SessionAsync(TimeSpan.FromHours(13));
        var booking = await backend.SendAsync(new BookClassCommand(studio.Id, member.Id, session.Id));

        var cancelled = await backend.SendAsync(new CancelBookingCommand(studio.Id, booking.Value.Id));

        cancelled.Value.Status.Should().Be(BookingStatus.Cancelled);
        cancelled.Value.CreditsRemaining.Should().Be(5);
        (await CreditsAsync(pack.Id)).Should().Be(5);
        (await backend.WithDbAsync(db => db.CreditLedger.Where(e => e.BookingId == booking.Value.Id).OrderBy(e => e.At).Select(e => e.Delta).ToListAsync()))
            .Should().Equal(-1, 1);
    }

    [Fact]
    public async Task Cancel_InsideTheLateWindow_IsLateCancelledAndTheCreditForfeited()
    {
        var (studio, member, pack) = await MemberWithPackAsync();
        var session = await studio.SessionAsync(TimeSpan.FromHours(11));
        var booking = await backend.SendAsync(new BookClassCommand(studio.Id, member.Id, session.Id));

        var cancelled = await backend.SendAsync(new CancelBookingCommand(studio.Id, booking.Value.Id));

        cancelled.Value.Status.Should().Be(BookingStatus.LateCancelled);
        (await CreditsAsync(pack.Id)).Should().Be(4);
    }

    [Fact]
    public async Task Cancel_Late_ByStaffWaivingTheFee_RefundsAndAMembershipAllowanceComesBack()
    {
        var studio = await Studio.OpenAsync(backend);
        var member = await studio.CustomerAsync(status: LifecycleStatus.Member);
        await studio.MembershipAsync(member, new Allowance(AllowancePeriod.Week, 1));
        var session = await studio.SessionAsync(TimeSpan.FromHours(2));
        var booking = await backend.SendAsync(new BookClassCommand(studio.Id, member.Id, session.Id));
        booking.Value.AllowanceRemaining.Should().Be(0);

        var cancelled = await backend.SendAsync(new CancelBookingCommand(studio.Id, booking.Value.Id, CancelledBy.Staff, WaiveLateFee: true));

        cancelled.Value.Status.Should().Be(BookingStatus.LateCancelled);
        cancelled.Value.AllowanceRemaining.Should().Be(1);
        (await backend.SendAsync(new BookClassCommand(studio.Id, member.Id, (await studio.SessionAsync(TimeSpan.FromDays(1))).Id))).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public async Task Cancel_ByACustomerWaivingTheFee_FailsValidation()
    {
        var act = () => backend.SendAsync(new CancelBookingCommand(Guid.NewGuid(), Guid.NewGuid(), CancelledBy.Customer, WaiveLateFee: true));

        await act.Should().ThrowAsync<FluentValidation.ValidationException>();
    }

    [Fact]
    public async Task Cancel_Twice_IsNotCancellable()
    {
        var (studio, member, _) = await MemberWithPackAsync();
        var booking = await backend.SendAsync(new BookClassCommand(studio.Id, member.Id, (await studio.SessionAsync(TimeSpan.FromDays(1))).Id));
        await backend.SendAsync(new CancelBookingCommand(studio.Id, booking.Value.Id));

        (await backend.SendAsync(new CancelBookingCommand(studio.Id, booking.Value.Id))).Error!.Code.Should().Be("booking.not_cancellable");
        (await backend.SendAsync(new CancelBookingCommand(studio.Id, Guid.NewGuid()))).Error!.Code.Should().Be("booking.not_found");
    }

    [Fact]
    public async Task Cancel_PromotesTheFirstWaitlistedWhoCanPay_SkippingOneWhoCannotButKeepingTheirPlace()
    {
        var studio = await Studio.OpenAsync(backend, policy: new BookingPolicy { DropInsForLeadsAndTrials = false });
        var session = await studio.SessionAsync(TimeSpan.FromDays(2), capacity: 1);
        var holder = await studio.CustomerAsync("Seat Holder", LifecycleStatus.Member);
        await studio.PackAsync(holder, 1);
        var broke = await studio.CustomerAsync("First Waiting", LifecycleStatus.Member);
        var brokePack = await studio.PackAsync(broke, 1);
        var paying = await studio.CustomerAsync("Second Waiting", LifecycleStatus.Member);
        await studio.PackAsync(paying, 3);
        var seat = await backend.SendAsync(new BookClassCommand(studio.Id, holder.Id, session.Id));
        var first = await backend.SendAsync(new BookClassCommand(studio.Id, broke.Id, session.Id, JoinWaitlistIfFull: true));
        var second = await backend.SendAsync(new BookClassCommand(studio.Id, paying.Id, session.Id, JoinWaitlistIfFull: true));
        // The first in line spends their only credit elsewhere while waiting.
        await backend.SendAsync(new BookClassCommand(studio.Id, broke.Id, (await studio.SessionAsync(TimeSpan.FromDays(1))).Id));
        (await CreditsAsync(brokePack.Id)).Should().Be(0);

        await backend.SendAsync(new CancelBookingCommand(studio.Id, seat.Value.Id));

        var bookings = await backend.WithDbAsync(db => db.Bookings.Where(b => b.SessionId == session.Id).ToDictionaryAsync(b => b.Id));
        bookings[second.Value.Id].Status.Should().Be(BookingStatus.Confirmed);
        bookings[second.Value.Id].Charged.Should().BeTrue();
        bookings[first.Value.Id].Status.Should().Be(BookingStatus.Waitlisted);
        bookings[first.Value.Id].WaitlistPosition.Should().Be(1);
    }

    [Fact]
    public async Task Cancel_AfterThePromotionCutoff_PromotesNobody()
    {
        var studio = await Studio.OpenAsync(backend, policy: new BookingPolicy { PromotionCutoffMinutes = 60, LateCancelHours = 0 });
        var session = await studio.SessionAsync(TimeSpan.FromMinutes(45), capacity: 1);
        var seat = await backend.SendAsync(new BookClassCommand(studio.Id, (await studio.CustomerAsync("Seat Holder")).Id, session.Id));
        var waiting = await backend.SendAsync(new BookClassCommand(studio.Id, (await studio.CustomerAsync("Late Hope")).Id, session.Id, JoinWaitlistIfFull: true));

        await backend.SendAsync(new CancelBookingCommand(studio.Id, seat.Value.Id));

        (await backend.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Id == waiting.Value.Id))).Status.Should().Be(BookingStatus.Waitlisted);
    }

    [Fact]
    public async Task Cancel_AWaitlistedBooking_MovesThoseBehindUp()
    {
        var studio = await Studio.OpenAsync(backend);
        var session = await studio.SessionAsync(TimeSpan.FromDays(1), capacity: 1);
        await backend.SendAsync(new BookClassCommand(studio.Id, (await studio.CustomerAsync("Seat Holder")).Id, session.Id));
        var first = await backend.SendAsync(new BookClassCommand(studio.Id, (await studio.CustomerAsync("Wait One")).Id, session.Id, JoinWaitlistIfFull: true));
        var second = await backend.SendAsync(new BookClassCommand(studio.Id, (await studio.CustomerAsync("Wait Two")).Id, session.Id, JoinWaitlistIfFull: true));

        (await backend.SendAsync(new CancelBookingCommand(studio.Id, first.Value.Id))).Value.Status.Should().Be(BookingStatus.Cancelled);

        (await backend.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Id == second.Value.Id))).WaitlistPosition.Should().Be(1);
    }

    [Fact]
    public async Task CheckIn_OpensThirtyMinutesBeforeAndClosesAtTheEnd_AndCanBeUndone()
    {
        var (studio, member, _) = await MemberWithPackAsync();
        var session = await studio.SessionAsync(TimeSpan.FromMinutes(40));
        var booking = await backend.SendAsync(new BookClassCommand(studio.Id, member.Id, session.Id));

        (await backend.SendAsync(new CheckInCommand(studio.Id, booking.Value.Id))).Error!.Code.Should().Be("checkin.not_open");
        backend.Clock.Advance(TimeSpan.FromMinutes(15));
        var checkedIn = await backend.SendAsync(new CheckInCommand(studio.Id, booking.Value.Id));
        checkedIn.Value.Status.Should().Be(BookingStatus.Attended);
        checkedIn.Value.CheckedInAt.Should().Be(backend.Clock.GetUtcNow());
        (await backend.SendAsync(new UndoCheckInCommand(studio.Id, booking.Value.Id))).Value.Status.Should().Be(BookingStatus.Confirmed);
        (await backend.SendAsync(new UndoCheckInCommand(studio.Id, booking.Value.Id))).Error!.Code.Should().Be("booking.not_checked_in");
        backend.Clock.Advance(TimeSpan.FromMinutes(90));
        (await backend.SendAsync(new CheckInCommand(studio.Id, booking.Value.Id))).Error!.Code.Should().Be("checkin.closed");

        (await backend.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Id == booking.Value.Id))).Status.Should().Be(BookingStatus.Confirmed);
    }

    [Fact]
    public async Task MarkNoShow_OnlyAfterTheStart_KeepsTheCreditSpent()
    {
        var (studio, member, pack) = await MemberWithPackAsync();
        var session = await studio.SessionAsync(TimeSpan.FromMinutes(20));
        var booking = await backend.SendAsync(new BookClassCommand(studio.Id, member.Id, session.Id));

        (await backend.SendAsync(new MarkNoShowCommand(studio.Id, booking.Value.Id))).Error!.Code.Should().Be("session.not_started");
        backend.Clock.Advance(TimeSpan.FromMinutes(25));
        (await backend.SendAsync(new MarkNoShowCommand(studio.Id, booking.Value.Id))).Value.Status.Should().Be(BookingStatus.NoShow);

        (await CreditsAsync(pack.Id)).Should().Be(4);
        (await backend.SendAsync(new CancelBookingCommand(studio.Id, booking.Value.Id))).Error!.Code.Should().Be("booking.not_cancellable");
    }

    [Fact]
    public async Task CancelSession_CancelsEveryBookingAndRefundsWhatTheySpent()
    {
        var (studio, member, pack) = await MemberWithPackAsync();
        var session = await studio.SessionAsync(TimeSpan.FromHours(3), capacity: 1);
        var lead = await studio.CustomerAsync("Lee Lead");
        var booking = await backend.SendAsync(new BookClassCommand(studio.Id, member.Id, session.Id));
        var waiting = await backend.SendAsync(new BookClassCommand(studio.Id, lead.Id, session.Id, JoinWaitlistIfFull: true));

        var result = await backend.SendAsync(new CancelSessionCommand(studio.Id, session.Id));

        result.Value.Should().Match<CancelSessionResponse>(r => r.BookingsCancelled == 2 && r.Refunds == 1 && r.Status == Domain.Scheduling.SessionStatus.Cancelled);
        (await CreditsAsync(pack.Id)).Should().Be(5);
        (await backend.WithDbAsync(db => db.Bookings.Where(b => b.SessionId == session.Id).Select(b => b.Status).ToListAsync()))
            .Should().OnlyContain(s => s == BookingStatus.Cancelled);
        (await backend.WithDbAsync(db => db.CreditLedger.SingleAsync(e => e.BookingId == booking.Value.Id && e.Delta == 1))).Reason.Should().Be(LedgerReason.SessionCancelled);
        waiting.Value.Status.Should().Be(BookingStatus.Waitlisted);
        (await backend.SendAsync(new CancelSessionCommand(studio.Id, session.Id))).Error!.Code.Should().Be("session.already_cancelled");
    }
}
