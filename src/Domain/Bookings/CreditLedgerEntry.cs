namespace UnifiedCustomers.Domain.Bookings;

public enum LedgerReason
{
    Booked,
    Promoted,
    CancellationRefund,
    SessionCancelled,
    MergeDuplicate,
    LegacyImport,
}

/// <summary>
/// One consumption (-1) or refund (+1) of a pack credit or a membership allowance. Append-only: a
/// database trigger refuses deletes and changes to anything but the customer (which a merge moves).
/// </summary>
public sealed class CreditLedgerEntry : Entity, ITenantOwned
{
    private CreditLedgerEntry() { }

    public Guid OrganizationId { get; private set; }
    public Guid CustomerId { get; private set; }
    public Guid? BookingId { get; private set; }
    public Guid? MembershipId { get; private set; }
    public Guid? PackId { get; private set; }
    public int Delta { get; private set; }
    public LedgerReason Reason { get; private set; }
    public DateTimeOffset At { get; private set; }

    public static CreditLedgerEntry Consumed(Booking booking, LedgerReason reason, DateTimeOffset now) => For(booking, -1, reason, now);

    public static CreditLedgerEntry Refunded(Booking booking, LedgerReason reason, DateTimeOffset now) => For(booking, +1, reason, now);

    private static CreditLedgerEntry For(Booking booking, int delta, LedgerReason reason, DateTimeOffset now)
    {
        if (!booking.Payment.Consumes)
            throw new InvalidOperationException($"Booking {booking.Id} is paid by {booking.Payment.Method}, which spends nothing to record.");
        return new CreditLedgerEntry
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = booking.OrganizationId,
            CustomerId = booking.CustomerId,
            BookingId = booking.Id,
            MembershipId = booking.Payment.MembershipId,
            PackId = booking.Payment.PackId,
            Delta = delta,
            Reason = reason,
            At = now,
        };
    }
}
