using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace UnifiedCustomers.Tool.Consolidation;

/// <summary>
/// The one connection and transaction every phase writes through. SQL texts name the legacy schema
/// as <c>{legacy}</c> and the cutover as <c>{cutover}</c>; both are expanded here from validated values.
/// </summary>
internal sealed partial class PhaseContext(NpgsqlConnection connection, NpgsqlTransaction transaction, ConsolidationOptions options, IPhaseProgress progress)
{
    public NpgsqlConnection Connection => connection;
    public ConsolidationOptions Options => options;
    public IPhaseProgress Progress => progress;

    public string Expand(string sql) => sql
        .Replace("{legacy}", "\"" + options.LegacySchema + "\"", StringComparison.Ordinal)
        .Replace("{cutover}", "'" + options.Cutover.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) + "'::timestamptz", StringComparison.Ordinal);

    /// <summary>Runs one set-based step and reports the rows it touched.</summary>
    public async Task<long> ExecuteAsync(string step, string sql, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        progress.StepStarted(step);
        await using var batch = new NpgsqlBatch(connection, transaction) { Timeout = 0 };
        foreach (var statement in StatementEnd().Split(Expand(sql)).Where(s => !string.IsNullOrWhiteSpace(s)))
            batch.BatchCommands.Add(new NpgsqlBatchCommand(statement));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        // Per statement, so CREATE TABLE ... AS counts its rows too.
        var rows = 0L;
        foreach (var command in batch.BatchCommands) rows += (long)((NpgsqlBatchCommand)command).Rows;
        progress.StepDone(step, rows, watch.Elapsed);
        return rows;
    }

    // Our SQL texts end every statement, and only statements, with a semicolon at the end of a line.
    [GeneratedRegex(@";[ \t]*\r?\n|;[ \t]*$")]
    private static partial Regex StatementEnd();

    public async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Expand(sql), connection, transaction) { CommandTimeout = 0 };
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Expand(sql), connection, transaction) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(map(reader));
        return rows;
    }
}
