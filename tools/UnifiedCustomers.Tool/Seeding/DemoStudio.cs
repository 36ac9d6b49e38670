using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Domain.Packs;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Tool.Seeding;

/// <summary>The demo studio's data, built in memory through the domain; <see cref="DemoSeed"/> saves it.</summary>
internal sealed class DemoStudio(DateTimeOffset now)
{
    private static readonly (TimeOnly At, string ClassType, string Instructor)[] DailyTimetable =
    [
        (new(7, 0), "Vinyasa Flow", "Maya Lindqvist"),
        (new(12, 30), "HIIT", "Tom Okafor"),
        (new(18, 0), "Reformer Pilates", "Priya Shah"),
        (new(19, 30), "Vinyasa Flow", "Maya Lindqvist"),
    ];

    private static readonly string[] Locations = ["Studio 1", "Reformer Room"];

    private readonly List<object> _entities = [];
    private readonly Dictionary<string, ClassType> _classTypes = [];
    private readonly Dictionary<string, MembershipPlan> _plans = [];
    private readonly Dictionary<string, PackProduct> _products = [];
    private readonly Dictionary<string, Instructor> _instructors = [];
    private readonly Dictionary<string, Location> _locations = [];
    private readonly List<ClassSession> _sessions = [];
    private readonly List<Customer> _customers = [];
    private readonly List<Membership> _memberships = [];
    private readonly List<ClassPack> _packs = [];
    private readonly List<Booking> _bookings = [];
    private readonly Dictionary<Guid, CustomerAccount> _accounts = [];
    private readonly Dictionary<Guid, SessionAtDesk> _sessionsAtDesk = [];
    private Organization _organization = null!;
    private DateOnly _today;

    public IEnumerable<object> Entities => _entities;

    public void Build()
    {
        _organization = Organization.Create(DemoSeed.OrganizationId, "Demo Studio", DemoSeed.Slug, "Europe/London", "GB", now).Value;
        _today = _organization.LocalDate(now);
        _entities.Add(_organization);

        AddClassType("Vinyasa Flow", capacity: 16, minutes: 60);
        AddClassType("Reformer Pilates", capacity: 8, minutes: 50);
        AddClassType("HIIT", capacity: 20, minutes: 45);
        foreach (var name in DailyTimetable.Select(t => t.Instructor).Distinct())
            _instructors[name] = Add(Instructor.Create(_organization.Id, name, now).Value);
        foreach (var name in Locations)
            _locations[name] = Add(Location.Create(_organization.Id, name, now).Value);
        foreach (var session in Timetable(_organization, _classTypes, _instructors, _locations, _today, DemoSeed.DaysAhead, now)) Add(_sessions, session);

        AddPlan("Unlimited Monthly", Allowance.Unlimited, trial: false);
        AddPlan("8 Classes a Month", new Allowance(AllowancePeriod.Month, 8), trial: false);
        AddPlan("Trial: 3 Classes", new Allowance(AllowancePeriod.Term, 3), trial: true);
        AddProduct("10-Class Pass", credits: 10, validityDays: 180, trial: false);
        AddProduct("5-Class Pass", credits: 5, validityDays: 90, trial: false);
        AddProduct("Trial 2-Class Pass", credits: 2, validityDays: 14, trial: true);

        AddCustomers();
        AddBookings();
    }

    /// <summary>The daily timetable's sessions on <paramref name="days"/> days from <paramref name="from"/> (class types the studio no longer has are skipped).</summary>
    public static IEnumerable<ClassSession> Timetable(
        Organization organization, IReadOnlyDictionary<string, ClassType> classTypes, IReadOnlyDictionary<string, Instructor> instructors,
        IReadOnlyDictionary<string, Location> locations, DateOnly from, int days, DateTimeOffset now)
    {
        for (var day = 0; day < days; day++)
        {
            foreach (var (at, classType, instructor) in DailyTimetable)
            {
                if (!classTypes.TryGetValue(classType, out var type)) continue;
                var location = locations.GetValueOrDefault(classType == "Reformer Pilates" ? "Reformer Room" : "Studio 1");
                yield return ClassSession.Schedule(type, organization.AtLocal(from.AddDays(day), at), null, null, instructors.GetValueOrDefault(instructor), location, now).Value;
            }
        }
    }

    private void AddCustomers()
    {
        Register("Olivia", "Bennett", "website");
        Register("Noah", "Clarke", "walk-in");

        var amelia = Register("Amelia", "Hughes", "instagram");
        SellPack(amelia, "Trial 2-Class Pass", daysAgo: 3);
        var george = Register("George", "Patel", "website");
        SellMembership(george, "Trial: 3 Classes", daysAgo: 1, runsForDays: 14);

        SellMembership(Register("Isla", "Murphy", "referral"), "Unlimited Monthly", daysAgo: 60);
        SellMembership(Register("Harry", "Evans", "website"), "8 Classes a Month", daysAgo: 35);
        SellPack(Register("Mia", "Robinson", "walk-in"), "10-Class Pass", daysAgo: 20);
        SellPack(Register("Jack", "Wilson", "website"), "5-Class Pass", daysAgo: 10);
        SellMembership(Register("Sophie", "Turner", "referral"), "Unlimited Monthly", daysAgo: 200);
        SellPack(Register("Lily", "Hall", "instagram"), "10-Class Pass", daysAgo: 5);

        // Lapsed two ways: a pack that expired, and a membership they cancelled.
        SellPack(Register("Oscar", "Walker", "website"), "5-Class Pass", daysAgo: 120);
        var emily = Register("Emily", "Wright", "walk-in");
        var cancelled = SellMembership(emily, "8 Classes a Month", daysAgo: 90);
        var cancelledAt = now.AddDays(-20);
        cancelled.Cancel(_organization.LocalDate(cancelledAt), cancelledAt);
        emily.ApplyPurchases(EvidenceAt(emily, cancelledAt), "cancelled membership 8 Classes a Month", cancelledAt);

        var charlie = Register("Charlie", "Green", "website");
        charlie.Archive("asked to be removed from the mailing list", now.AddDays(-7));
    }

    /// <summary>
    /// Tomorrow evening's Reformer is full with two on its waitlist; the one the day after has one
    /// seat left; a lunchtime HIIT has a few members.
    /// </summary>
    private void AddBookings()
    {
        var full = SessionOn(_today.AddDays(1), "Reformer Pilates", new TimeOnly(18, 0));
        var nearlyFull = SessionOn(_today.AddDays(2), "Reformer Pilates", new TimeOnly(18, 0));
        var lunchtime = SessionOn(_today.AddDays(2), "HIIT", new TimeOnly(12, 30));
        var members = _customers.Where(c => c.Status == LifecycleStatus.Member).ToList();
        var trials = _customers.Where(c => c.Status == LifecycleStatus.Trial).ToList();
        var leads = _customers.Where(c => c.Status == LifecycleStatus.Lead).ToList();

        foreach (var customer in members.Concat(trials).Take(full.Capacity)) Book(customer, full, waitlistPosition: null);
        for (var i = 0; i < leads.Count; i++) Book(leads[i], full, waitlistPosition: i + 1);
        // George's trial membership rather than Amelia's two-credit pass: its last credit would leave her status stale.
        foreach (var customer in members.Append(trials.Single(c => c.FirstName == "George")).Take(nearlyFull.Capacity - 1))
            Book(customer, nearlyFull, waitlistPosition: null);
        foreach (var customer in members.Take(3)) Book(customer, lunchtime, waitlistPosition: null);
    }

    private ClassSession SessionOn(DateOnly date, string classType, TimeOnly at) =>
        _sessions.Single(s => s.ClassTypeId == _classTypes[classType].Id && s.StartsAt == _organization.AtLocal(date, at));

    /// <summary>Books through the booking desk, like the API: every rule checked, the payment spent, the ledger written.</summary>
    private void Book(Customer customer, ClassSession session, int? waitlistPosition)
    {
        if (!_accounts.TryGetValue(customer.Id, out var account))
        {
            account = new CustomerAccount(
                _organization, customer,
                _memberships.Where(m => m.CustomerId == customer.Id && Membership.Live.IsSatisfiedBy(m)),
                _packs.Where(p => p.CustomerId == customer.Id && p.Status == PackStatus.Active),
                []);
            _accounts[customer.Id] = account;
        }
        if (!_sessionsAtDesk.TryGetValue(session.Id, out var atDesk))
        {
            atDesk = new SessionAtDesk(session, _classTypes.Values.Single(t => t.Id == session.ClassTypeId).Name, 0, 0, []);
            _sessionsAtDesk[session.Id] = atDesk;
        }
        var payment = PaymentFor(customer);
        var choice = new PaymentChoice(payment.Method, payment.MembershipId ?? payment.PackId);
        var decision = BookingDesk.Book(account, atDesk, new BookingRequest(choice, JoinWaitlistIfFull: waitlistPosition is not null, BookingSource.Staff), now);
        if (decision.IsFailure) throw new InvalidOperationException($"The demo booking of {customer.FirstName} was refused: {decision.Error!.Code}");
        if (decision.Value.Booking.WaitlistPosition != waitlistPosition)
            throw new InvalidOperationException($"The demo booking of {customer.FirstName} is not at waitlist position {waitlistPosition}.");
        Add(_bookings, decision.Value.Booking);
        _entities.AddRange(decision.Value.LedgerRows);
    }

    private BookingPayment PaymentFor(Customer customer)
    {
        var membership = _memberships.FirstOrDefault(m => m.CustomerId == customer.Id && m.IsInForceOn(_today));
        if (membership is not null) return BookingPayment.ByMembership(membership.Id);
        var pack = _packs.FirstOrDefault(p => p.CustomerId == customer.Id && p.IsCurrent(now));
        return pack is not null ? BookingPayment.ByPack(pack.Id) : BookingPayment.DropIn;
    }

    private Customer Register(string first, string last, string source)
    {
        var email = $"{first}.{last}@example.com".ToLowerInvariant();
        return Add(_customers, Customer.Register(_organization.Id, first, last, email, null, source, now.AddDays(-240)).Value);
    }

    private Membership SellMembership(Customer customer, string plan, int daysAgo, int? runsForDays = null)
    {
        var soldAt = now.AddDays(-daysAgo);
        var start = _organization.LocalDate(soldAt);
        DateOnly? end = runsForDays is { } days ? start.AddDays(days - 1) : null;
        var membership = Add(_memberships, Membership.Sell(customer, _plans[plan], start, end, soldAt).Value);
        customer.ApplyPurchases(EvidenceAt(customer, soldAt), $"bought membership {plan}", soldAt);
        return membership;
    }

    private void SellPack(Customer customer, string product, int daysAgo)
    {
        var soldAt = now.AddDays(-daysAgo);
        Add(_packs, ClassPack.Sell(customer, _products[product], soldAt).Value);
        customer.ApplyPurchases(EvidenceAt(customer, soldAt), $"bought pack {product}", soldAt);
        // What time did since: a pack past its expiry leaves the customer lapsed today.
        customer.ApplyPurchases(EvidenceAt(customer, now), "daily recompute", now);
    }

    private LifecycleEvidence EvidenceAt(Customer customer, DateTimeOffset at) => LifecycleEvidence.From(
        _memberships.Where(m => m.CustomerId == customer.Id), _packs.Where(p => p.CustomerId == customer.Id), _organization.LocalDate(at), at);

    private void AddClassType(string name, int capacity, int minutes) =>
        _classTypes[name] = Add(ClassType.Create(_organization.Id, name, capacity, minutes, now).Value);

    private void AddPlan(string name, Allowance allowance, bool trial) =>
        _plans[name] = Add(MembershipPlan.Create(_organization.Id, name, allowance, null, trial, now).Value);

    private void AddProduct(string name, int credits, int validityDays, bool trial) =>
        _products[name] = Add(PackProduct.Create(_organization.Id, name, credits, validityDays, null, trial, now).Value);

    private T Add<T>(List<T> list, T entity) where T : class
    {
        list.Add(entity);
        return Add(entity);
    }

    private T Add<T>(T entity) where T : class
    {
        _entities.Add(entity);
        return entity;
    }

    public void Describe(TextWriter output)
    {
        output.WriteLine($"Demo Studio ({DemoSeed.Slug}, {_organization.TimeZone}), organization {_organization.Id}:");
        output.WriteLine($"  class types       {string.Join(", ", _classTypes.Keys)}");
        output.WriteLine($"  instructors       {string.Join(", ", _instructors.Keys)}");
        output.WriteLine($"  locations         {string.Join(", ", _locations.Keys)}");
        output.WriteLine($"  sessions          {_sessions.Count}, {DailyTimetable.Length} a day from {_today:yyyy-MM-dd} to {_today.AddDays(DemoSeed.DaysAhead - 1):yyyy-MM-dd}");
        output.WriteLine($"  membership plans  {string.Join(", ", _plans.Keys)}");
        output.WriteLine($"  pack products     {string.Join(", ", _products.Keys)}");
        output.WriteLine($"  bookings          {_bookings.Count} ({_bookings.Count(b => b.Status == BookingStatus.Waitlisted)} waitlisted)");
        output.WriteLine($"  customers         {_customers.Count}:");
        foreach (var customer in _customers.OrderBy(c => c.Status).ThenBy(c => c.LastName))
            output.WriteLine($"    {customer.Status.ToString().ToLowerInvariant(),-9} {customer.FullName,-18} {customer.Email}");
    }
}
