using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Domain.Scheduling;
using UnifiedCustomers.Domain.Tests.Builders;

namespace UnifiedCustomers.Domain.Tests.Bookings;

public sealed class BookingTests
{
    private static readonly BookingPolicy Policy = BookingPolicy.Default;
    private static readonly BookingPayment ByPack = BookingPayment.ByPack(Guid.NewGuid());

    private readonly ClassSession _session = A.Session.Build();

    private DateTimeOffset Start => _session.StartsAt;

    [Fact]
    public void Create_WhenGivenASeat_IsConfirmedAndCharged()
    {
        var customer = A.Customer.AsMember().Build();

        var booking = Booking.Create(customer, _session, new Admission(false, null), ByPack, BookingSource.Staff, "key-1", TestClock.Start);

        booking.Should().BeEquivalentTo(new
        {
            customer.OrganizationId,
            CustomerId = customer.Id,
            SessionId = _session.Id,
            Status = BookingStatus.Confirmed,
            PaymentMethod = PaymentMethod.Pack,
            ByPack.PackId,
            MembershipId = (Guid?)null,
            Charged = true,
            WaitlistPosition = (int?)null,
            Source = BookingSource.Staff,
            IdempotencyKey = "key-1",
            BookedAt = TestClock.Start,
        });
    }

    [Fact]
    public void Create_WhenWaitlisted_IsWaitlistedAtThePositionAndNotCharged()
    {
        var booking = A.Booking.Of(_session).PaidBy(ByPack).Waitlisted(3).Build();

        (booking.Status, booking.WaitlistPosition, booking.Charged).Should().Be((BookingStatus.Waitlisted, (int?)3, false));
    }

    [Theory]
    [MemberData(nameof(NonConsumingPayments))]
    public void Create_WhenPaidWithoutCredit_IsConfirmedButNotCharged(BookingPayment payment)
    {
        var booking = A.Booking.Of(_session).PaidBy(payment).Build();

        (booking.Status, booking.Charged).Should().Be((BookingStatus.Confirmed, false));
    }

    public static TheoryData<BookingPayment> NonConsumingPayments => new() { BookingPayment.DropIn, BookingPayment.Complimentary };

    [Fact]
    public void Cancel_WhenBeforeTheLateWindow_CancelsAndRefunds()
    {
        var booking = Confirmed(ByPack);
        var now = Start.AddHours(-12);

        var outcome = booking.Cancel(_session, Policy, waiveLateFee: false, now).ShouldSucceed();

        outcome.Should().Be(new CancellationOutcome(Refund: true, FreedSeat: true));
        (booking.Status, booking.Charged, booking.CancelledAt).Should().Be((BookingStatus.Cancelled, false, (DateTimeOffset?)now));
    }

    [Fact]
    public void Cancel_WhenInsideTheLateWindow_LateCancelsAndForfeitsTheCredit()
    {
        var booking = Confirmed(ByPack);

        var outcome = booking.Cancel(_session, Policy, waiveLateFee: false, Start.AddHours(-2)).ShouldSucceed();

        outcome.Should().Be(new CancellationOutcome(Refund: false, FreedSeat: true));
        (booking.Status, booking.Charged).Should().Be((BookingStatus.LateCancelled, true));
    }

    [Fact]
    public void Cancel_WhenLateAndThePolicyDoesNotForfeit_LateCancelsAndRefunds()
    {
        var booking = Confirmed(ByPack);

        var outcome = booking.Cancel(_session, Policy with { LateCancelForfeitsCredit = false }, waiveLateFee: false, Start.AddHours(-2)).ShouldSucceed();

        outcome.Refund.Should().BeTrue();
        (booking.Status, booking.Charged).Should().Be((BookingStatus.LateCancelled, false));
    }

    [Fact]
    public void Cancel_WhenLateAndStaffWaiveTheFee_LateCancelsAndRefunds()
    {
        var booking = Confirmed(ByPack);

        var outcome = booking.Cancel(_session, Policy, waiveLateFee: true, Start.AddHours(-2)).ShouldSucceed();

        outcome.Refund.Should().BeTrue();
        (booking.Status, booking.Charged).Should().Be((BookingStatus.LateCancelled, false));
    }

    [Fact]
    public void Cancel_WhenNothingWasCharged_RefundsNothing()
    {
        var booking = Confirmed(BookingPayment.DropIn);

        booking.Cancel(_session, Policy, waiveLateFee: false, TestClock.Start).ShouldSucceed().Should().Be(new CancellationOutcome(Refund: false, FreedSeat: true));
    }

    [Fact]
    public void Cancel_WhenWaitlisted_CancelsWithoutRefundOrFreedSeatAndLeavesTheWaitlist()
    {
        var booking = A.Booking.Of(_session).PaidBy(ByPack).Waitlisted(2).Build();

        var outcome = booking.Cancel(_session, Policy, waiveLateFee: false, Start.AddHours(-1)).ShouldSucceed();

        outcome.Should().Be(new CancellationOutcome(Refund: false, FreedSeat: false));
        (booking.Status, booking.WaitlistPosition).Should().Be((BookingStatus.Cancelled, (int?)null));
    }

    [Fact]
    public void Cancel_WhenAlreadyCancelledAttendedOrNoShow_FailsWithNotCancellable()
    {
        var cancelled = Confirmed(ByPack);
        cancelled.Cancel(_session, Policy, false, TestClock.Start).ShouldSucceed();
        var lateCancelled = Confirmed(ByPack);
        lateCancelled.Cancel(_session, Policy, false, Start.AddHours(-1)).ShouldSucceed();
        var attended = Confirmed(ByPack);
        attended.CheckIn(_session, Start).ShouldSucceed();
        var noShow = Confirmed(ByPack);
        noShow.MarkNoShow(_session, Start).ShouldSucceed();

        foreach (var booking in new[] { cancelled, lateCancelled, attended, noShow })
        {
            booking.Cancel(_session, Policy, false, Start.AddHours(-1)).ShouldFailWith("booking.not_cancellable");
        }
        attended.Status.Should().Be(BookingStatus.Attended);
        cancelled.CancelledAt.Should().Be(TestClock.Start);
    }

    [Fact]
    public void CancelWithSession_WhenConfirmedAndCharged_CancelsAndRefundsEvenInsideTheLateWindow()
    {
        var booking = Confirmed(ByPack);
        var now = Start.AddMinutes(-30);

        var outcome = booking.CancelWithSession(now);

        outcome.Should().Be(new CancellationOutcome(Refund: true, FreedSeat: false));
        (booking.Status, booking.Charged, booking.CancelledAt).Should().Be((BookingStatus.Cancelled, false, (DateTimeOffset?)now));
    }

    [Fact]
    public void CancelWithSession_WhenWaitlisted_CancelsAndClearsThePositionWithoutRefund()
    {
        var booking = A.Booking.Of(_session).PaidBy(ByPack).Waitlisted(1).Build();

        booking.CancelWithSession(TestClock.Start).Refund.Should().BeFalse();

        (booking.Status, booking.WaitlistPosition).Should().Be((BookingStatus.Cancelled, (int?)null));
    }

    [Fact]
    public void CancelWithSession_WhenAlreadyCancelled_ChangesNothing()
    {
        var booking = Confirmed(ByPack);
        booking.Cancel(_session, Policy, false, Start.AddHours(-1)).ShouldSucceed();

        booking.CancelWithSession(Start.AddMinutes(-10)).Should().Be(default(CancellationOutcome));

        (booking.Status, booking.Charged, booking.CancelledAt).Should().Be((BookingStatus.LateCancelled, true, (DateTimeOffset?)Start.AddHours(-1)));
    }

    [Fact]
    public void Promote_WhenWaitlisted_ConfirmsWithThePaymentFoundAndCharges()
    {
        var booking = A.Booking.Of(_session).PaidBy(BookingPayment.DropIn).Waitlisted(1).Build();
        var membership = BookingPayment.ByMembership(Guid.NewGuid());
        var now = Start.AddHours(-3);

        booking.Promote(membership, now).ShouldSucceed();

        booking.Should().BeEquivalentTo(new
        {
            Status = BookingStatus.Confirmed,
            Payment = membership,
            Charged = true,
            WaitlistPosition = (int?)null,
            PromotedAt = (DateTimeOffset?)now,
        });
    }

    [Fact]
    public void Promote_WhenPromotedAsADropIn_IsNotCharged()
    {
        var booking = A.Booking.Of(_session).PaidBy(ByPack).Waitlisted(1).Build();

        booking.Promote(BookingPayment.DropIn, TestClock.Start).ShouldSucceed();

        (booking.Status, booking.Charged).Should().Be((BookingStatus.Confirmed, false));
    }

    [Fact]
    public void Promote_WhenNotWaitlisted_FailsWithNotWaitlisted()
    {
        var booking = Confirmed(ByPack);

        booking.Promote(BookingPayment.DropIn, TestClock.Start).ShouldFailWith("booking.not_waitlisted");

        (booking.Payment, booking.PromotedAt).Should().Be((ByPack, (DateTimeOffset?)null));
    }

    [Fact]
    public void MoveToWaitlistPosition_WhenWaitlisted_TakesThePosition()
    {
        var booking = A.Booking.Of(_session).Waitlisted(3).Build();

        booking.MoveToWaitlistPosition(2);

        booking.WaitlistPosition.Should().Be(2);
    }

    [Fact]
    public void MoveToWaitlistPosition_WhenConfirmedOrBelowOne_IsABug()
    {
        var confirmed = Confirmed(ByPack);
        var waitlisted = A.Booking.Of(_session).Waitlisted(1).Build();

        confirmed.Invoking(b => b.MoveToWaitlistPosition(1)).Should().Throw<InvalidOperationException>();
        waitlisted.Invoking(b => b.MoveToWaitlistPosition(0)).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void CheckIn_FromThirtyMinutesBeforeTheStart_Attends()
    {
        var booking = Confirmed(ByPack);
        var now = Start.AddMinutes(-30);

        booking.CheckIn(_session, now).ShouldSucceed();

        (booking.Status, booking.CheckedInAt).Should().Be((BookingStatus.Attended, (DateTimeOffset?)now));
    }

    [Fact]
    public void CheckIn_UntilTheEnd_Attends() =>
        Confirmed(ByPack).CheckIn(_session, _session.EndsAt).ShouldSucceed();

    [Fact]
    public void CheckIn_WhenEarlierThanThirtyMinutesBefore_FailsWithNotOpen()
    {
        var booking = Confirmed(ByPack);

        booking.CheckIn(_session, Start.AddMinutes(-30).AddSeconds(-1)).ShouldFailWith("checkin.not_open");

        booking.Status.Should().Be(BookingStatus.Confirmed);
    }

    [Fact]
    public void CheckIn_WhenAfterTheEnd_FailsWithClosed() =>
        Confirmed(ByPack).CheckIn(_session, _session.EndsAt.AddSeconds(1)).ShouldFailWith("checkin.closed");

    [Fact]
    public void CheckIn_WhenNotConfirmed_FailsWithNotConfirmed() =>
        A.Booking.Of(_session).Waitlisted(1).Build().CheckIn(_session, Start).ShouldFailWith("booking.not_confirmed");

    [Fact]
    public void UndoCheckIn_WhenAttended_ReturnsToConfirmed()
    {
        var booking = Confirmed(ByPack);
        booking.CheckIn(_session, Start).ShouldSucceed();

        booking.UndoCheckIn(_session).ShouldSucceed();

        (booking.Status, booking.CheckedInAt).Should().Be((BookingStatus.Confirmed, (DateTimeOffset?)null));
    }

    [Fact]
    public void UndoCheckIn_WhenNotCheckedIn_FailsWithNotCheckedIn() =>
        Confirmed(ByPack).UndoCheckIn(_session).ShouldFailWith("booking.not_checked_in");

    [Fact]
    public void MarkNoShow_FromTheStart_MarksNoShow()
    {
        var booking = Confirmed(ByPack);

        booking.MarkNoShow(_session, Start).ShouldSucceed();

        (booking.Status, booking.Charged).Should().Be((BookingStatus.NoShow, true));
    }

    [Fact]
    public void MarkNoShow_BeforeTheStart_FailsWithNotStarted()
    {
        var booking = Confirmed(ByPack);

        booking.MarkNoShow(_session, Start.AddSeconds(-1)).ShouldFailWith("session.not_started");

        booking.Status.Should().Be(BookingStatus.Confirmed);
    }

    [Fact]
    public void MarkNoShow_WhenNotConfirmed_FailsWithNotConfirmed() =>
        A.Booking.Of(_session).Waitlisted(1).Build().MarkNoShow(_session, Start).ShouldFailWith("booking.not_confirmed");

    [Fact]
    public void IsActiveAndHoldsSeat_FollowTheStatus()
    {
        var confirmed = Confirmed(ByPack);
        var waitlisted = A.Booking.Of(_session).Waitlisted(1).Build();
        var attended = Confirmed(ByPack);
        attended.CheckIn(_session, Start).ShouldSucceed();
        var noShow = Confirmed(ByPack);
        noShow.MarkNoShow(_session, Start).ShouldSucceed();
        var cancelled = Confirmed(ByPack);
        cancelled.Cancel(_session, Policy, false, TestClock.Start).ShouldSucceed();
        var lateCancelled = Confirmed(ByPack);
        lateCancelled.Cancel(_session, Policy, false, Start.AddHours(-1)).ShouldSucceed();

        new[] { confirmed, waitlisted, attended, noShow, cancelled, lateCancelled }
            .Select(b => (b.Status, b.IsActive, b.HoldsSeat))
            .Should().Equal(
                (BookingStatus.Confirmed, true, true),
                (BookingStatus.Waitlisted, true, false),
                (BookingStatus.Attended, true, true),
                (BookingStatus.NoShow, false, true),
                (BookingStatus.Cancelled, false, false),
                (BookingStatus.LateCancelled, false, false));
    }

    private Booking Confirmed(BookingPayment payment) => A.Booking.Of(_session).PaidBy(payment).Build();
}
