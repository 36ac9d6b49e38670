using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Domain.Scheduling;
using UnifiedCustomers.Domain.Tests.Builders;

namespace UnifiedCustomers.Domain.Tests.Customers;

public sealed class CustomerMergeTests
{
    private static readonly DateTimeOffset Now = TestClock.Start.AddHours(1);

    private readonly Customer _survivor = A.Customer.AsMember().WithEmail("ada@example.com").Build();
    private readonly Customer _merged = A.Customer.Named("Adah").WithEmail("adah@example.com").WithPhone("+447700900001").AsMember().Build();
    private readonly ClassSession _session = A.Session.Build();

    [Fact]
    public void Merge_WhenSameOrganization_MovesBookingsMembershipsPacksAndNotesToTheSurvivor()
    {
        var booking = A.Booking.For(_merged).Of(_session).PaidBy(BookingPayment.DropIn).Build();
        var membership = A.Membership.For(_merged).Build();
        var pack = A.Pack.For(_merged).Build();
        var note = CustomerNote.Write(_merged, "prefers the back row", null, TestClock.Start).ShouldSucceed();

        Merge(new MergeHoldings([booking], [membership], [pack], [note])).ShouldSucceed().Should().BeEmpty();

        booking.CustomerId.Should().Be(_survivor.Id);
        membership.CustomerId.Should().Be(_survivor.Id);
        pack.CustomerId.Should().Be(_survivor.Id);
        note.CustomerId.Should().Be(_survivor.Id);
        booking.Status.Should().Be(BookingStatus.Confirmed);
    }

    [Fact]
    public void Merge_WhenSameOrganization_ArchivesTheMergedWithAPointerAndFreesItsEmail()
    {
        Merge(Nothing()).ShouldSucceed();

        _merged.Status.Should().Be(LifecycleStatus.Archived);
        _merged.MergedIntoId.Should().Be(_survivor.Id);
        _merged.Email.Should().BeNull();
        _merged.StatusHistory[^1].Should().BeEquivalentTo(new
        {
            From = (LifecycleStatus?)LifecycleStatus.Member,
            To = LifecycleStatus.Archived,
            Cause = $"merged into {_survivor.Id}",
            At = Now,
        });
    }

    [Fact]
    public void Merge_WhenMergedWasAlreadyArchived_KeepsItArchivedWithThePointer()
    {
        var archived = A.Customer.Named("Adah").WithEmail(null).Archived().Build();

        CustomerMerge.Merge(archived, _survivor, Nothing(), [], [], Evidence(paid: true), Now).ShouldSucceed();

        archived.Status.Should().Be(LifecycleStatus.Archived);
        archived.MergedIntoId.Should().Be(_survivor.Id);
    }

    [Fact]
    public void Merge_WhenSurvivorLacksEmailAndPhone_TakesThemAndJoinsTheNotes()
    {
        var survivor = A.Customer.WithEmail(null).Build();
        survivor.UpdateDetails("Ada", "Lovelace", null, null, null, "first visit in May", TestClock.Start).ShouldSucceed();
        _merged.UpdateDetails("Adah", "Lovelace", "adah@example.com", "+447700900001", null, "knee injury", TestClock.Start).ShouldSucceed();

        CustomerMerge.Merge(_merged, survivor, Nothing(), [], [], Evidence(paid: true), Now).ShouldSucceed();

        survivor.Email.Should().Be("adah@example.com");
        survivor.Phone.Should().Be("+447700900001");
        survivor.Notes.Should().Be("first visit in May\nknee injury");
        survivor.UpdatedAt.Should().Be(Now);
    }

    [Fact]
    public void Merge_WhenSurvivorHasAnEmail_KeepsItsOwn()
    {
        Merge(Nothing()).ShouldSucceed();

        _survivor.Email.Should().Be("ada@example.com");
    }

    [Fact]
    public void Merge_WhenBothHoldAnActiveBookingOfOneSession_CancelsTheMergedOnesAndRefundsItsPackCreditWithALedgerRow()
    {
        var pack = A.Pack.For(_merged).WithCredits(5).Build();
        pack.Consume(_session.ClassTypeId, TestClock.Start).ShouldSucceed();
        var mergedBooking = A.Booking.For(_merged).Of(_session).PaidBy(BookingPayment.ByPack(pack.Id)).Build();
        var survivorBooking = A.Booking.For(_survivor).Of(_session).PaidBy(BookingPayment.DropIn).Build();
        var atDesk = new SessionAtDesk(_session, "Yoga", seatsTaken: 2, waitlisted: 0, []);

        var ledger = CustomerMerge.Merge(_merged, _survivor, new MergeHoldings([mergedBooking], [], [pack], [], [atDesk]), [survivorBooking], [], Evidence(paid: true), Now)
            .ShouldSucceed();

        survivorBooking.Status.Should().Be(BookingStatus.Confirmed);
        mergedBooking.Status.Should().Be(BookingStatus.Cancelled);
        mergedBooking.Charged.Should().BeFalse();
        mergedBooking.CancelledAt.Should().Be(Now);
        (atDesk.SeatsTaken, atDesk.Waitlisted).Should().Be((1, 0), "the cancelled duplicate gave its seat back");
        pack.CreditsRemaining.Should().Be(5);
        ledger.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            CustomerId = _survivor.Id,
            BookingId = (Guid?)mergedBooking.Id,
            PackId = (Guid?)pack.Id,
            MembershipId = (Guid?)null,
            Delta = 1,
            Reason = LedgerReason.MergeDuplicate,
            At = Now,
        });
    }

    [Fact]
    public void Merge_WhenTheMergedBookingIsMoreAdvanced_KeepsItAndRefundsTheSurvivorsPack()
    {
        var survivorPack = A.Pack.For(_survivor).WithCredits(3).Build();
        survivorPack.Consume(_session.ClassTypeId, TestClock.Start).ShouldSucceed();
        var survivorBooking = A.Booking.For(_survivor).Of(_session).PaidBy(BookingPayment.ByPack(survivorPack.Id)).Build();
        var mergedBooking = A.Booking.For(_merged).Of(_session).PaidBy(BookingPayment.DropIn).Build();
        mergedBooking.CheckIn(_session, _session.StartsAt).ShouldSucceed();
        var atDesk = new SessionAtDesk(_session, "Yoga", seatsTaken: 2, waitlisted: 0, []);

        var ledger = CustomerMerge.Merge(_merged, _survivor, new MergeHoldings([mergedBooking], [], [], [], [atDesk]), [survivorBooking], [survivorPack], Evidence(paid: true), Now)
            .ShouldSucceed();

        mergedBooking.Status.Should().Be(BookingStatus.Attended);
        mergedBooking.CustomerId.Should().Be(_survivor.Id);
        survivorBooking.Status.Should().Be(BookingStatus.Cancelled);
        survivorPack.CreditsRemaining.Should().Be(3);
        ledger.Should().ContainSingle().Which.BookingId.Should().Be(survivorBooking.Id);
    }

    [Fact]
    public void Merge_WhenTheLoserIsWaitlisted_CancelsItWithoutARefund()
    {
        var survivorBooking = A.Booking.For(_survivor).Of(_session).PaidBy(BookingPayment.DropIn).Build();
        var mergedBooking = A.Booking.For(_merged).Of(_session).PaidBy(BookingPayment.ByPack(Guid.NewGuid())).Waitlisted(1).Build();
        var atDesk = new SessionAtDesk(_session, "Yoga", seatsTaken: 1, waitlisted: 1, []);

        var ledger = CustomerMerge.Merge(_merged, _survivor, new MergeHoldings([mergedBooking], [], [], [], [atDesk]), [survivorBooking], [], Evidence(paid: true), Now)
            .ShouldSucceed();

        mergedBooking.Status.Should().Be(BookingStatus.Cancelled);
        mergedBooking.WaitlistPosition.Should().BeNull();
        (atDesk.SeatsTaken, atDesk.Waitlisted, atDesk.Waitlist.Count()).Should().Be((1, 0, 0));
        survivorBooking.Status.Should().Be(BookingStatus.Confirmed);
        ledger.Should().BeEmpty();
    }

    [Fact]
    public void Merge_WhenTheLoserWasPaidByMembership_WritesARefundRowForTheMembership()
    {
        var membership = A.Membership.For(_merged).Build();
        var mergedBooking = A.Booking.For(_merged).Of(_session).PaidBy(BookingPayment.ByMembership(membership.Id)).Build();
        var survivorBooking = A.Booking.For(_survivor).Of(_session).PaidBy(BookingPayment.DropIn).Build();
        var atDesk = new SessionAtDesk(_session, "Yoga", seatsTaken: 2, waitlisted: 0, []);

        var ledger = CustomerMerge.Merge(_merged, _survivor, new MergeHoldings([mergedBooking], [membership], [], [], [atDesk]), [survivorBooking], [], Evidence(paid: true), Now)
            .ShouldSucceed();

        ledger.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            MembershipId = (Guid?)membership.Id,
            PackId = (Guid?)null,
            Delta = 1,
            Reason = LedgerReason.MergeDuplicate,
        });
    }

    [Fact]
    public void Merge_WhenBothAttendedTheSameSession_CollapsesThemToOneActiveBooking()
    {
        var pack = A.Pack.For(_merged).WithCredits(5).Build();
        pack.Consume(_session.ClassTypeId, TestClock.Start).ShouldSucceed();
        var survivorBooking = A.Booking.For(_survivor).Of(_session).PaidBy(BookingPayment.DropIn).Build();
        var mergedBooking = A.Booking.For(_merged).Of(_session).PaidBy(BookingPayment.ByPack(pack.Id)).Build();
        survivorBooking.CheckIn(_session, _session.StartsAt).ShouldSucceed();
        mergedBooking.CheckIn(_session, _session.StartsAt).ShouldSucceed();
        var atDesk = new SessionAtDesk(_session, "Yoga", seatsTaken: 2, waitlisted: 0, []);

        var ledger = CustomerMerge.Merge(_merged, _survivor, new MergeHoldings([mergedBooking], [], [pack], [], [atDesk]), [survivorBooking], [], Evidence(paid: true), Now)
            .ShouldSucceed();

        new[] { survivorBooking, mergedBooking }.Count(b => b.IsActive).Should().Be(1);
        survivorBooking.Status.Should().Be(BookingStatus.Attended);
        mergedBooking.Status.Should().Be(BookingStatus.Cancelled);
        pack.CreditsRemaining.Should().Be(5);
        ledger.Should().ContainSingle().Which.BookingId.Should().Be(mergedBooking.Id);
    }

    [Fact]
    public void Merge_WhenTheMergedBookingOfTheSessionIsCancelled_MovesItWithoutCollapsing()
    {
        var survivorBooking = A.Booking.For(_survivor).Of(_session).PaidBy(BookingPayment.DropIn).Build();
        var mergedBooking = A.Booking.For(_merged).Of(_session).PaidBy(BookingPayment.DropIn).Build();
        mergedBooking.Cancel(_session, BookingPolicy.Default, false, TestClock.Start).ShouldSucceed();
        var atDesk = new SessionAtDesk(_session, "Yoga", seatsTaken: 2, waitlisted: 0, []);

        var ledger = CustomerMerge.Merge(_merged, _survivor, new MergeHoldings([mergedBooking], [], [], [], [atDesk]), [survivorBooking], [], Evidence(paid: true), Now)
            .ShouldSucceed();

        ledger.Should().BeEmpty();
        survivorBooking.Status.Should().Be(BookingStatus.Confirmed);
        mergedBooking.CustomerId.Should().Be(_survivor.Id);
        mergedBooking.CancelledAt.Should().Be(TestClock.Start);
    }

    [Fact]
    public void Merge_AfterMoving_RecomputesTheSurvivorsStatusFromItsHoldings()
    {
        var lead = A.Customer.Build();

        CustomerMerge.Merge(_merged, lead, Nothing(), [], [], Evidence(paid: true), Now).ShouldSucceed();

        lead.Status.Should().Be(LifecycleStatus.Member);
        lead.StatusHistory[^1].Cause.Should().Be($"merged with {_merged.Id}");
    }

    [Fact]
    public void Merge_WhenCustomersBelongToDifferentOrganizations_FailsWithNotFoundAndChangesNothing()
    {
        var elsewhere = A.Customer.In(Guid.NewGuid()).Build();

        CustomerMerge.Merge(_merged, elsewhere, Nothing(), [], [], Evidence(paid: true), Now).ShouldFailWith("customer.not_found");

        _merged.Status.Should().Be(LifecycleStatus.Member);
        _merged.MergedIntoId.Should().BeNull();
    }

    [Fact]
    public void Merge_WhenIntoItself_FailsWithMergeSelf()
    {
        CustomerMerge.Merge(_merged, _merged, Nothing(), [], [], Evidence(paid: true), Now).ShouldFailWith("customer.merge_self");

        _merged.Status.Should().Be(LifecycleStatus.Member);
    }

    [Fact]
    public void Merge_WhenTheSurvivorIsArchived_FailsWithArchived()
    {
        var archived = A.Customer.Archived().Build();

        CustomerMerge.Merge(_merged, archived, Nothing(), [], [], Evidence(paid: true), Now).ShouldFailWith("customer.archived");

        _merged.MergedIntoId.Should().BeNull();
    }

    [Fact]
    public void Merge_WhenEitherWasAlreadyMergedAway_FailsWithMerged()
    {
        var third = A.Customer.Named("Ava").WithEmail(null).Build();
        CustomerMerge.Merge(_merged, _survivor, Nothing(), [], [], Evidence(paid: true), Now).ShouldSucceed();

        CustomerMerge.Merge(_merged, third, Nothing(), [], [], Evidence(paid: true), Now).ShouldFailWith("customer.merged");
        CustomerMerge.Merge(third, _merged, Nothing(), [], [], Evidence(paid: true), Now).ShouldFailWith("customer.merged");

        _merged.MergedIntoId.Should().Be(_survivor.Id);
    }

    [Fact]
    public void Merge_WhenACollapsedDuplicatesClassIsNotAtTheDesk_Throws()
    {
        var mergedBooking = A.Booking.For(_merged).Of(_session).PaidBy(BookingPayment.DropIn).Build();
        var survivorBooking = A.Booking.For(_survivor).Of(_session).PaidBy(BookingPayment.DropIn).Build();

        var merge = () => CustomerMerge.Merge(_merged, _survivor, new MergeHoldings([mergedBooking], [], [], []), [survivorBooking], [], Evidence(paid: true), Now);

        merge.Should().Throw<ArgumentException>().WithMessage("*at the desk*");
    }

    private Result<IReadOnlyList<CreditLedgerEntry>> Merge(MergeHoldings holdings) =>
        CustomerMerge.Merge(_merged, _survivor, holdings, [], [], Evidence(paid: true), Now);

    private static MergeHoldings Nothing() => new([], [], [], []);

    private static LifecycleEvidence Evidence(bool paid) => new(HasCurrentPaid: paid, HasCurrentTrial: false, HasPastPurchase: paid);
}
