using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Domain.Packs;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Tests.Support;

/// <summary>Arranges a studio's data straight through the domain's factories, so each test states only what it needs.</summary>
public sealed class Studio
{
    private readonly Backend _backend;

    private Studio(Backend backend, Organization organization, ClassType yoga, Instructor rosa, Location studio1)
    {
        _backend = backend;
        Organization = organization;
        Yoga = yoga;
        Rosa = rosa;
        Studio1 = studio1;
    }

    public Organization Organization { get; }
    public ClassType Yoga { get; }
    public Instructor Rosa { get; }
    public Location Studio1 { get; }
    public Guid Id => Organization.Id;
    private DateTimeOffset Now => _backend.Clock.GetUtcNow();

    public static async Task<Studio> OpenAsync(Backend backend, string timeZone = "Europe/London", BookingPolicy? policy = null)
    {
        var now = backend.Clock.GetUtcNow();
        var id = Guid.NewGuid();
        var organization = Organization.Create(id, "Studio " + id.ToString("N")[..6], "studio-" + id.ToString("N"), timeZone, "GB", now).Value;
        if (policy is not null) organization.UpdatePolicy(policy);
        var yoga = ClassType.Create(id, "Vinyasa Flow", 12, 60, now).Value;
        var rosa = Instructor.Create(id, "Rosa", now).Value;
        var studio1 = Location.Create(id, "Studio 1", now).Value;
        await backend.WithDbAsync(async db =>
        {
            db.Organizations.Add(organization);
            db.ClassTypes.Add(yoga);
            db.Instructors.Add(rosa);
            db.Locations.Add(studio1);
            return await db.SaveChangesAsync();
        });
        return new Studio(backend, organization, yoga, rosa, studio1);
    }

    public async Task<Customer> CustomerAsync(string name = "Amy Archer", LifecycleStatus? status = null)
    {
        var parts = name.Split(' ', 2);
        var customer = Customer.Register(Id, parts[0], parts.ElementAtOrDefault(1), null, null, "test", Now).Value;
        if (status is LifecycleStatus.Trial) customer.ApplyPurchases(new LifecycleEvidence(false, true, true), "test", Now);
        if (status is LifecycleStatus.Member) customer.ApplyPurchases(new LifecycleEvidence(true, false, true), "test", Now);
        if (status is LifecycleStatus.Lapsed) customer.ApplyPurchases(new LifecycleEvidence(false, false, true), "test", Now);
        if (status is LifecycleStatus.Archived) customer.Archive("test", Now);
        await SaveAsync(customer);
        return customer;
    }

    public async Task<ClassSession> SessionAsync(TimeSpan fromNow, int capacity = 12, ClassType? type = null)
    {
        var session = ClassSession.Schedule(type ?? Yoga, Now + fromNow, null, capacity, Rosa, Studio1, Now).Value;
        await SaveAsync(session);
        return session;
    }

    public async Task<ClassSession> SessionAtAsync(DateTimeOffset startsAt, int capacity = 12, ClassType? type = null)
    {
        var session = ClassSession.Schedule(type ?? Yoga, startsAt, null, capacity, Rosa, Studio1, Now).Value;
        await SaveAsync(session);
        return session;
    }

    public async Task<ClassPack> PackAsync(Customer customer, int credits, int validityDays = 90, IEnumerable<Guid>? classTypes = null)
    {
        var product = PackProduct.Create(Id, $"{credits} Class Pass", credits, validityDays, classTypes, false, Now).Value;
        var pack = ClassPack.Sell(customer, product, Now).Value;
        await SaveAsync(product, pack);
        return pack;
    }

    public async Task<Membership> MembershipAsync(Customer customer, Allowance allowance, DateOnly? start = null, DateOnly? end = null, bool trial = false)
    {
        var plan = MembershipPlan.Create(Id, allowance.IsUnlimited ? "Unlimited" : $"{allowance.Classes} per {allowance.Period}", allowance, null, trial, Now).Value;
        var membership = Membership.Sell(customer, plan, start ?? DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-30), end, Now).Value;
        await SaveAsync(plan, membership);
        return membership;
    }

    public async Task<MembershipPlan> PlanAsync(string name, Allowance allowance, bool trial = false)
    {
        var plan = MembershipPlan.Create(Id, name, allowance, null, trial, Now).Value;
        await SaveAsync(plan);
        return plan;
    }

    public async Task<PackProduct> PackProductAsync(string name, int credits, int validityDays, bool trial = false)
    {
        var product = PackProduct.Create(Id, name, credits, validityDays, null, trial, Now).Value;
        await SaveAsync(product);
        return product;
    }

    /// <summary>The customer as stored now, with its status history.</summary>
    public Task<Customer> ReloadAsync(Customer customer) => _backend.WithDbAsync(db =>
        db.Customers.Include(c => c.StatusHistory).SingleAsync(c => c.Id == customer.Id));

    public Task SaveAsync(params object[] entities) => _backend.WithDbAsync(async db =>
    {
        db.AddRange(entities);
        return await db.SaveChangesAsync();
    });
}
