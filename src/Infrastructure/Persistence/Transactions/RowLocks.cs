using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Common;

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

    public async Task<Domain.Customers.Customer?> LockAndLoadCustomerAsync(Guid organizationId, Guid customerId, CancellationToken cancellationToken) =>
        (await db.Customers
            .FromSql($"SELECT * FROM customers WHERE organization_id = {organizationId} AND id = {customerId} FOR UPDATE")
            .ToListAsync(cancellationToken)).SingleOrDefault();

    public async Task<Domain.Scheduling.ClassSession?> LockAndLoadSessionAsync(Guid organizationId, Guid sessionId, CancellationToken cancellationToken) =>
        (await db.ClassSessions
            .FromSql($"SELECT * FROM class_sessions WHERE organization_id = {organizationId} AND id = {sessionId} FOR UPDATE")
            .ToListAsync(cancellationToken)).SingleOrDefault();

    public async Task<bool> LockSessionAsync(Guid organizationId, Guid sessionId, CancellationToken cancellationToken) =>
        (await db.Database
            .SqlQuery<Guid>($"SELECT id AS \"Value\" FROM class_sessions WHERE organization_id = {organizationId} AND id = {sessionId} FOR UPDATE")
            .ToListAsync(cancellationToken)).Count == 1;

    public async Task<Domain.Memberships.MembershipPlan?> LockAndLoadPlanAsync(Guid organizationId, Guid planId, bool exclusive, CancellationToken cancellationToken) =>
        (await (exclusive
                ? db.MembershipPlans.FromSql($"SELECT * FROM membership_plans WHERE organization_id = {organizationId} AND id = {planId} FOR UPDATE")
                : db.MembershipPlans.FromSql($"SELECT * FROM membership_plans WHERE organization_id = {organizationId} AND id = {planId} FOR SHARE"))
            .ToListAsync(cancellationToken)).SingleOrDefault();

    public async Task<Domain.Packs.PackProduct?> LockAndLoadPackProductAsync(Guid organizationId, Guid productId, bool exclusive, CancellationToken cancellationToken) =>
        (await (exclusive
                ? db.PackProducts.FromSql($"SELECT * FROM pack_products WHERE organization_id = {organizationId} AND id = {productId} FOR UPDATE")
                : db.PackProducts.FromSql($"SELECT * FROM pack_products WHERE organization_id = {organizationId} AND id = {productId} FOR SHARE"))
            .ToListAsync(cancellationToken)).SingleOrDefault();
}
