using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Domain.Packs;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Bookings;

/// <summary>What one booking decides on, loaded in one statement.</summary>
/// <param name="EarlierWithKey">the organization's booking already made with the command's idempotency key</param>
internal sealed record BookingSnapshot(CustomerAccount? Account, SessionAtDesk? Session, Booking? EarlierWithKey);

/// <summary>
/// Loads the snapshots the booking desk (Domain/Bookings/BookingDesk.cs) decides on, and never decides.
/// Writers lock first, in the same round trip as the query and as statements of their own before
/// it (so the query reads what the locks' previous holders committed), always the customer, then the
/// session (sessions of a batch in id order). One booking is one statement after its two locks: the
/// customer's account (organization, memberships, packs, what the limited memberships already paid
/// for) and the session (seats taken, waitlist length, class name, whether the customer already
/// holds a booking of it).
/// </summary>
internal sealed class BookingLoader(IAppDbContext db, IRowLocks locks)
{
    private sealed record SessionRow(ClassSession Session, string ClassName, int SeatsTaken, int Waitlisted, bool Held);

    private sealed record Row(
        Organization Organization, Customer Customer, List<Membership> Memberships, List<ClassPack> Packs, List<MembershipCharge> Charges,
        SessionRow? Session, Booking? EarlierWithKey);

    /// <summary>The customer's account and one session, the customer's row locked first and the session's next when writing.</summary>
    /// <param name="chargesFrom">the earliest charged instant the decision counts (see <see cref="CustomerAccount.ChargesNeededFrom"/>)</param>
    public async Task<BookingSnapshot> SnapshotAsync(
        Guid organizationId, Guid customerId, Guid sessionId, DateTimeOffset chargesFrom, string? idempotencyKey, bool forUpdate, CancellationToken ct)
    {
        if (forUpdate)
        {
            locks.LockCustomersWithNextQuery(organizationId, [customerId]);
            locks.LockSessionsWithNextQuery(organizationId, [sessionId]);
        }
        var row = await Query(customerId, sessionId, chargesFrom, idempotencyKey).FirstOrDefaultAsync(ct);
        if (row is null) return new BookingSnapshot(null, null, null);
        var session = row.Session is { } s ? new SessionAtDesk(s.Session, s.ClassName, s.SeatsTaken, s.Waitlisted, s.Held ? [customerId] : []) : null;
        return new BookingSnapshot(Account(row), session, row.EarlierWithKey);
    }

    /// <summary>The customer's account, their row locked first when writing.</summary>
    /// <returns>null when the organization has no such customer</returns>
    public async Task<CustomerAccount?> AccountAsync(Guid organizationId, Guid customerId, DateTimeOffset chargesFrom, bool forUpdate, CancellationToken ct)
    {
        if (forUpdate) locks.LockCustomersWithNextQuery(organizationId, [customerId]);
        var row = await Query(customerId, null, chargesFrom, null).FirstOrDefaultAsync(ct);
        return row is null ? null : Account(row);
    }

    /// <summary>
    /// A stored booking with its customer's account and its session, when writing both locked (customer, then
    /// session) before the booking is read.
    /// </summary>
    /// <returns>null when the organization has no such booking</returns>
    public async Task<(CustomerAccount Account, Booking Booking, SessionAtDesk Session)?> BookingAsync(
        Guid organizationId, Guid bookingId, bool withWaitlist, bool forUpdate, CancellationToken ct)
    {
        if (forUpdate) locks.LockCustomerAndSessionOfBookingWithNextQuery(organizationId, bookingId);
        var found = await db.Bookings
            .Where(b => b.Id == bookingId)
            .Join(db.ClassSessions, b => b.SessionId, s => s.Id, Booking.WithChargedInstant((b, _, at) => new { Booking = b, ChargedInstant = at }))
            .FirstOrDefaultAsync(ct);
        if (found is null) return null;
        // Locked again by the id just read: a merge may have moved the booking to another customer while this waited
        // (a no-op when it is the customer already locked).
        var account = await AccountAsync(organizationId, found.Booking.CustomerId, CustomerAccount.ChargesNeededFrom(found.ChargedInstant), forUpdate, ct);
        var session = (await SessionsAsync(organizationId, [found.Booking.SessionId], found.Booking.CustomerId, withWaitlist, forUpdate, ct)).Single();
        await IncludePaymentAsync(account!, found.Booking, ct);
        return (account!, found.Booking, session);
    }

    /// <summary>Sessions with their counts, in id order (the lock order); those the organization does not have are missing.</summary>
    /// <param name="customerId">whose active bookings <see cref="SessionAtDesk.IsHeldBy"/> knows</param>
    /// <param name="withWaitlist">also load the waitlisted bookings (tracked), to promote or close up</param>
    public async Task<List<SessionAtDesk>> SessionsAsync(
        Guid organizationId, IReadOnlyCollection<Guid> sessionIds, Guid? customerId, bool withWaitlist, bool forUpdate, CancellationToken ct)
    {
        if (sessionIds.Count == 0) return [];
        if (forUpdate) locks.LockSessionsWithNextQuery(organizationId, sessionIds);
        var ids = sessionIds.ToArray();
        var rows = await (
                from s in db.ClassSessions
                where ids.Contains(s.Id)
                orderby s.Id
                select new
                {
                    Session = s,
                    ClassName = db.ClassTypes.Where(t => t.Id == s.ClassTypeId).Select(t => t.Name).First(),
                    SeatsTaken = db.Bookings.Where(b => b.SessionId == s.Id).Count(Booking.TakesSeat.Expression),
                    Waitlisted = db.Bookings.Count(b => b.SessionId == s.Id && b.Status == BookingStatus.Waitlisted),
                    Held = customerId != null && db.Bookings.Any(b => b.SessionId == s.Id && b.CustomerId == customerId && BookingStatuses.Active.Contains(b.Status)),
                    Waitlist = db.Bookings.Where(b => withWaitlist && b.SessionId == s.Id && b.Status == BookingStatus.Waitlisted).ToList(),
                })
            .ToListAsync(ct);
        return rows
            .Select(r => new SessionAtDesk(r.Session, r.ClassName, r.SeatsTaken, r.Waitlisted, r.Held ? [customerId!.Value] : [], r.Waitlist))
            .ToList();
    }

    /// <summary>A session this transaction has just scheduled: nobody else sees it, so nothing holds or waits for it.</summary>
    public static SessionAtDesk NewSession(ClassSession session, string className) => new(session, className, 0, 0, []);

    /// <summary>The membership or pack that paid for a booking, when it no longer pays for new ones (to describe or refund it).</summary>
    public async Task IncludePaymentAsync(CustomerAccount account, Booking booking, CancellationToken ct)
    {
        if (booking.MembershipId is { } membershipId && account.Memberships.All(m => m.Id != membershipId))
            account.Include(await db.Memberships.SingleAsync(m => m.Id == membershipId, ct));
        if (booking.PackId is { } packId && account.Packs.All(p => p.Id != packId))
            account.Include(await db.ClassPacks.SingleAsync(p => p.Id == packId, ct));
    }

    private static CustomerAccount Account(Row row) => new(row.Organization, row.Customer, row.Memberships, row.Packs, row.Charges);

    /// <summary>The customer's charged bookings of limited live memberships, each at its charged instant (docs/adr/0034).</summary>
    private IQueryable<MembershipCharge> Charges(Guid customerId, DateTimeOffset chargesFrom) =>
        from c in db.Bookings
            .Where(b => b.CustomerId == customerId && b.Charged)
            .Join(db.ClassSessions, b => b.SessionId, s => s.Id, Booking.WithChargedInstant((b, _, at) => new { b.Id, b.MembershipId, At = at }))
        join m in db.Memberships.Where(Membership.Live.Expression) on c.MembershipId equals (Guid?)m.Id
        where m.Allowance.Period != AllowancePeriod.Unlimited && (c.At >= chargesFrom || m.Allowance.Period == AllowancePeriod.Term)
        select new MembershipCharge(c.Id, m.Id, c.At);

    /// <summary>
    /// One row: the customer with the organization, their memberships, packs and charges (collections,
    /// a handful of rows each), and, when asked, one session with its counts and the booking made
    /// with an idempotency key (single rows and scalars, which multiply nothing).
    /// </summary>
    private IQueryable<Row> Query(Guid customerId, Guid? sessionId, DateTimeOffset chargesFrom, string? idempotencyKey)
    {
        var charges = Charges(customerId, chargesFrom);
        return from c in db.Customers
            where c.Id == customerId
            join o in db.Organizations on c.OrganizationId equals o.Id
            select new Row(
                o,
                c,
                db.Memberships
                    .Where(m => m.CustomerId == customerId)
                    .Where(Membership.Live.Expression)
                    .ToList(),
                db.ClassPacks.Where(p => p.CustomerId == customerId && p.Status == PackStatus.Active).ToList(),
                charges.ToList(),
                sessionId == null
                    ? null
                    : db.ClassSessions
                        .Where(s => s.Id == sessionId)
                        .Select(s => new SessionRow(
                            s,
                            db.ClassTypes.Where(t => t.Id == s.ClassTypeId).Select(t => t.Name).First(),
                            db.Bookings.Where(b => b.SessionId == s.Id).Count(Booking.TakesSeat.Expression),
                            db.Bookings.Count(b => b.SessionId == s.Id && b.Status == BookingStatus.Waitlisted),
                            db.Bookings.Any(b => b.SessionId == s.Id && b.CustomerId == customerId && BookingStatuses.Active.Contains(b.Status))))
                        .FirstOrDefault(),
                idempotencyKey == null
                    ? null
                    : db.Bookings.FirstOrDefault(b => b.IdempotencyKey == idempotencyKey));
    }
}
