using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Domain.Packs;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Domain.Bookings;

/// <summary>A booking a membership paid for and that still stands: what its allowance counts, in the period of its <see cref="Booking.ChargedInstant"/>.</summary>
public readonly record struct MembershipCharge(Guid BookingId, Guid MembershipId, DateTimeOffset ChargedInstant);

/// <summary>
/// A customer at the desk: their studio (policy and time zone), what they can pay with, and the
/// classes their limited memberships already paid for. Loaded under the customer's row lock, so
/// nobody else spends from it meanwhile; the desk keeps it current as it books, promotes and
/// refunds, so a batch counts what it booked before it was saved.
/// </summary>
public sealed class CustomerAccount
{
    /// <summary>How far before a session its allowance period can begin (a calendar year, plus margin).</summary>
    public static readonly TimeSpan LongestPeriod = TimeSpan.FromDays(370);

    private readonly List<Membership> _memberships;
    private readonly List<ClassPack> _packs;
    private readonly List<MembershipCharge> _charges;

    /// <param name="memberships">the active and paused memberships</param>
    /// <param name="packs">the active packs</param>
    /// <param name="charges">
    /// the charged bookings of the limited memberships whose charged instants are at or after
    /// <see cref="ChargesNeededFrom"/> of the earliest instant decided about (all of them for a term allowance)
    /// </param>
    public CustomerAccount(
        Organization organization, Customer customer, IEnumerable<Membership> memberships, IEnumerable<ClassPack> packs, IEnumerable<MembershipCharge> charges)
    {
        if (customer.OrganizationId != organization.Id) throw new ArgumentException("The customer belongs to another organization.", nameof(customer));
        Organization = organization;
        Customer = customer;
        _memberships = memberships.ToList();
        _packs = packs.ToList();
        _charges = charges.ToList();
    }

    public Organization Organization { get; }
    public Customer Customer { get; }
    public BookingPolicy Policy => Organization.Policy;
    public IReadOnlyList<Membership> Memberships => _memberships;
    public IReadOnlyList<ClassPack> Packs => _packs;

    /// <summary>The earliest charged instant a decision about the period containing <paramref name="instant"/> may count.</summary>
    public static DateTimeOffset ChargesNeededFrom(DateTimeOffset instant) => instant - LongestPeriod;

    /// <summary>Classes a membership has paid in its allowance period containing a local date.</summary>
    public int UsedInPeriod(Membership membership, DateOnly date)
    {
        if (membership.Allowance.IsUnlimited) return 0;
        var (from, until) = membership.PeriodContaining(date);
        var (fromInstant, untilInstant) = (Organization.StartOfDay(from), Organization.StartOfDay(until));
        return _charges.Count(c => c.MembershipId == membership.Id && c.ChargedInstant >= fromInstant && c.ChargedInstant < untilInstant);
    }

    /// <summary>Each membership with what it has paid in its period containing a local date.</summary>
    public IReadOnlyList<MembershipUsage> UsageOn(DateOnly date) => _memberships.Select(m => new MembershipUsage(m, UsedInPeriod(m, date))).ToList();

    /// <summary>A membership or pack that paid for a booking but no longer pays for new ones (cancelled, used up), to describe or refund it.</summary>
    public void Include(Membership membership)
    {
        if (membership.CustomerId != Customer.Id) throw new ArgumentException("Another customer's membership.", nameof(membership));
        if (_memberships.All(m => m.Id != membership.Id)) _memberships.Add(membership);
    }

    /// <inheritdoc cref="Include(Membership)"/>
    public void Include(ClassPack pack)
    {
        if (pack.CustomerId != Customer.Id) throw new ArgumentException("Another customer's pack.", nameof(pack));
        if (_packs.All(p => p.Id != pack.Id)) _packs.Add(pack);
    }

    internal ClassPack? Pack(Guid? id) => id is null ? null : _packs.FirstOrDefault(p => p.Id == id);

    internal Membership? Membership(Guid? id) => id is null ? null : _memberships.FirstOrDefault(m => m.Id == id);

    internal void RecordCharge(Booking booking, ClassSession session)
    {
        if (booking.MembershipId is { } membershipId) _charges.Add(new MembershipCharge(booking.Id, membershipId, booking.ChargedInstant(session)));
    }

    internal void RemoveCharge(Booking booking) => _charges.RemoveAll(c => c.BookingId == booking.Id);
}

/// <summary>
/// A class session at the desk: loaded under its row lock with the seats its bookings take, the
/// length of its waitlist and, for the customer at the desk, whether they already hold a booking.
/// The desk keeps the counts current as it books, so a batch sees its own earlier bookings.
/// </summary>
public sealed class SessionAtDesk
{
    private readonly HashSet<Guid> _holders = [];
    private readonly List<Booking> _waitlist;

    /// <param name="holderIds">the customers (of those asked about) who hold an active booking of this session</param>
    /// <param name="waitlist">the waitlisted bookings, when the decision moves the waitlist (cancel, promote); else empty</param>
    public SessionAtDesk(ClassSession session, string className, int seatsTaken, int waitlisted, IEnumerable<Guid> holderIds, IEnumerable<Booking>? waitlist = null)
    {
        Session = session;
        ClassName = className;
        SeatsTaken = seatsTaken;
        Waitlisted = waitlisted;
        _holders.UnionWith(holderIds);
        _waitlist = waitlist?.Where(b => b.SessionId == session.Id && b.Status == BookingStatus.Waitlisted).ToList() ?? [];
    }

    public ClassSession Session { get; }
    public string ClassName { get; }
    public int SeatsTaken { get; private set; }
    public int Waitlisted { get; private set; }

    /// <summary>The waitlist in order: position, then who joined first.</summary>
    public IEnumerable<Booking> Waitlist => _waitlist.Where(b => b.Status == BookingStatus.Waitlisted).OrderBy(b => b.WaitlistPosition).ThenBy(b => b.BookedAt);

    public bool IsHeldBy(Guid customerId) => _holders.Contains(customerId);

    public bool HasFreeSeat => SeatsTaken < Session.Capacity;

    internal void Took(Booking booking)
    {
        _holders.Add(booking.CustomerId);
        if (booking.Status == BookingStatus.Waitlisted)
        {
            Waitlisted++;
            _waitlist.Add(booking);
        }
        else SeatsTaken++;
    }

    internal void Promoted() => (SeatsTaken, Waitlisted) = (SeatsTaken + 1, Waitlisted - 1);

    internal void Left(Booking booking, bool freedSeat, bool wasWaitlisted)
    {
        _holders.Remove(booking.CustomerId);
        if (wasWaitlisted) Waitlisted--;
        else if (freedSeat) SeatsTaken--;
    }
}
