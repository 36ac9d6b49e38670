using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Domain.Packs;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Bookings;

/// <summary>
/// Loads the snapshots the booking desk (Domain/Bookings/BookingDesk.cs) decides on, one query each,
/// with the row lock in the same round trip when writing: the customer's account (organization,
/// memberships, packs, what the limited memberships already paid for), then the sessions (seats
/// taken, waitlist length, class name, whether the customer already holds a booking). The lock
/// order is always customer, then session (sessions of a batch in id order). It never decides.
/// </summary>
internal sealed class BookingLoader(IAppDbContext db, IRowLocks locks)
{
    private sealed record AccountRow(
        Organization Organization, Customer Customer, List<Membership> Memberships, List<ClassPack> Packs, List<MembershipCharge> Charges, Booking? EarlierWithKey);

    /// <param name="chargesFrom">the earliest session start the decisions look at (see <see cref="CustomerAccount.ChargesNeededFrom"/>)</param>
    /// <returns>null when the organization has no such customer</returns>
    public async Task<CustomerAccount?> AccountAsync(Guid organizationId, Guid customerId, DateTimeOffset chargesFrom, bool forUpdate, CancellationToken ct) =>
        (await AccountWithKeyAsync(organizationId, customerId, chargesFrom, null, forUpdate, ct)).Account;

    /// <summary>The account, and in the same statement the organization's booking made with an idempotency key, if any.</summary>
    public async Task<(CustomerAccount? Account, Booking? EarlierWithKey)> AccountWithKeyAsync(
        Guid organizationId, Guid customerId, DateTimeOffset chargesFrom, string? idempotencyKey, bool forUpdate, CancellationToken ct)
    {
        if (forUpdate) locks.LockCustomersWithNextQuery(organizationId, [customerId]);
        var row = await Accounts(db.Customers.Where(c => c.OrganizationId == organizationId && c.Id == customerId), chargesFrom, idempotencyKey)
            .FirstOrDefaultAsync(ct);
        return row is null ? (null, null) : (new CustomerAccount(row.Organization, row.Customer, row.Memberships, row.Packs, row.Charges), row.EarlierWithKey);
    }

    /// <summary>A stored booking with its customer's account (the customer's row locked first when writing) and its session (locked next).</summary>
    /// <returns>null when the organization has no such booking</returns>
    public async Task<(CustomerAccount Account, Booking Booking, SessionAtDesk Session)?> BookingAsync(
        Guid organizationId, Guid bookingId, bool withWaitlist, bool forUpdate, CancellationToken ct)
    {
        if (forUpdate) locks.LockCustomerOfBookingWithNextQuery(organizationId, bookingId);
        var found = await db.Bookings
            .Where(b => b.OrganizationId == organizationId && b.Id == bookingId)
            .Join(db.ClassSessions, b => b.SessionId, s => s.Id, (b, s) => new { Booking = b, s.StartsAt })
            .FirstOrDefaultAsync(ct);
        if (found is null) return null;
        var account = await AccountAsync(organizationId, found.Booking.CustomerId, CustomerAccount.ChargesNeededFrom(found.StartsAt), forUpdate: false, ct);
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
                where s.OrganizationId == organizationId && ids.Contains(s.Id)
                join t in db.ClassTypes on s.ClassTypeId equals t.Id
                orderby s.Id
                select new
                {
                    Session = s,
                    ClassName = t.Name,
                    SeatsTaken = db.Bookings.Count(b => b.SessionId == s.Id && BookingStatuses.HoldingSeat.Contains(b.Status)),
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

    private IQueryable<AccountRow> Accounts(IQueryable<Customer> customers, DateTimeOffset chargesFrom, string? idempotencyKey) =>
        from c in customers
        join o in db.Organizations on c.OrganizationId equals o.Id
        select new AccountRow(
            o,
            c,
            db.Memberships
                .Where(m => m.OrganizationId == c.OrganizationId && m.CustomerId == c.Id
                            && (m.Status == MembershipStatus.Active || m.Status == MembershipStatus.Paused))
                .ToList(),
            db.ClassPacks.Where(p => p.OrganizationId == c.OrganizationId && p.CustomerId == c.Id && p.Status == PackStatus.Active).ToList(),
            (from b in db.Bookings
             join m in db.Memberships on b.MembershipId equals (Guid?)m.Id
             join s in db.ClassSessions on b.SessionId equals s.Id
             where b.OrganizationId == c.OrganizationId && b.CustomerId == c.Id && b.Charged
                   && m.Allowance.Period != AllowancePeriod.Unlimited
                   && (m.Status == MembershipStatus.Active || m.Status == MembershipStatus.Paused)
                   && (s.StartsAt >= chargesFrom || m.Allowance.Period == AllowancePeriod.Term)
             select new MembershipCharge(b.Id, m.Id, s.StartsAt))
            .ToList(),
            idempotencyKey == null ? null : db.Bookings.FirstOrDefault(b => b.OrganizationId == c.OrganizationId && b.IdempotencyKey == idempotencyKey));
}
