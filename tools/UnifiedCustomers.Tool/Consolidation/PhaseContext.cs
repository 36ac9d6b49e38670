using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Npgsql;

namespace UnifiedCustomers.Tool.Consolidation;

/// <summary>
/// The one connection and transaction every phase writes through. SQL texts name the legacy schema
/// as <c>{legacy}</c> and the cutover as <c>{cutover}</c>; both are expanded here from validated values.
/// </summary>
internal sealed class PhaseContext(NpgsqlConnection connection, NpgsqlTransaction transaction, ConsolidationOptions options, IPhaseProgress progress)
{
    public NpgsqlConnection Connection => connection;
    public ConsolidationOptions Options => options;
    public IPhaseProgress Progress => progress;

    public string Expand(string sql) => sql
        .Replace("{legacy}", "\"" + options.LegacySchema + "\"", StringComparison.Ordinal)
        .Replace("{cutover}", "'" + options.Cutover.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) + "'::timestamptz", StringComparison.Ordinal);

    /// <summary>Runs one step of a phase and reports the rows it touched.</summary>
    public async Task<long> RunAsync(Step step, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        progress.StepStarted(step.Name);
        var rows = step switch
        {
            SqlStep sql => await ExecuteAsync(sql.Statements, cancellationToken),
            CodeStep code => await code.Run(this, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Unknown kind of step."),
        };
        progress.StepDone(step.Name, rows, watch.Elapsed);
        return rows;
    }

    /// <summary>Sends the statements as one batch (one command each) and returns the rows they touched.</summary>
    public async Task<long> ExecuteAsync(IReadOnlyList<string> statements, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction) { Timeout = 0 };
        foreach (var statement in statements) batch.BatchCommands.Add(new NpgsqlBatchCommand(Expand(statement)));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        // Per statement, so CREATE TABLE ... AS counts its rows too.
        var rows = 0L;
        foreach (var command in batch.BatchCommands) rows += (long)((NpgsqlBatchCommand)command).Rows;
        return rows;
    }

    public async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Expand(sql), connection, transaction) { CommandTimeout = 0 };
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken) =>
        await StreamAsync(sql, map, cancellationToken).ToListAsync(cancellationToken);

    /// <summary>The rows of a query one at a time, as they arrive: nothing is held but the current row.</summary>
    public async IAsyncEnumerable<T> StreamAsync<T>(string sql, Func<NpgsqlDataReader, T> map,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Expand(sql), connection, transaction) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) yield return map(reader);
    }
}
