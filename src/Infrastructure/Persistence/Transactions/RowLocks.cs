using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Infrastructure.Persistence.Tenancy;

namespace UnifiedCustomers.Infrastructure.Persistence.Transactions;

internal sealed class RowLocks(AppDbContext db) : IRowLocks
{
    public async Task<bool> LockCustomerAsync(Guid organizationId, Guid customerId, CancellationToken cancellationToken) =>
        (await db.Database
            .SqlQuery<Guid>($"SELECT id AS \"Value\" FROM customers WHERE organization_id = {organizationId} AND id = {customerId} FOR UPDATE")
            .ToListAsync(cancellationToken)).Count == 1;

    public async Task<IReadOnlyList<Guid>> LockCustomersAsync(Guid organizationId, IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken) =>
        await db.Database
            .SqlQuery<Guid>($"SELECT id AS \"Value\" FROM customers WHERE organization_id = {organizationId} AND id = ANY({customerIds.ToArray()}) ORDER BY id FOR UPDATE")
            .ToListAsync(cancellationToken);

    public async Task LockEmailAsync(Guid organizationId, string email, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock(hashtextextended({organizationId.ToString("N")} || ' ' || {email}, 0))", cancellationToken);

    public async Task<bool> LockSessionAsync(Guid organizationId, Guid sessionId, CancellationToken cancellationToken) =>
        (await db.Database
            .SqlQuery<Guid>($"SELECT id AS \"Value\" FROM class_sessions WHERE organization_id = {organizationId} AND id = {sessionId} FOR UPDATE")
            .ToListAsync(cancellationToken)).Count == 1;

    public Task KeyShareCustomerAsync(Guid organizationId, Guid customerId, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM customers WHERE organization_id = {organizationId} AND id = {customerId} FOR KEY SHARE")
            .ToListAsync(cancellationToken);

    public void LockCustomersWithNextQuery(Guid organizationId, IReadOnlyCollection<Guid> customerIds) =>
        db.Prefix.Add("SELECT id FROM customers WHERE organization_id = $1 AND id = ANY($2) ORDER BY id FOR UPDATE", organizationId, customerIds.ToArray());

    public void LockCustomerAndSessionOfBookingWithNextQuery(Guid organizationId, Guid bookingId)
    {
        db.Prefix.Add(
            """
            SELECT id FROM customers
            WHERE organization_id = $1 AND id = (SELECT customer_id FROM bookings WHERE organization_id = $1 AND id = $2)
            FOR UPDATE
            """, organizationId, bookingId);
        // A booking never changes session, so the session read here is the one the booking names once locked.
        db.Prefix.Add(
            """
            SELECT id FROM class_sessions
            WHERE organization_id = $1 AND id = (SELECT session_id FROM bookings WHERE organization_id = $1 AND id = $2)
            FOR UPDATE
            """, organizationId, bookingId);
    }

    public void LockSessionsWithNextQuery(Guid organizationId, IReadOnlyCollection<Guid> sessionIds) =>
        db.Prefix.Add("SELECT id FROM class_sessions WHERE organization_id = $1 AND id = ANY($2) ORDER BY id FOR UPDATE", organizationId, sessionIds.ToArray());

    public async Task<Domain.Memberships.MembershipPlan?> LockAndLoadPlanAsync(Guid organizationId, Guid planId, bool exclusive, CancellationToken cancellationToken) =>
        (await (exclusive
                ? db.MembershipPlans.FromSql($"SELECT * FROM membership_plans WHERE organization_id = {organizationId} AND id = {planId} FOR UPDATE")
                : db.MembershipPlans.FromSql($"SELECT * FROM membership_plans WHERE organization_id = {organizationId} AND id = {planId} FOR SHARE"))
            .FilteredByItsOwnSql().ToListAsync(cancellationToken)).SingleOrDefault();

    public async Task<Domain.Packs.PackProduct?> LockAndLoadPackProductAsync(Guid organizationId, Guid productId, bool exclusive, CancellationToken cancellationToken) =>
        (await (exclusive
                ? db.PackProducts.FromSql($"SELECT * FROM pack_products WHERE organization_id = {organizationId} AND id = {productId} FOR UPDATE")
                : db.PackProducts.FromSql($"SELECT * FROM pack_products WHERE organization_id = {organizationId} AND id = {productId} FOR SHARE"))
            .FilteredByItsOwnSql().ToListAsync(cancellationToken)).SingleOrDefault();

    public async Task<Domain.Webhooks.WebhookSubscription?> LockAndLoadWebhookSubscriptionAsync(Guid organizationId, Guid subscriptionId, bool toDelete, CancellationToken cancellationToken) =>
        (await (toDelete
                ? db.WebhookSubscriptions.FromSql($"SELECT * FROM webhook_subscriptions WHERE organization_id = {organizationId} AND id = {subscriptionId} FOR UPDATE")
                : db.WebhookSubscriptions.FromSql($"SELECT * FROM webhook_subscriptions WHERE organization_id = {organizationId} AND id = {subscriptionId} FOR NO KEY UPDATE"))
            .FilteredByItsOwnSql().ToListAsync(cancellationToken)).SingleOrDefault();
}
