using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Organizations;

namespace UnifiedCustomers.Application.Customers;

/// <summary>
/// Recomputes a customer's lifecycle status from everything they hold, including what this
/// transaction added or changed and has not saved yet. Callers hold the customer's row lock, so two
/// sales to one customer cannot each decide from a view that misses the other.
/// </summary>
internal sealed class CustomerLifecycle(IAppDbContext db, TimeProvider clock)
{
    public async Task<LifecycleEvidence> EvidenceAsync(Organization organization, Guid customerId, CancellationToken ct)
    {
        // Loaded into the change tracker, so Local also holds unsaved sales and memberships or packs
        // a merge is moving to this customer.
        await db.Memberships.Where(m => m.OrganizationId == organization.Id && m.CustomerId == customerId).LoadAsync(ct);
        await db.ClassPacks.Where(p => p.OrganizationId == organization.Id && p.CustomerId == customerId).LoadAsync(ct);
        var now = clock.GetUtcNow();
        return LifecycleEvidence.From(
            db.Memberships.Local.Where(m => m.CustomerId == customerId),
            db.ClassPacks.Local.Where(p => p.CustomerId == customerId),
            organization.LocalDate(now),
            now);
    }

    public async Task RecomputeAsync(Organization organization, Customer customer, string cause, CancellationToken ct)
    {
        var evidence = await EvidenceAsync(organization, customer.Id, ct);
        customer.ApplyPurchases(evidence, cause, clock.GetUtcNow());
    }
}
