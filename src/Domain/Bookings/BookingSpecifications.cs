namespace UnifiedCustomers.Domain.Bookings;

/// <summary>A customer's credit ledger, newest first, a page at a time.</summary>
public sealed class CreditLedgerOfCustomer : Specification<CreditLedgerEntry>
{
    public CreditLedgerOfCustomer(Guid customerId, int page, int pageSize)
    {
        Where(e => e.CustomerId == customerId);
        OrderByDescending(e => e.At);
        OrderByDescending(e => e.Id);
        Page(page, pageSize);
    }

    /// <summary>The same rows without paging, for the total count.</summary>
    public static Specification<CreditLedgerEntry> All(Guid customerId) => new Unpaged(customerId);

    private sealed class Unpaged : Specification<CreditLedgerEntry>
    {
        public Unpaged(Guid customerId) => Where(e => e.CustomerId == customerId);
    }
}

/// <summary>Who is in a class and who waits for it: seat holders by arrival, then the waitlist in order.</summary>
public sealed class RosterOfSession : Specification<Booking>
{
    private static readonly Criterion<Booking> Waitlisted = Criterion<Booking>.Of(b => b.Status == BookingStatus.Waitlisted);

    public RosterOfSession(Guid sessionId)
    {
        Where(b => b.SessionId == sessionId);
        Where(Booking.TakesSeat.Or(Waitlisted));
        OrderBy(b => b.WaitlistPosition);
        OrderBy(b => b.BookedAt);
        OrderBy(b => b.Id);
    }
}
