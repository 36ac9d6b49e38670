using UnifiedCustomers.Application.Customers;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Domain.Organizations;

namespace UnifiedCustomers.Application.Sales;

internal sealed record CustomerAtCounter(Organization Organization, Customer Customer);

internal sealed record MembershipAtCounter(Organization Organization, Customer Customer, Membership Membership, string PlanName);

/// <summary>
/// Where sales and membership changes start: the organization (the pipeline loaded it: every sale
/// and membership change is an <see cref="IOrganizationRequest"/>), and the customer under their row
/// lock (the same lock bookings take), so a sale and a booking or a second sale of one customer
/// run one after the other and the lifecycle is recomputed from what both did.
/// </summary>
internal sealed class SalesDesk(IAppDbContext db, IRowLocks locks, CustomerLifecycle lifecycle, CurrentOrganization current)
{
    public async Task<Result<CustomerAtCounter>> CustomerAsync(Guid customerId, CancellationToken ct)
    {
        if (!await locks.LockCustomerAsync(current.Organization.Id, customerId, ct)) return CustomerErrors.NotFound;
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId, ct);
        return new CustomerAtCounter(current.Organization, customer);
    }

    public async Task<Result<MembershipAtCounter>> MembershipAsync(Guid membershipId, CancellationToken ct)
    {
        var customerId = await db.Memberships
            .Where(m => m.Id == membershipId)
            .Select(m => (Guid?)m.CustomerId)
            .FirstOrDefaultAsync(ct);
        if (customerId is null) return MembershipErrors.NotFound;
        var atCounter = await CustomerAsync(customerId.Value, ct);
        if (atCounter.IsFailure) return atCounter.Error!;
        var membership = await db.Memberships.SingleAsync(m => m.Id == membershipId, ct);
        // A merge that committed between the lookup and the lock moved the membership to the survivor.
        if (membership.CustomerId != customerId) return await MembershipAsync(membershipId, ct);
        var planName = await db.MembershipPlans.Where(p => p.Id == membership.PlanId).Select(p => p.Name).SingleAsync(ct);
        return new MembershipAtCounter(atCounter.Value.Organization, atCounter.Value.Customer, membership, planName);
    }

    /// <param name="sold">what the sale added (not saved yet)</param>
    public Task RecomputeAsync(Organization organization, Customer customer, string cause, CustomerLifecycle.Sold sold, CancellationToken ct) =>
        lifecycle.RecomputeAsync(organization, customer, cause, sold, ct);

    /// <summary>
    /// A change to one membership at the counter: the membership decides (<paramref name="change"/>), then the
    /// customer's status follows, recorded as "<paramref name="verb"/> membership (plan)". Answers the membership as changed.
    /// </summary>
    public Task<Result<MembershipResponse>> ChangeMembershipAsync(
        Guid membershipId, string verb, Func<MembershipAtCounter, Result> change, CancellationToken ct) =>
        MembershipAsync(membershipId, ct)
            .Then(change)
            .TapAsync(counter => RecomputeAsync(counter.Organization, counter.Customer, $"{verb} membership {counter.PlanName}", CustomerLifecycle.Sold.Nothing, ct))
            .Map(SalesResponses.From);
}
