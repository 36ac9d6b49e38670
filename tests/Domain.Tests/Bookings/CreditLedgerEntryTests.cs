using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Tests.Builders;

namespace UnifiedCustomers.Domain.Tests.Bookings;

public sealed class CreditLedgerEntryTests
{
    private static readonly DateTimeOffset Now = TestClock.Start.AddMinutes(5);

    [Fact]
    public void Consumed_ForAPackBooking_RecordsMinusOneAgainstThePack()
    {
        var packId = Guid.NewGuid();
        var booking = A.Booking.PaidBy(BookingPayment.ByPack(packId)).Build();

        var entry = CreditLedgerEntry.Consumed(booking, LedgerReason.Booked, Now);

        entry.Should().BeEquivalentTo(new
        {
            booking.OrganizationId,
            booking.CustomerId,
            BookingId = (Guid?)booking.Id,
            PackId = (Guid?)packId,
            MembershipId = (Guid?)null,
            Delta = -1,
            Reason = LedgerReason.Booked,
            At = Now,
        });
    }

    [Fact]
    public void Refunded_ForAMembershipBooking_RecordsPlusOneAgainstTheMembership()
    {
        var membershipId = Guid.NewGuid();
        var booking = A.Booking.PaidBy(BookingPayment.ByMembership(membershipId)).Build();

        var entry = CreditLedgerEntry.Refunded(booking, LedgerReason.CancellationRefund, Now);

        (entry.Delta, entry.MembershipId, entry.PackId, entry.Reason).Should().Be((1, (Guid?)membershipId, (Guid?)null, LedgerReason.CancellationRefund));
    }

    [Theory]
    [MemberData(nameof(NonConsumingPayments))]
    public void Consumed_ForABookingThatSpendsNothing_Throws(BookingPayment payment)
    {
        var booking = A.Booking.PaidBy(payment).Build();

        var record = () => CreditLedgerEntry.Consumed(booking, LedgerReason.Booked, Now);

        record.Should().Throw<InvalidOperationException>();
    }

    public static TheoryData<BookingPayment> NonConsumingPayments => new()
    {
        BookingPayment.DropIn,
        BookingPayment.Complimentary,
        new BookingPayment(PaymentMethod.LegacyUnknown),
    };
}
