namespace UnifiedCustomers.Application.Common;

/// <summary>
/// Row locks (SELECT ... FOR UPDATE) that serialise the writers of one customer or one session.
/// Every booking path takes the customer's lock first, then the session's; see ARCHITECTURE.md.
/// </summary>
public interface IRowLocks
{
    /// <returns>false when the row does not exist in that organization</returns>
    Task<bool> LockCustomerAsync(Guid organizationId, Guid customerId, CancellationToken cancellationToken);

    /// <summary>
    /// The customer's row in key share (FOR KEY SHARE): waits for a writer of the customer in flight, exactly as
    /// inserting a row that references the customer waits for its foreign key, and holds up no other writer.
    /// </summary>
    Task KeyShareCustomerAsync(Guid organizationId, Guid customerId, CancellationToken cancellationToken);

    /// <summary>Locks many customers at once, in id order (the order every multi-customer writer uses).</summary>
    /// <returns>the ids that exist in that organization</returns>
    Task<IReadOnlyList<Guid>> LockCustomersAsync(Guid organizationId, IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken);

    /// <summary>
    /// Locks customers (in id order) in the same round trip as the next query, as a statement of its
    /// own before it: the query then reads what the lock's previous holder committed.
    /// </summary>
    void LockCustomersWithNextQuery(Guid organizationId, IReadOnlyCollection<Guid> customerIds);

    /// <summary>
    /// Locks the customer who holds a booking, then the booking's session, in the same round trip as the
    /// next query (see <see cref="LockCustomersWithNextQuery"/>): the booking is then read as the session's
    /// writers (a reschedule, a promotion) left it, not as it was before they committed.
    /// </summary>
    void LockCustomerAndSessionOfBookingWithNextQuery(Guid organizationId, Guid bookingId);

    /// <summary>Locks sessions (in id order) in the same round trip as the next query (see <see cref="LockCustomersWithNextQuery"/>).</summary>
    void LockSessionsWithNextQuery(Guid organizationId, IReadOnlyCollection<Guid> sessionIds);

    /// <summary>
    /// Until the transaction ends, the one request that may register this (normalised) email in the
    /// organization: a second waits, then reads the customer the first registered.
    /// </summary>
    Task LockEmailAsync(Guid organizationId, string email, CancellationToken cancellationToken);

    /// <returns>false when the row does not exist in that organization</returns>
    Task<bool> LockSessionAsync(Guid organizationId, Guid sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// Loads (tracked) a membership plan under a row lock: exclusive (FOR UPDATE) to change its terms,
    /// shared (FOR SHARE) to sell it, so a sale and a change of terms never overlap and sales do not
    /// wait on each other. Null when the row does not exist in that organization.
    /// </summary>
    Task<Domain.Memberships.MembershipPlan?> LockAndLoadPlanAsync(Guid organizationId, Guid planId, bool exclusive, CancellationToken cancellationToken);

    /// <summary>A pack product under a row lock, as <see cref="LockAndLoadPlanAsync"/>.</summary>
    Task<Domain.Packs.PackProduct?> LockAndLoadPackProductAsync(Guid organizationId, Guid productId, bool exclusive, CancellationToken cancellationToken);

    /// <summary>
    /// Loads (tracked) a webhook subscription under a row lock, as every writer of it or its deliveries
    /// does: they take turns (two rotations keep each other's secret) and one that waited on a delete
    /// finds nothing. Only a delete locks it exclusively (FOR UPDATE), so it waits for the publisher's
    /// pass that is creating a delivery for it (FOR KEY SHARE) and deletes that delivery too; the other
    /// writers (FOR NO KEY UPDATE) never hold the publisher up.
    /// </summary>
    Task<Domain.Webhooks.WebhookSubscription?> LockAndLoadWebhookSubscriptionAsync(Guid organizationId, Guid subscriptionId, bool toDelete, CancellationToken cancellationToken);
}

/// <summary>Runs work in one database transaction, retried from the start on a serialization failure or deadlock.</summary>
public interface IUnitOfWork
{
    /// <param name="work">may run more than once; commits only when <paramref name="commit"/> says so</param>
    Task<T> RunAsync<T>(Guid organizationId, Func<CancellationToken, Task<T>> work, Func<T, bool> commit, CancellationToken cancellationToken);

    /// <summary>Runs a query in a read-only transaction scoped to the organization.</summary>
    Task<T> ReadAsync<T>(Guid organizationId, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}

/// <summary>Two writers raced for the same unique thing (an email, an idempotency key); the loser gets this error.</summary>
public sealed class UniqueConflictException(Domain.Common.Error error, Exception inner) : Exception(error.Message, inner)
{
    public Domain.Common.Error Error { get; } = error;
}
