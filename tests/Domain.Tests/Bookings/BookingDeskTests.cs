using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Domain.Packs;
using UnifiedCustomers.Domain.Scheduling;
using UnifiedCustomers.Domain.Tests.Builders;

namespace UnifiedCustomers.Domain.Tests.Bookings;

public sealed class BookingDeskTests
{
    private static readonly DateTimeOffset Now = TestClock.Start;
    private static readonly BookingRequest Plain = new();

    private readonly Organization _studio = A.Organization.WithPolicy(BookingPolicy.Default with { DropInsForLeadsAndTrials = false }).Build();

    [Fact]
    public void Book_WhenEveryRuleFails_RefusesWithEachRuleInTurnAsTheEarlierOnesAreMet()
    {
        var customer = A.Customer.AsMember().Archived().Build();
        var session = A.Session.WithCapacity(1).Build();

        // 1. the customer can book
        BookingDesk.Book(Account(customer), null, Plain, Now).ShouldFailWith("customer.archived");
        customer.Restore(new LifecycleEvidence(HasCurrentPaid: true, HasCurrentTrial: false, HasPastPurchase: true), Now).ShouldSucceed();
        // 2. the session exists
        BookingDesk.Book(Account(customer), null, Plain, Now).ShouldFailWith("session.not_found");
        // 3. the session is open (here: not yet, it opens 14 days before)
        var farAway = A.Session.StartingAt(Now.AddDays(30)).Build();
        BookingDesk.Book(Account(customer), AtDesk(farAway, seatsTaken: 1, heldBy: customer), Plain, Now).ShouldFailWith("booking.window_not_open");
        // 4. the customer holds no booking of it
        BookingDesk.Book(Account(customer), AtDesk(session, seatsTaken: 1, heldBy: customer), Plain, Now).ShouldFailWith("booking.already_booked");
        // 5. a seat is free (or the waitlist, when asked for)
        BookingDesk.Book(Account(customer), AtDesk(session, seatsTaken: 1), Plain, Now).ShouldFailWith("session.full");
        // 6. something pays
        BookingDesk.Book(Account(customer), AtDesk(session), Plain, Now).ShouldFailWith("payment.none_available");
        // every rule met
        var pack = A.Pack.For(customer).WithCredits(2).Build();
        BookingDesk.Book(Account(customer, packs: [pack]), AtDesk(session), Plain, Now).ShouldSucceed().Booking.Status.Should().Be(BookingStatus.Confirmed);
    }

    [Fact]
    public void Book_WhenTheSessionIsCancelled_RefusesBeforeLookingAtSeatsOrPayment()
    {
        var customer = A.Customer.AsMember().Build();
        var session = A.Session.WithCapacity(1).Build();
        session.Cancel(Now).ShouldSucceed();

        BookingDesk.Book(Account(customer), AtDesk(session, seatsTaken: 1), Plain, Now).ShouldFailWith("session.cancelled");
    }

    [Fact]
    public void Book_WithAPack_TakesASeatSpendsACreditAndWritesOneLedgerRow()
    {
        var customer = A.Customer.AsMember().Build();
        var pack = A.Pack.For(customer).WithCredits(3).Build();
        var session = AtDesk(A.Session.WithCapacity(5).Build(), seatsTaken: 2, waitlisted: 0);

        var decision = BookingDesk.Book(Account(customer, packs: [pack]), session, Plain, Now).ShouldSucceed();

        decision.Booking.Should().BeEquivalentTo(new { Status = BookingStatus.Confirmed, PaymentMethod = PaymentMethod.Pack, PackId = (Guid?)pack.Id, Charged = true });
        decision.LedgerRows.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Delta = -1, Reason = LedgerReason.Booked, PackId = (Guid?)pack.Id });
        (pack.CreditsRemaining, decision.CreditsRemaining, session.SeatsTaken).Should().Be((2, (int?)2, 3));
        session.IsHeldBy(customer.Id).Should().BeTrue();
    }

    [Fact]
    public void Book_WhenFullAndAskedForTheWaitlist_JoinsAtTheEndAndSpendsNothing()
    {
        var customer = A.Customer.AsMember().Build();
        var pack = A.Pack.For(customer).WithCredits(3).Build();
        var session = AtDesk(A.Session.WithCapacity(2).Build(), seatsTaken: 2, waitlisted: 3);

        var decision = BookingDesk.Book(Account(customer, packs: [pack]), session, Plain with { JoinWaitlistIfFull = true }, Now).ShouldSucceed();

        (decision.Booking.Status, decision.Booking.WaitlistPosition, decision.Booking.Charged).Should().Be((BookingStatus.Waitlisted, (int?)4, false));
        decision.LedgerRows.Should().BeEmpty();
        (pack.CreditsRemaining, session.Waitlisted).Should().Be((3, 4));
    }

    [Fact]
    public void Book_InABatch_CountsTheAllowanceAndSeatsTakenEarlierInTheBatch()
    {
        var customer = A.Customer.AsMember().Build();
        var other = A.Customer.AsMember().Build();
        var twoAWeek = A.Membership.For(customer).WithAllowance(AllowancePeriod.Week, 2).Build();
        var account = Account(customer, memberships: [twoAWeek]);
        // Wednesday, Thursday and Friday of the same week; Thursday has one seat.
        var wednesday = AtDesk(A.Session.Build());
        var thursday = AtDesk(A.Session.StartingAt(SessionBuilder.DefaultStart.AddDays(1)).WithCapacity(1).Build());
        var friday = AtDesk(A.Session.StartingAt(SessionBuilder.DefaultStart.AddDays(2)).Build());

        BookingDesk.Book(account, wednesday, Plain, Now).ShouldSucceed().AllowanceRemaining.Should().Be(1);
        BookingDesk.Book(account, thursday, Plain, Now).ShouldSucceed().AllowanceRemaining.Should().Be(0);
        var third = BookingDesk.Book(account, friday, Plain, Now);
        var seatGone = BookingDesk.Book(Account(other, packs: [A.Pack.For(other).Build()]), thursday, Plain, Now);

        third.ShouldFailWith("payment.none_available");
        third.Error!.Reasons.Select(r => r.Code).Should().Contain("membership.allowance_used");
        seatGone.ShouldFailWith("session.full");
    }

    [Fact]
    public void Book_WhenTheAllowanceWasSpentInAnotherPeriod_StillPays()
    {
        var customer = A.Customer.AsMember().Build();
        var oneAWeek = A.Membership.For(customer).WithAllowance(AllowancePeriod.Week, 1).Build();
        var lastWeek = new MembershipCharge(Guid.NewGuid(), oneAWeek.Id, SessionBuilder.DefaultStart.AddDays(-7));
        var thisWeek = new MembershipCharge(Guid.NewGuid(), oneAWeek.Id, SessionBuilder.DefaultStart.AddDays(-1));

        BookingDesk.Book(Account(customer, memberships: [oneAWeek], charges: [lastWeek]), AtDesk(A.Session.Build()), Plain, Now).ShouldSucceed();
        BookingDesk.Book(Account(customer, memberships: [oneAWeek], charges: [thisWeek]), AtDesk(A.Session.Build()), Plain, Now)
            .ShouldFailWith("payment.none_available");
    }

    [Fact]
    public void Cancel_BeforeTheLateWindow_RefundsTheCreditFreesTheSeatAndTheFirstWhoCanPayIsPromoted()
    {
        var session = A.Session.WithCapacity(1).Build();
        var (leaver, leaverPack) = Holder(credits: 5);
        var broke = A.Customer.AsMember().Build();
        var (next, nextPack) = Holder(credits: 5);
        var atDesk = AtDesk(session);
        var leaverAccount = Account(leaver, packs: [leaverPack]);
        var seat = BookingDesk.Book(leaverAccount, atDesk, Plain, Now).ShouldSucceed().Booking;
        var brokeAccount = Account(broke, packs: []);
        var nextAccount = Account(next, packs: [nextPack]);
        var waiting1 = BookingDesk.Book(Account(broke, packs: [A.Pack.For(broke).WithCredits(1).Build()]), atDesk, Plain with { JoinWaitlistIfFull = true }, Now)
            .ShouldSucceed().Booking;
        var waiting2 = BookingDesk.Book(nextAccount, atDesk, Plain with { JoinWaitlistIfFull = true }, Now).ShouldSucceed().Booking;

        var cancelled = BookingDesk.Cancel(leaverAccount, atDesk, seat, waiveLateFee: false, Now).ShouldSucceed();
        var candidates = BookingDesk.PromotionCandidates(atDesk, _studio.Policy, Now).GetEnumerator();
        candidates.MoveNext().Should().BeTrue();
        candidates.Current.Should().BeSameAs(waiting1);
        BookingDesk.Promote(brokeAccount, atDesk, waiting1, Now).ShouldFailWith("payment.none_available");
        candidates.MoveNext().Should().BeTrue();
        candidates.Current.Should().BeSameAs(waiting2);
        var promoted = BookingDesk.Promote(nextAccount, atDesk, waiting2, Now).ShouldSucceed();
        candidates.MoveNext().Should().BeFalse("the freed seat is taken");
        BookingDesk.CloseUpWaitlist(atDesk);

        (seat.Status, leaverPack.CreditsRemaining).Should().Be((BookingStatus.Cancelled, 5));
        cancelled.LedgerRows.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Delta = +1, Reason = LedgerReason.CancellationRefund });
        (waiting2.Status, waiting2.Charged, nextPack.CreditsRemaining).Should().Be((BookingStatus.Confirmed, true, 4));
        promoted.LedgerRows.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Delta = -1, Reason = LedgerReason.Promoted });
        (waiting1.Status, waiting1.WaitlistPosition).Should().Be((BookingStatus.Waitlisted, (int?)1), "who cannot pay keeps their place, closed up");
        (atDesk.SeatsTaken, atDesk.Waitlisted).Should().Be((1, 1));
    }

    [Fact]
    public void PromotionCandidates_AfterTheCutoff_AreNone()
    {
        var session = A.Session.WithCapacity(1).Build();
        var (waiting, pack) = Holder(credits: 5);
        var atDesk = AtDesk(session, seatsTaken: 1);
        BookingDesk.Book(Account(waiting, packs: [pack]), atDesk, Plain with { JoinWaitlistIfFull = true }, Now).ShouldSucceed();
        var late = session.StartsAt.AddMinutes(-30);
        atDesk = new SessionAtDesk(session, "Yoga", 0, 1, [], atDesk.Waitlist);

        BookingDesk.PromotionCandidates(atDesk, _studio.Policy, late).Should().BeEmpty();
        BookingDesk.PromotionCandidates(atDesk, _studio.Policy, Now).Should().ContainSingle();
    }

    [Fact]
    public void CheckIn_AndNoShow_FollowTheBookingsRulesAndDescribeWhatIsLeft()
    {
        var (customer, pack) = Holder(credits: 5);
        var session = A.Session.Build();
        var account = Account(customer, packs: [pack]);
        var atDesk = AtDesk(session);
        var booking = BookingDesk.Book(account, atDesk, Plain, Now).ShouldSucceed().Booking;

        BookingDesk.CheckIn(account, atDesk, booking, Now).ShouldFailWith("checkin.not_open");
        BookingDesk.CheckIn(account, atDesk, booking, session.StartsAt).ShouldSucceed().CreditsRemaining.Should().Be(4);
        BookingDesk.MarkNoShow(account, atDesk, booking, session.StartsAt).ShouldFailWith("booking.not_confirmed");
        BookingDesk.UndoCheckIn(account, atDesk, booking).ShouldSucceed();
        BookingDesk.MarkNoShow(account, atDesk, booking, session.StartsAt).ShouldSucceed().Booking.Status.Should().Be(BookingStatus.NoShow);
    }

    [Fact]
    public void Reschedule_KeepsEachMembershipChargeAtTheStartItWasBookedFor_ThroughASecondMove_AndRaisesAnEventPerMove()
    {
        var member = A.Customer.AsMember().Build();
        var twoAWeek = A.Membership.For(member).WithAllowance(AllowancePeriod.Week, 2).Build();
        var (payer, pack) = Holder(credits: 2);
        var session = A.Session.WithCapacity(2).Build();
        var atDesk = AtDesk(session);
        var account = Account(member, memberships: [twoAWeek]);
        var byMembership = BookingDesk.Book(account, atDesk, Plain, Now).ShouldSucceed().Booking;
        var byPack = BookingDesk.Book(Account(payer, packs: [pack]), atDesk, Plain, Now).ShouldSucceed().Booking;
        var (late, latePack) = Holder(credits: 1);
        var waiting = BookingDesk.Book(Account(late, packs: [latePack]), atDesk, Plain with { JoinWaitlistIfFull = true }, Now).ShouldSucceed().Booking;
        var bookedFor = session.StartsAt;

        BookingDesk.Reschedule(atDesk, [byMembership, byPack], bookedFor.AddDays(7), null, Now).ShouldSucceed();
        BookingDesk.Reschedule(atDesk, [byMembership, byPack], bookedFor.AddDays(8), null, Now).ShouldSucceed();

        (byMembership.ChargedFor, byPack.ChargedFor, waiting.ChargedFor).Should().Be(((DateTimeOffset?)bookedFor, (DateTimeOffset?)null, (DateTimeOffset?)null));
        (byMembership.ChargedInstant(session), byPack.ChargedInstant(session)).Should().Be((bookedFor, bookedFor.AddDays(8)));
        BookingDesk.Describe(account, atDesk, byMembership).AllowanceRemaining.Should().Be(1, "the class still counts in the week it was booked in");
        session.PendingEvents().Select(e => e.Event).OfType<SessionRescheduled>().Select(e => (e.PreviousStartsAt, e.SeatsTaken))
            .Should().Equal((bookedFor, 2), (bookedFor.AddDays(7), 2));
    }

    [Fact]
    public void Reschedule_OfOnlyTheEnd_StampsNoCharge_AndToTheSameTimes_RaisesNothing()
    {
        var member = A.Customer.AsMember().Build();
        var oneAWeek = A.Membership.For(member).WithAllowance(AllowancePeriod.Week, 1).Build();
        var session = A.Session.Build();
        var atDesk = AtDesk(session);
        var booking = BookingDesk.Book(Account(member, memberships: [oneAWeek]), atDesk, Plain, Now).ShouldSucceed().Booking;
        var (start, end) = (session.StartsAt, session.EndsAt);

        BookingDesk.Reschedule(atDesk, [booking], start, end, Now).ShouldSucceed();
        session.PendingEvents().Select(e => e.Event).OfType<SessionRescheduled>().Should().BeEmpty();
        BookingDesk.Reschedule(atDesk, [booking], start, end.AddMinutes(30), Now).ShouldSucceed();

        booking.ChargedFor.Should().BeNull();
        session.PendingEvents().Select(e => e.Event).OfType<SessionRescheduled>().Should().ContainSingle().Which.PreviousEndsAt.Should().Be(end);
    }

    [Fact]
    public void Cancel_WithARefund_ForgetsTheStartAMovedBookingWasChargedFor()
    {
        var member = A.Customer.AsMember().Build();
        var account = Account(member, memberships: [A.Membership.For(member).WithAllowance(AllowancePeriod.Week, 1).Build()]);
        var atDesk = AtDesk(A.Session.Build());
        var booking = BookingDesk.Book(account, atDesk, Plain, Now).ShouldSucceed().Booking;
        BookingDesk.Reschedule(atDesk, [booking], atDesk.Session.StartsAt.AddDays(7), null, Now).ShouldSucceed();
        booking.ChargedFor.Should().NotBeNull();

        BookingDesk.Cancel(account, atDesk, booking, waiveLateFee: false, Now).ShouldSucceed();

        (booking.Charged, booking.ChargedFor).Should().Be((false, (DateTimeOffset?)null));
    }

    private static (Customer Customer, ClassPack Pack) Holder(int credits)
    {
        var customer = A.Customer.AsMember().Build();
        return (customer, A.Pack.For(customer).WithCredits(credits).Build());
    }

    private CustomerAccount Account(
        Customer customer, IEnumerable<Membership>? memberships = null, IEnumerable<ClassPack>? packs = null, IEnumerable<MembershipCharge>? charges = null) =>
        new(_studio, customer, memberships ?? [], packs ?? [], charges ?? []);

    private static SessionAtDesk AtDesk(ClassSession session, int seatsTaken = 0, int waitlisted = 0, Customer? heldBy = null) =>
        new(session, "Vinyasa Flow", seatsTaken, waitlisted, heldBy is null ? [] : [heldBy.Id]);
}
