using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Packs;

namespace UnifiedCustomers.Application.Customers.RecomputeLifecycles;

/// <summary>
/// The daily run for one organization: memberships whose end date passed expire, then every customer
/// whose status no longer matches what they hold (a membership ended or started, a pack expired) moves.
/// </summary>
public sealed record RecomputeLifecyclesCommand(Guid OrganizationId) : ITenantCommand<Result<RecomputeLifecyclesResponse>>, IOrganizationRequest;

/// <param name="Today">the studio's local date the run used</param>
public sealed record RecomputeLifecyclesResponse(DateOnly Today, int MembershipsExpired, int CustomersChecked, int CustomersChanged);

internal sealed class RecomputeLifecyclesHandler(CurrentOrganization current, IAppDbContext db, IRowLocks locks, TimeProvider clock)
    : ICommandHandler<RecomputeLifecyclesCommand, Result<RecomputeLifecyclesResponse>>
{
    private const int BatchSize = 1000;
    private static readonly TimeSpan PackExpiryLookBack = TimeSpan.FromDays(7);
    private const string Cause = "daily recompute";

    public async ValueTask<Result<RecomputeLifecyclesResponse>> Handle(RecomputeLifecyclesCommand command, CancellationToken ct)
    {
        var organizationId = command.OrganizationId;
        var organization = current.Organization;
        var now = clock.GetUtcNow();
        var today = organization.LocalDate(now);

        // Their owners locked first (as every writer of a membership does), then the memberships read: a cancellation or
        // pause committed meanwhile is what the run sees, where it wrote Expired over it from a copy read before. Only
        // memberships still of a locked owner are read: one a merge moved meanwhile waits for tomorrow's run.
        var owners = await db.Memberships.Where(Membership.Ended(today)).Select(m => m.CustomerId).Distinct().ToListAsync(ct);
        var lockedOwners = await locks.LockCustomersAsync(organizationId, owners, ct);
        var ended = await db.Memberships
            .Where(Membership.Ended(today))
            .Where(m => lockedOwners.Contains(m.CustomerId))
            .ToListAsync(ct);
        var expired = ended.Count(m => m.ExpireIfEnded(today));

        // pack.expired once per pack; only recent expiries, so packs that ran out long before this
        // feature (or before the consolidation brought them in) do not all announce themselves at once.
        var recentlyExpired = await db.ClassPacks
            .Where(p => p.ExpiresAt > now - PackExpiryLookBack)
            .Where(ClassPack.ExpiryToRecord(now))
            .ToListAsync(ct);
        foreach (var pack in recentlyExpired) pack.RecordExpiry(now);

        // Customers are read as (id, status) in keyset batches with only their current purchases;
        // just the ones whose status changes are locked and loaded for writing, a batch at a time.
        var (checkedCount, changedCount) = (0, 0);
        var after = Guid.Empty;
        while (true)
        {
            var batch = await db.Customers.AsNoTracking()
                .Where(c => c.Status != LifecycleStatus.Archived && c.Id.CompareTo(after) > 0)
                .OrderBy(c => c.Id)
                .Take(BatchSize)
                .Select(c => new { c.Id, c.Status })
                .ToListAsync(ct);
            if (batch.Count == 0) break;
            checkedCount += batch.Count;
            after = batch[^1].Id;

            var ids = batch.Select(c => c.Id).ToList();
            var evidence = await EvidenceAsync(ids, today, now, ct);
            var moving = batch.Where(c => Customer.StatusAfterPurchases(c.Status, evidence(c.Id)) != c.Status).Select(c => c.Id).ToList();
            if (moving.Count == 0) continue;

            // Locked, then read again: a sale committed since the batch was read still counts.
            var locked = await locks.LockCustomersAsync(organizationId, moving, ct);
            var fresh = await EvidenceAsync(locked.ToList(), today, now, ct);
            var customers = await db.Customers.Where(c => locked.Contains(c.Id)).ToListAsync(ct);
            foreach (var customer in customers)
            {
                var before = customer.Status;
                customer.ApplyPurchases(fresh(customer.Id), Cause, now);
                if (customer.Status != before) changedCount++;
            }
        }
        return new RecomputeLifecyclesResponse(today, expired, checkedCount, changedCount);
    }

    /// <summary>Each customer's evidence from three set-based reads: memberships in force, current packs, and who ever bought anything.</summary>
    private async Task<Func<Guid, LifecycleEvidence>> EvidenceAsync(
        List<Guid> customerIds, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        // Ended memberships were just expired in memory; being in force on today leaves them out without a flush.
        var memberships = (await db.Memberships.AsNoTracking()
                .Where(m => customerIds.Contains(m.CustomerId))
                .Where(Membership.InForce(today))
                .ToListAsync(ct))
            .ToLookup(m => m.CustomerId);
        var packs = (await db.ClassPacks.AsNoTracking()
                .Where(p => customerIds.Contains(p.CustomerId))
                .Where(ClassPack.Current(now))
                .ToListAsync(ct))
            .ToLookup(p => p.CustomerId);
        var buyers = (await db.Memberships
                .Where(m => customerIds.Contains(m.CustomerId))
                .Select(m => m.CustomerId)
                .Union(db.ClassPacks.Where(p => customerIds.Contains(p.CustomerId)).Select(p => p.CustomerId))
                .ToListAsync(ct))
            .ToHashSet();
        return customerId => LifecycleEvidence.From(memberships[customerId], packs[customerId], today, now, buyers.Contains(customerId));
    }
}
