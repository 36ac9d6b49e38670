using Npgsql;
using NpgsqlTypes;
using UnifiedCustomers.Migrations;

namespace UnifiedCustomers.Tool.Consolidation;

internal sealed record ConsolidationOptions(string ConnectionString, string LegacySchema, DateTimeOffset Cutover, bool DryRun, string? ReportPath);

internal enum ConsolidationOutcome
{
    Committed,
    DryRun,
    AlreadyConsolidated,
    Refused,
    Unbalanced,
}

internal sealed record ConsolidationResult(ConsolidationOutcome Outcome, string Message, ConsolidationReport? Report = null);

/// <summary>
/// The whole fold in one transaction on one connection: every phase writes through it, so a crash,
/// a kill or an unbalanced report leaves the target exactly as it was, and a dry run is a rollback.
/// Work tables live in a schema of the run's own (<see cref="StagingTables.Schema"/>), created and dropped in
/// that transaction; the legacy schema is only read.
/// </summary>
internal static class Consolidator
{
    public const string ApplicationName = "uc-consolidate";

    // Two runs started together would both see an empty target; the second waits for the first.
    private const long RunLockKey = 0x7563_636f_6e73;

    // client_connection_check_interval: when the tool dies mid-statement, the backend notices the closed
    // connection within a second and rolls back, instead of running the statement to its end.
    private static readonly string[] Settings =
    [
        "SET client_connection_check_interval = '1s'",
        "SET LOCAL work_mem = '256MB'",
        // Joining millions of rows by hash: 1 GB per hash, so none spills to disk at scale 1.
        "SET LOCAL hash_mem_multiplier = 4",
        "SET LOCAL maintenance_work_mem = '1GB'",
        // Each statement runs once over whole tables: compiling it costs seconds and saves none.
        "SET LOCAL jit = off",
        // A work table is written from a whole-table join: passing its rows up from parallel workers is the
        // point, not the cost the default (0.1 per row, tuned for queries that return a few) makes of it.
        "SET LOCAL parallel_tuple_cost = 0.001",
    ];

    /// <summary>
    /// The phases in order. Each reads only work tables an earlier phase wrote (PipelineTests); the
    /// report, run after them, reads what it needs.
    /// </summary>
    public static readonly IReadOnlyList<Phase> Pipeline =
    [
        OrganizationsPhase.Definition,
        BulkLoad.Suspension,
        PeoplePhase.Definition,
        CatalogPhase.Definition,
        PurchasesPhase.Definition,
        CustomersPhase.Definition,
        BookingsPhase.Definition,
        NotesPhase.Definition,
        BulkLoad.Restoration,
    ];

    /// <summary>
    /// The work tables no later phase and not the report reads: dropped once the phase is done, so
    /// <see cref="StagingTables.Schema"/> holds only what is still to be read.
    /// </summary>
    internal static IReadOnlyList<StagingTable> DoneAfter(Phase phase)
    {
        var later = Pipeline.SkipWhile(p => p != phase).Skip(1).SelectMany(p => p.Reads).Concat(ReportPhase.Reads).ToHashSet();
        return phase.Reads.Concat(phase.Writes).Where(t => !later.Contains(t)).ToList();
    }

    public static async Task<ConsolidationResult> RunAsync(ConsolidationOptions options, IPhaseProgress progress, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        progress.PhaseStarted("schema");
        var applied = await SchemaMigrator.UpAsync(options.ConnectionString, cancellationToken);
        progress.StepDone("migrations applied", applied.Count, DateTimeOffset.UtcNow - startedAt);
        progress.PhaseDone();

        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString)
        {
            ApplicationName = ApplicationName,
            CommandTimeout = 0,
            Pooling = false,
        };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var context = new PhaseContext(connection, transaction, options, progress);

        await context.ScalarAsync<object>($"SELECT pg_advisory_xact_lock({RunLockKey})", cancellationToken);
        var refusal = await CheckTargetAsync(context, cancellationToken);
        if (refusal is not null) return refusal;

        await context.ExecuteAsync([.. Settings, $"CREATE SCHEMA {StagingTables.Schema}"], cancellationToken);
        foreach (var phase in Pipeline)
        {
            progress.PhaseStarted(phase.Name);
            foreach (var step in phase.Steps) await context.RunAsync(step, cancellationToken);
            if (DoneAfter(phase) is { Count: > 0 } done)
                await context.ExecuteAsync([$"DROP TABLE {string.Join(", ", done)}"], cancellationToken);
            progress.PhaseDone();
        }
        // The JSON report goes to the operator's file, else to a scratch file, as it is gathered; consolidation_runs
        // reads it back from there. At scale it is tens of megabytes, never held in memory.
        await using var json = options.ReportPath is { } path
            ? new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read)
            : new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose);
        var report = await ReportPhase.RunAsync(context, json, cancellationToken);
        await context.ExecuteAsync([$"DROP SCHEMA {StagingTables.Schema} CASCADE"], cancellationToken);

        if (!report.Balanced)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new ConsolidationResult(ConsolidationOutcome.Unbalanced,
                "Some legacy table does not balance (read <> migrated + merged + quarantined): nothing was committed.", report);
        }
        if (options.DryRun)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new ConsolidationResult(ConsolidationOutcome.DryRun, "Dry run: everything was rolled back, the target is unchanged.", report);
        }

        json.Position = 0;
        await using (var run = new NpgsqlCommand(
            """
            INSERT INTO consolidation_runs (id, started_at, finished_at, cutover, legacy_schema, report)
            VALUES (gen_random_uuid(), $1, clock_timestamp(), $2, $3, convert_from($4, 'UTF8')::jsonb)
            """, connection, transaction))
        {
            run.Parameters.AddWithValue(startedAt);
            run.Parameters.AddWithValue(options.Cutover);
            run.Parameters.AddWithValue(options.LegacySchema);
            // Sent from the file in chunks (bytea from a seekable stream), decoded by the server.
            run.Parameters.Add(new NpgsqlParameter { Value = json, NpgsqlDbType = NpgsqlDbType.Bytea });
            await run.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new ConsolidationResult(ConsolidationOutcome.Committed, "Committed.", report);
    }

    private static async Task<ConsolidationResult?> CheckTargetAsync(PhaseContext context, CancellationToken cancellationToken)
    {
        var previous = await context.QueryAsync(
            "SELECT finished_at, report::text FROM consolidation_runs WHERE finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT 1",
            r => (FinishedAt: r.GetFieldValue<DateTimeOffset>(0), Report: r.IsDBNull(1) ? null : r.GetString(1)), cancellationToken);
        if (previous.Count == 1)
        {
            return new ConsolidationResult(ConsolidationOutcome.AlreadyConsolidated,
                $"The legacy data was already consolidated into this database (run finished {previous[0].FinishedAt:u}); nothing changed.",
                previous[0].Report is { } json ? ConsolidationReport.FromJson(json) : null);
        }

        if (await context.ScalarAsync<object?>("SELECT to_regclass('{legacy}.leads')::text", cancellationToken) is not string)
            return new ConsolidationResult(ConsolidationOutcome.Refused,
                $"No legacy tables in schema '{context.Options.LegacySchema}': restore the snapshot there, or pass --legacy-schema.");

        if (await context.ScalarAsync<object?>($"SELECT to_regnamespace('{StagingTables.Schema}')::text", cancellationToken) is string)
            return new ConsolidationResult(ConsolidationOutcome.Refused,
                $"The schema '{StagingTables.Schema}' exists: the fold keeps its work tables there, in its own transaction, and never " +
                "commits it. Drop or rename that schema, then run again.");

        var customers = await context.ScalarAsync<long>("SELECT count(*) FROM customers", cancellationToken);
        var mapped = await context.ScalarAsync<long>("SELECT (SELECT count(*) FROM legacy_id_map) + (SELECT count(*) FROM consolidation_quarantine)", cancellationToken);
        var organizations = await context.ScalarAsync<long>(
            "SELECT count(*) FROM organizations t WHERE EXISTS (SELECT 1 FROM {legacy}.organizations o WHERE o.id = t.id)", cancellationToken);
        if (customers > 0 || mapped > 0 || organizations > 0)
        {
            return new ConsolidationResult(ConsolidationOutcome.Refused,
                $"Refusing to consolidate: the target already holds {customers} customer(s), {mapped} id-map/quarantine row(s) and " +
                $"{organizations} of the legacy organizations, and no consolidation run created them. Consolidate into a database " +
                "that has the schema but none of this data.");
        }
        return null;
    }
}
