using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Domain.Packs;

namespace UnifiedCustomers.Application.Customers;

/// <summary>
/// Recomputes a customer's lifecycle status from everything they hold. Callers hold the customer's
/// row lock, so two sales to one customer cannot each decide from a view that misses the other.
/// </summary>
internal sealed class CustomerLifecycle(IAppDbContext db, TimeProvider clock)
{
    /// <summary>What this transaction sold the customer and has not saved yet: no query can see it, so the caller names it.</summary>
    public sealed record Sold(IReadOnlyList<Membership> Memberships, IReadOnlyList<ClassPack> Packs)
    {
        public static readonly Sold Nothing = new([], []);

        public static Sold Membership(Membership membership) => new([membership], []);

        public static Sold Pack(ClassPack pack) => new([], [pack]);
    }

    /// <summary>
    /// What the customer holds as saved (tracked, so a membership this transaction changed counts as
    /// changed) and what <paramref name="sold"/> adds.
    /// </summary>
    public async Task<LifecycleEvidence> EvidenceAsync(Organization organization, Guid customerId, Sold sold, CancellationToken ct)
    {
        var memberships = await db.Memberships.Where(m => m.CustomerId == customerId).ToListAsync(ct);
        var packs = await db.ClassPacks.Where(p => p.CustomerId == customerId).ToListAsync(ct);
        return Evidence(organization, memberships.Concat(sold.Memberships), packs.Concat(sold.Packs));
    }

    /// <summary>The evidence of holdings the caller already has in hand (a merge holds both customers').</summary>
    public LifecycleEvidence Evidence(Organization organization, IEnumerable<Membership> memberships, IEnumerable<ClassPack> packs)
    {
        var now = clock.GetUtcNow();
        return LifecycleEvidence.From(memberships, packs, organization.LocalDate(now), now);
    }

    public async Task RecomputeAsync(Organization organization, Customer customer, string cause, Sold sold, CancellationToken ct) =>
        Recompute(customer, await EvidenceAsync(organization, customer.Id, sold, ct), cause);

    public void Recompute(Customer customer, LifecycleEvidence evidence, string cause) =>
        customer.ApplyPurchases(evidence, cause, clock.GetUtcNow());
}
