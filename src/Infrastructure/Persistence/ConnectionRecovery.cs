using Npgsql;

namespace UnifiedCustomers.Infrastructure.Persistence;

/// <summary>
/// After a PostgreSQL restart every idle pooled connection is dead, and each would fail the first
/// request that takes it. A lost connection therefore empties the pool, so the next attempt opens a
/// fresh connection, and the first statement of a request (the API-key or slug lookup, or the
/// Idempotency-Key claim when the key is cached) and a query's read-only transaction are retried once.
/// </summary>
public sealed class ConnectionRecovery(NpgsqlDataSource dataSource)
{
    /// <summary>Drops every idle connection of the pool and closes the context's own.</summary>
    public async Task ResetAsync(DbContext db)
    {
        dataSource.Clear();
        try
        {
            await db.Database.CloseConnectionAsync();
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex) || ex is InvalidOperationException)
        {
            // Closing a broken connection has nothing left to tell.
        }
    }

    /// <summary>
    /// Runs a read (or a claim whose transaction went with the connection) once more on a fresh connection
    /// when the first attempt found its connection lost, unless the caller has given up meanwhile.
    /// </summary>
    /// <param name="lost">told why before the second attempt (to log it, to drop what the first attempt left queued)</param>
    public async Task<T> ReadAsync<T>(DbContext db, Func<Task<T>> read, Action<Exception>? lost = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await read();
        }
        catch (Exception ex) when (DatabaseFailures.IsConnectionLost(ex) && !cancellationToken.IsCancellationRequested)
        {
            lost?.Invoke(ex);
            await ResetAsync(db);
            return await read();
        }
    }
}
