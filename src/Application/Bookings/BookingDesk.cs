using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Domain.Packs;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Bookings;

/// <summary>One session to book for a customer, and how.</summary>
internal sealed record BookingRequest(Guid SessionId, PaymentChoice? Payment, bool JoinWaitlistIfFull, BookingSource Source, string? IdempotencyKey = null);

/// <summary>
/// A customer at the booking desk: the organization, the customer (row-locked when writing),
/// what they can pay with, and the bookings made in this transaction (not yet flushed, so the
/// usage counts must add them).
/// </summary>
internal sealed class CustomerAtDesk(Organization organization, Customer customer, List<Membership> memberships, List<ClassPack> packs)
{
    public Organization Organization { get; } = organization;
    public Customer Customer { get; } = customer;
    public List<Membership> Memberships { get; } = memberships;
    public List<ClassPack> Packs { get; } = packs;
    public List<(Booking Booking, DateTimeOffset StartsAt)> BookedNow { get; } = [];
    public List<(Booking Booking, DateTimeOffset StartsAt)> RefundedNow { get; } = [];
}

/// <summary>A stored booking with its customer at the desk and its session, all locked.</summary>
internal sealed record BookingAtDesk(CustomerAtDesk Desk, Booking Booking, ClassSession Session);

/// <summary>A booking made, with what it leaves on the membership or pack that paid.</summary>
internal sealed record BookingMade(Booking Booking, ClassSession Session, string ClassName, int? CreditsRemaining, int? AllowanceRemaining);

/// <summary>
/// The booking rules in one place, shared by single, batch, recurring and standing bookings,
/// the eligibility check and waitlist promotion. Writers lock the customer row, then the session
/// row (SELECT ... FOR UPDATE): the customer's lock makes allowance and credit spending exact, the
/// session's lock makes the seat count exact.
/// </summary>
internal sealed class BookingDesk(IAppDbContext db, IRowLocks locks, TimeProvider clock)
{
    public async Task<Result<CustomerAtDesk>> SeatCustomerAsync(Guid organizationId, Guid customerId, bool forWriting, CancellationToken ct)
    {
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == organizationId, ct);
        if (organization is null) return ApplicationErrors.OrganizationNotFound;
        var customer = forWriting
            ? await locks.LockAndLoadCustomerAsync(organizationId, customerId, ct)
            : await db.Customers.FirstOrDefaultAsync(c => c.OrganizationId == organizationId && c.Id == customerId, ct);
        if (customer is null) return CustomerErrors.NotFound;
        var memberships = await db.Memberships
            .Where(m => m.OrganizationId == organizationId && m.CustomerId == customerId
                        && (m.Status == MembershipStatus.Active || m.Status == MembershipStatus.Paused))
            .ToListAsync(ct);
        var packs = await db.ClassPacks
            .Where(p => p.OrganizationId == organizationId && p.CustomerId == customerId && p.Status == PackStatus.Active)
            .ToListAsync(ct);
        return new CustomerAtDesk(organization, customer, memberships, packs);
    }

    /// <summary>
    /// A stored booking, ready to change: its customer's row locked first, then its session's (the
    /// same order as booking), both loaded and tracked.
    /// </summary>
    public async Task<Result<BookingAtDesk>> OpenBookingAsync(Guid organizationId, Guid bookingId, CancellationToken ct)
    {
        var customerId = await db.Bookings.Where(b => b.OrganizationId == organizationId && b.Id == bookingId).Select(b => (Guid?)b.CustomerId).FirstOrDefaultAsync(ct);
        if (customerId is null) return BookingErrors.NotFound;
        var seated = await SeatCustomerAsync(organizationId, customerId.Value, forWriting: true, ct);
        if (seated.IsFailure) return seated.Error!;
        var booking = await db.Bookings.SingleAsync(b => b.Id == bookingId, ct);
        await locks.LockSessionAsync(organizationId, booking.SessionId, ct);
        var session = await db.ClassSessions.SingleAsync(s => s.Id == booking.SessionId, ct);
        return new BookingAtDesk(seated.Value, booking, session);
    }

    /// <summary>Opens a stored booking, applies one change of state to it, and describes the result.</summary>
    public async Task<Result<BookingResponse>> ChangeAsync(Guid organizationId, Guid bookingId, Func<BookingAtDesk, Result> change, CancellationToken ct)
    {
        var opened = await OpenBookingAsync(organizationId, bookingId, ct);
        if (opened.IsFailure) return opened.Error!;
        var changed = change(opened.Value);
        if (changed.IsFailure) return changed.Error!;
        var desk = opened.Value.Desk;
        return BookingResponses.From(await DescribeAsync(desk, opened.Value.Booking, ct), desk.Organization);
    }

    /// <summary>Books one session: every rule, then the seat or waitlist place, then the payment and its ledger row.</summary>
    public async Task<Result<BookingMade>> BookAsync(CustomerAtDesk desk, BookingRequest request, bool dryRun, CancellationToken ct)
    {
        var organization = desk.Organization;
        var canBook = desk.Customer.EnsureCanBook();
        if (canBook.IsFailure) return canBook.Error!;
        var session = dryRun
            ? await db.ClassSessions.FirstOrDefaultAsync(s => s.OrganizationId == organization.Id && s.Id == request.SessionId, ct)
            : await locks.LockAndLoadSessionAsync(organization.Id, request.SessionId, ct);
        if (session is null) return SessionErrors.NotFound;
        return await BookInSessionAsync(desk, session, request, dryRun, ct);
    }

    /// <summary>Books a session the caller has locked, or has just scheduled in this transaction (nobody else sees it yet).</summary>
    public async Task<Result<BookingMade>> BookInSessionAsync(CustomerAtDesk desk, ClassSession session, BookingRequest request, bool dryRun, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var organization = desk.Organization;
        var canBook = desk.Customer.EnsureCanBook();
        if (canBook.IsFailure) return canBook.Error!;
        var open = session.EnsureOpenForBooking(organization.Policy, now);
        if (open.IsFailure) return open.Error!;

        var customerId = desk.Customer.Id;
        if (desk.BookedNow.Any(b => b.Booking.SessionId == session.Id)
            || await db.Bookings.AnyAsync(b => b.CustomerId == customerId && b.SessionId == session.Id && BookingStatuses.Active.Contains(b.Status), ct))
            return BookingErrors.AlreadyBooked;

        var counts = await db.Bookings
            .Where(b => b.SessionId == session.Id && (BookingStatuses.HoldingSeat.Contains(b.Status) || b.Status == BookingStatus.Waitlisted))
            .GroupBy(b => b.Status == BookingStatus.Waitlisted)
            .Select(g => new { Waitlisted = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var admission = session.Admit(
            counts.Where(c => !c.Waitlisted).Sum(c => c.Count),
            counts.Where(c => c.Waitlisted).Sum(c => c.Count),
            request.JoinWaitlistIfFull,
            organization.Policy);
        if (admission.IsFailure) return admission.Error!;

        var usage = await UsageAsync(desk, session, ct);
        var payment = PaymentSelector.Choose(
            new PaymentContext(desk.Customer, session, organization.LocalDate(session.StartsAt), usage, desk.Packs, organization.Policy, now),
            request.Payment);
        if (payment.IsFailure) return payment.Error!;

        var booking = Booking.Create(desk.Customer, session, admission.Value, payment.Value, request.Source, request.IdempotencyKey, now);
        if (!dryRun)
        {
            db.Bookings.Add(booking);
            if (booking.Charged) Spend(desk, booking, session, LedgerReason.Booked, now);
        }
        var className = await db.ClassTypes.Where(t => t.Id == session.ClassTypeId).Select(t => t.Name).SingleAsync(ct);
        return Made(desk, booking, session, className, usage, includesThisBooking: false);
    }

    /// <summary>A stored booking as a response, with what is left on the membership or pack that paid.</summary>
    public async Task<BookingMade> DescribeAsync(CustomerAtDesk desk, Booking booking, CancellationToken ct)
    {
        var session = await db.ClassSessions.SingleAsync(s => s.Id == booking.SessionId, ct);
        var className = await db.ClassTypes.Where(t => t.Id == session.ClassTypeId).Select(t => t.Name).SingleAsync(ct);
        var usage = await UsageAsync(desk, session, ct);
        if (booking.MembershipId is { } membershipId && usage.All(u => u.Membership.Id != membershipId))
        {
            // A membership no longer active still describes what it paid for.
            var membership = await db.Memberships.SingleAsync(m => m.Id == membershipId, ct);
            usage.Add(new MembershipUsage(membership, 0));
        }
        if (booking.PackId is { } packId && desk.Packs.All(p => p.Id != packId))
            desk.Packs.Add(await db.ClassPacks.SingleAsync(p => p.Id == packId, ct));
        return Made(desk, booking, session, className, usage, includesThisBooking: true);
    }

    /// <summary>A waitlisted booking takes a freed seat, paid however the customer can pay now.</summary>
    public async Task<Result<BookingMade>> PromoteAsync(CustomerAtDesk desk, Booking booking, ClassSession session, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var usage = await UsageAsync(desk, session, ct);
        var payment = PaymentSelector.Choose(
            new PaymentContext(desk.Customer, session, desk.Organization.LocalDate(session.StartsAt), usage, desk.Packs, desk.Organization.Policy, now),
            choice: null);
        if (payment.IsFailure) return payment.Error!;
        var promoted = booking.Promote(payment.Value, now);
        if (promoted.IsFailure) return promoted.Error!;
        if (booking.Charged) Spend(desk, booking, session, LedgerReason.Promoted, now);
        var className = await db.ClassTypes.Where(t => t.Id == session.ClassTypeId).Select(t => t.Name).SingleAsync(ct);
        return Made(desk, booking, session, className, usage, includesThisBooking: false);
    }

    /// <summary>Gives back what a booking spent: the pack's credit, or the allowance (usage is counted from charged bookings).</summary>
    public async Task RefundAsync(CustomerAtDesk desk, Booking booking, ClassSession session, LedgerReason reason, CancellationToken ct)
    {
        if (booking.Payment.PackId is { } packId)
        {
            var pack = desk.Packs.FirstOrDefault(p => p.Id == packId);
            if (pack is null)
            {
                // A pack that has since run out is no longer "active" in the desk, but takes its credit back.
                pack = await db.ClassPacks.SingleAsync(p => p.Id == packId, ct);
                desk.Packs.Add(pack);
            }
            pack.Refund();
        }
        db.CreditLedger.Add(CreditLedgerEntry.Refunded(booking, reason, clock.GetUtcNow()));
        desk.RefundedNow.Add((booking, session.StartsAt));
    }

    private void Spend(CustomerAtDesk desk, Booking booking, ClassSession session, LedgerReason reason, DateTimeOffset now)
    {
        if (booking.Payment.PackId is { } packId)
        {
            var consumed = desk.Packs.Single(p => p.Id == packId).Consume(session.ClassTypeId, now);
            if (consumed.IsFailure) throw new InvalidOperationException($"Pack {packId} was chosen but cannot pay: {consumed.Error!.Code}");
        }
        db.CreditLedger.Add(CreditLedgerEntry.Consumed(booking, reason, now));
        desk.BookedNow.Add((booking, session.StartsAt));
    }

    private Task<List<MembershipUsage>> UsageAsync(CustomerAtDesk desk, ClassSession session, CancellationToken ct) =>
        UsageOnAsync(desk, desk.Organization.LocalDate(session.StartsAt), ct);

    /// <summary>
    /// Classes each membership has paid in its allowance period containing a local date: the charged
    /// bookings stored, plus those booked and minus those refunded in this transaction.
    /// </summary>
    public async Task<List<MembershipUsage>> UsageOnAsync(CustomerAtDesk desk, DateOnly date, CancellationToken ct)
    {
        var organization = desk.Organization;
        var usage = new List<MembershipUsage>(desk.Memberships.Count);
        foreach (var membership in desk.Memberships)
        {
            if (membership.Allowance.IsUnlimited)
            {
                usage.Add(new MembershipUsage(membership, 0));
                continue;
            }
            var (from, until) = membership.PeriodContaining(date);
            var fromInstant = organization.StartOfDay(from);
            var untilInstant = until == DateOnly.MaxValue ? DateTimeOffset.MaxValue : organization.StartOfDay(until);
            var membershipId = membership.Id;
            var stored = await (
                from b in db.Bookings
                join s in db.ClassSessions on b.SessionId equals s.Id
                where b.MembershipId == membershipId && b.Charged && s.StartsAt >= fromInstant && s.StartsAt < untilInstant
                select b.Id).CountAsync(ct);
            bool InPeriod((Booking Booking, DateTimeOffset StartsAt) b) =>
                b.Booking.MembershipId == membershipId && b.StartsAt >= fromInstant && b.StartsAt < untilInstant;
            var pending = desk.BookedNow.Count(InPeriod) - desk.RefundedNow.Count(InPeriod);
            usage.Add(new MembershipUsage(membership, stored + pending));
        }
        return usage;
    }

    private static BookingMade Made(
        CustomerAtDesk desk, Booking booking, ClassSession session, string className, List<MembershipUsage> usage, bool includesThisBooking)
    {
        var pack = booking.Payment.PackId is { } packId ? desk.Packs.Single(p => p.Id == packId) : null;
        var membership = booking.Payment.MembershipId is { } membershipId ? usage.Single(u => u.Membership.Id == membershipId) : null;
        return new BookingMade(
            booking,
            session,
            className,
            pack?.CreditsRemaining,
            membership?.Membership.Remaining(membership.UsedInPeriod + (booking.Charged && !includesThisBooking ? 1 : 0)));
    }
}
