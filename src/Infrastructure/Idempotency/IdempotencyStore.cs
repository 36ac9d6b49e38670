using System.Data;
using Npgsql;

namespace UnifiedCustomers.Infrastructure.Idempotency;

/// <summary>The answer kept for a key: replayed as it was.</summary>
internal sealed record StoredResponse(int Status, string? ContentType, string? Location, byte[] Body);

/// <summary>What a request with an Idempotency-Key may do: run (it is the first), replay, or nothing (the key was used for another request).</summary>
internal abstract record IdempotencyClaim
{
    public sealed record Replay(StoredResponse Response) : IdempotencyClaim;

    public sealed record KeyReused : IdempotencyClaim;

    /// <summary>This request is the first with its key: it holds the record's row until it completes or is disposed (rolled back).</summary>
    public sealed record First(NpgsqlConnection Connection, NpgsqlTransaction Transaction, Guid OrganizationId, string Key, SemaphoreSlim Slot)
        : IdempotencyClaim, IAsyncDisposable
    {
        public async Task CompleteAsync(StoredResponse response, CancellationToken ct)
        {
            await using var update = new NpgsqlCommand(
                """
                UPDATE idempotency_records SET status = $3, content_type = $4, location = $5, response_body = $6
                WHERE organization_id = $1 AND key = $2
                """, Connection, Transaction)
            {
                Parameters =
                {
                    new() { Value = OrganizationId }, new() { Value = Key }, new() { Value = response.Status },
                    new() { Value = (object?)response.ContentType ?? DBNull.Value }, new() { Value = (object?)response.Location ?? DBNull.Value },
                    new() { Value = response.Body },
                },
            };
            await update.ExecuteNonQueryAsync(ct);
            await Transaction.CommitAsync(ct);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await Transaction.DisposeAsync();
                await Connection.DisposeAsync();
            }
            finally
            {
                Slot.Release();
            }
        }
    }
}

/// <summary>
/// Keeps the first answer per (organization, Idempotency-Key) for 24 hours. The first request
/// inserts the key's row and keeps its transaction open while it runs; a concurrent duplicate's
/// INSERT ... ON CONFLICT waits on that row, so it sees the finished answer and replays it (or,
/// when the first failed and rolled back, becomes the first itself).
/// </summary>
internal sealed class IdempotencyStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>
    /// A first request holds its claim's connection while it takes another from the same pool for its
    /// command. Were every connection of the pool a claim's, all would wait for a second one forever:
    /// so at most half the pool holds claims at a time.
    /// </summary>
    private readonly SemaphoreSlim _slots = new(Math.Max(1, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).MaxPoolSize / 2));

    public async Task<IdempotencyClaim> ClaimAsync(Guid organizationId, string key, byte[] requestHash, CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        NpgsqlConnection connection;
        NpgsqlTransaction transaction;
        try
        {
            connection = await dataSource.OpenConnectionAsync(ct);
            transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        }
        catch
        {
            _slots.Release();
            throw;
        }
        var first = false;
        try
        {
            var now = clock.GetUtcNow();
            await ExecuteAsync(connection, transaction, "SELECT set_config('app.organization_id', $1, true)", ct, organizationId.ToString());
            await ExecuteAsync(connection, transaction, "DELETE FROM idempotency_records WHERE organization_id = $1 AND created_at < $2", ct,
                organizationId, now - Retention);
            var inserted = await ExecuteAsync(connection, transaction,
                """
                INSERT INTO idempotency_records (organization_id, key, request_hash, created_at) VALUES ($1, $2, $3, $4)
                ON CONFLICT (organization_id, key) DO NOTHING
                """, ct, organizationId, key, requestHash, now);
            if (inserted == 1)
            {
                first = true;
                return new IdempotencyClaim.First(connection, transaction, organizationId, key, _slots);
            }

            await using var select = new NpgsqlCommand(
                "SELECT request_hash, status, content_type, location, response_body FROM idempotency_records WHERE organization_id = $1 AND key = $2",
                connection, transaction) { Parameters = { new() { Value = organizationId }, new() { Value = key } } };
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
            // The first request keeps its connection and transaction until it completes; the others are done with theirs.
            if (!first)
            {
                try
                {
                    await transaction.DisposeAsync();
                    await connection.DisposeAsync();
                }
                finally
                {
                    _slots.Release();
                }
            }
        }
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return await command.ExecuteNonQueryAsync(ct);
    }
}
