using System.Data;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using UnifiedCustomers.Application.Common.Edge;
using UnifiedCustomers.Infrastructure.Persistence;
using UnifiedCustomers.Infrastructure.Persistence.Transactions;

namespace UnifiedCustomers.Infrastructure.Idempotency;

/// <summary>
/// The first request with its key. The key's row is written in the request's own transaction, which the
/// command then joins (<see cref="UnitOfWork"/>): the booking and the answer commit together, or neither does.
/// </summary>
internal sealed record FirstClaim(AppDbContext Db, IDbContextTransaction Transaction, Guid OrganizationId, string Key, DateTimeOffset ExpiredBefore)
    : IdempotencyClaim.First
{
    public override async Task CompleteAsync(StoredResponse response, CancellationToken cancellationToken)
    {
        // The expired keys of the organization go in the same statement, but for those another request holds
        // (taking one over, or deleting it): waiting for each other's, two such requests deadlocked.
        await using var update = new NpgsqlCommand(
            """
            WITH expired AS (DELETE FROM idempotency_records WHERE organization_id = $1 AND key IN (
                SELECT key FROM idempotency_records WHERE organization_id = $1 AND created_at < $7 AND key <> $2 FOR UPDATE SKIP LOCKED))
            UPDATE idempotency_records SET status = $3, content_type = $4, location = $5, response_body = $6
            WHERE organization_id = $1 AND key = $2
            """, (NpgsqlConnection)Db.Database.GetDbConnection(), (NpgsqlTransaction)Transaction.GetDbTransaction())
        {
            Parameters =
            {
                new() { Value = OrganizationId }, new() { Value = Key }, new() { Value = response.Status },
                new() { Value = (object?)response.ContentType ?? DBNull.Value }, new() { Value = (object?)response.Location ?? DBNull.Value },
                new() { Value = response.Body }, new() { Value = ExpiredBefore },
            },
        };
        await update.ExecuteNonQueryAsync(cancellationToken);
        await Transaction.CommitAsync(cancellationToken);
    }

    public override ValueTask DisposeAsync() => Transaction.DisposeAsync();
}

/// <summary>
/// Keeps the first answer per (organization, Idempotency-Key) for 24 hours, in the request's own
/// transaction (the scoped context's): the key's row is inserted first, the command runs in the same
/// transaction after a savepoint, the answer is written and everything commits at once. A concurrent
/// duplicate's INSERT ... ON CONFLICT waits on the uncommitted row, so it sees the finished answer and
/// replays it (or, when the first failed and rolled back, becomes the first itself). See docs/adr/0006.
/// </summary>
internal sealed class IdempotencyStore(AppDbContext db, ConnectionRecovery recovery, TimeProvider clock) : IIdempotencyStore
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>
    /// The claim is the first statement of an idempotent request whose API key was cached: after a
    /// database restart it may meet a dead pooled connection, so it runs once more on a fresh one.
    /// </summary>
    public Task<IdempotencyClaim> ClaimAsync(Guid organizationId, string key, byte[] requestHash, CancellationToken ct) =>
        recovery.ReadAsync(db, () => ClaimOnceAsync(organizationId, key, requestHash, ct));

    private async Task<IdempotencyClaim> ClaimOnceAsync(Guid organizationId, string key, byte[] requestHash, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        db.Database.AutoSavepointsEnabled = false;
        var first = false;
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var npgsqlTransaction = (NpgsqlTransaction)transaction.GetDbTransaction();
            // One round trip: BEGIN (Npgsql sends it with the first command), the claim, which also scopes the
            // transaction to the organization for row-level security, and the savepoint the command goes back
            // to when it fails (its failure is an answer to keep; its writes are not). An expired row is taken over.
            await using (var claim = new NpgsqlBatch(connection, npgsqlTransaction)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand(
                        """
                        INSERT INTO idempotency_records (organization_id, key, request_hash, created_at)
                        SELECT $1, $2, $3, $4 FROM (SELECT set_config('app.organization_id', $1::text, true)) AS scope
                        ON CONFLICT (organization_id, key) DO UPDATE
                            SET request_hash = excluded.request_hash, created_at = excluded.created_at,
                                status = NULL, content_type = NULL, location = NULL, response_body = NULL
                            WHERE idempotency_records.created_at < $5
                        RETURNING 1
                        """)
                    {
                        Parameters =
                        {
                            new() { Value = organizationId }, new() { Value = key }, new() { Value = requestHash }, new() { Value = now },
                            new() { Value = now - Retention },
                        },
                    },
                    new NpgsqlBatchCommand($"SAVEPOINT {UnitOfWork.CommandSavepoint}"),
                },
            })
            {
                if (await claim.ExecuteScalarAsync(ct) is not null)
                {
                    first = true;
                    return new FirstClaim(db, transaction, organizationId, key, now - Retention);
                }
            }

            await using var select = new NpgsqlCommand(
                "SELECT request_hash, status, content_type, location, response_body FROM idempotency_records WHERE organization_id = $1 AND key = $2",
                connection, npgsqlTransaction) { Parameters = { new() { Value = organizationId }, new() { Value = key } } };
            await using var reader = await select.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct) || reader.IsDBNull(1))
                throw new InvalidOperationException("An idempotency record was neither insertable nor complete.");
            if (!((byte[])reader[0]).AsSpan().SequenceEqual(requestHash)) return new IdempotencyClaim.KeyReused();
            return new IdempotencyClaim.Replay(new StoredResponse(
                reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? [] : (byte[])reader[4]));
        }
        finally
        {
            // The first request keeps the transaction until it completes; the others are done with it.
            if (!first) await transaction.DisposeAsync();
        }
    }
}
