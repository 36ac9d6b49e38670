using System.Text.Json;
using Npgsql;

namespace UnifiedCustomers.Infrastructure.Jobs;

/// <summary>
/// The claimed row per job run (table job_runs). A claim is one INSERT ... ON CONFLICT: of two
/// schedulers claiming the same run, the second waits for the first's row and finds it taken. A
/// run is claimed again only when its holder's lease ran out (the replica died) or it failed and
/// its back-off passed, at most <see cref="MaxAttempts"/> times.
/// </summary>
internal sealed class JobRunStore(NpgsqlDataSource dataSource)
{
    public const int MaxAttempts = 5;

    /// <summary>The keys among <paramref name="keys"/> that nobody may claim now: done, held, waiting out a back-off, or out of attempts.</summary>
    public async Task<HashSet<string>> SettledAsync(string job, IReadOnlyCollection<string> keys, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT run_key FROM job_runs
            WHERE job = $1 AND run_key = ANY($2)
              AND (status = 'succeeded' OR lease_until >= $3 OR (status = 'failed' AND attempts >= $4))
            """);
        command.Parameters.Add(new() { Value = job });
        command.Parameters.Add(new() { Value = keys.ToArray() });
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = MaxAttempts });
        var settled = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) settled.Add(reader.GetString(0));
        return settled;
    }

    /// <returns>the attempt number when this scheduler now holds the run, else null</returns>
    public async Task<int?> TryClaimAsync(string job, string key, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO job_runs AS r (job, run_key, status, attempts, claimed_by, started_at, lease_until)
            VALUES ($1, $2, 'running', 1, $3, $4, $5)
            ON CONFLICT (job, run_key) DO UPDATE
            SET status = 'running', attempts = r.attempts + 1, claimed_by = EXCLUDED.claimed_by, started_at = EXCLUDED.started_at,
                lease_until = EXCLUDED.lease_until, finished_at = NULL, report = NULL, error = NULL
            WHERE r.status <> 'succeeded' AND r.lease_until < EXCLUDED.started_at AND r.attempts < $6
            RETURNING attempts
            """);
        command.Parameters.Add(new() { Value = job });
        command.Parameters.Add(new() { Value = key });
        command.Parameters.Add(new() { Value = owner });
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = now + lease });
        command.Parameters.Add(new() { Value = MaxAttempts });
        return await command.ExecuteScalarAsync(ct) is int attempts ? attempts : null;
    }

    /// <summary>Extends the lease of a run this scheduler still holds.</summary>
    public async Task<bool> RenewAsync(string job, string key, string owner, DateTimeOffset leaseUntil, CancellationToken ct) =>
        await ExecuteAsync("UPDATE job_runs SET lease_until = $4 WHERE job = $1 AND run_key = $2 AND claimed_by = $3 AND status = 'running'",
            ct, job, key, owner, leaseUntil) == 1;

    public async Task SucceededAsync(string job, string key, string owner, DateTimeOffset now, IReadOnlyDictionary<string, long> report, CancellationToken ct) =>
        await ExecuteAsync(
            """
            UPDATE job_runs SET status = 'succeeded', finished_at = $4, lease_until = $4, report = $5::jsonb
            WHERE job = $1 AND run_key = $2 AND claimed_by = $3
            """, ct, job, key, owner, now, JsonSerializer.Serialize(report));

    /// <summary>Failed: claimable again after <paramref name="retryAfter"/>, while attempts remain.</summary>
    public async Task FailedAsync(string job, string key, string owner, DateTimeOffset now, DateTimeOffset retryAfter, string error, CancellationToken ct) =>
        await ExecuteAsync(
            """
            UPDATE job_runs SET status = 'failed', finished_at = $4, lease_until = $5, error = $6
            WHERE job = $1 AND run_key = $2 AND claimed_by = $3
            """, ct, job, key, owner, now, retryAfter, error);

    /// <summary>Forgets finished runs older than the cutoff.</summary>
    public Task<int> PruneAsync(DateTimeOffset finishedBefore, CancellationToken ct) =>
        ExecuteAsync("DELETE FROM job_runs WHERE status <> 'running' AND finished_at < $1", ct, finishedBefore);

    private async Task<int> ExecuteAsync(string sql, CancellationToken ct, params object[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return await command.ExecuteNonQueryAsync(ct);
    }
}
