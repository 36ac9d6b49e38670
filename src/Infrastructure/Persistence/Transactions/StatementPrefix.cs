using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace UnifiedCustomers.Infrastructure.Persistence.Transactions;

/// <summary>
/// Statements that must run before the next query but need not cost a round trip of their own: the
/// organization scope of a transaction and row locks. They travel in the same command as the next
/// query (Npgsql sends a multi-statement command as one batch), each a statement of its own, so the
/// query that follows a lock takes its snapshot after the lock is held and sees every row committed
/// by the lock's previous holder (one statement that locked and read at once would read from a
/// snapshot taken before it waited).
/// </summary>
internal sealed class StatementPrefix
{
    private readonly List<(string Sql, object[] Values)> _pending = [];
    private readonly Dictionary<DbCommand, int> _prefixed = new(ReferenceEqualityComparer.Instance);

    public bool IsEmpty => _pending.Count == 0;

    /// <param name="sql">one statement returning a result set or none, with parameters $1, $2, ... for <paramref name="values"/></param>
    public void Add(string sql, params object[] values) => _pending.Add((sql, values));

    public void Clear() => _pending.Clear();

    /// <summary>Puts the pending statements in front of a reader command; returns how many result sets to skip.</summary>
    public void Prepend(DbCommand command)
    {
        if (_pending.Count == 0) return;
        var texts = new List<string>(_pending.Count + 1);
        var index = 0;
        foreach (var (sql, values) in _pending)
        {
            var text = sql;
            for (var i = values.Length; i >= 1; i--)
            {
                var name = $"__prefix_{index}_{i}";
                text = text.Replace("$" + i, "@" + name, StringComparison.Ordinal);
                command.Parameters.Add(new NpgsqlParameter(name, values[i - 1]));
            }
            texts.Add(text);
            index++;
        }
        texts.Add(command.CommandText);
        command.CommandText = string.Join(";\n", texts);
        _prefixed[command] = _pending.Count;
        _pending.Clear();
    }

    /// <summary>The prefixed statements' result sets, which the query's reader must step over.</summary>
    public int TakeSkipCount(DbCommand command) => _prefixed.Remove(command, out var count) ? count : 0;

    /// <summary>Sends the pending statements on their own, before a command that cannot carry them (a non-query, a scalar).</summary>
    public async Task FlushAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        if (_pending.Count == 0) return;
        await using var batch = ((NpgsqlConnection)connection).CreateBatch();
        batch.Transaction = (NpgsqlTransaction?)transaction;
        foreach (var (sql, values) in _pending)
        {
            var batchCommand = new NpgsqlBatchCommand(sql);
            foreach (var value in values) batchCommand.Parameters.Add(new NpgsqlParameter { Value = value });
            batch.BatchCommands.Add(batchCommand);
        }
        _pending.Clear();
        await batch.ExecuteNonQueryAsync(ct);
    }

    public void Flush(DbConnection connection, DbTransaction? transaction) => FlushAsync(connection, transaction, CancellationToken.None).GetAwaiter().GetResult();
}

/// <summary>Applies each context's <see cref="StatementPrefix"/> to the commands EF sends.</summary>
internal sealed class StatementPrefixInterceptor : DbCommandInterceptor
{
    public static readonly StatementPrefixInterceptor Instance = new();

    private static StatementPrefix? PrefixOf(CommandEventData data) => (data.Context as AppDbContext)?.Prefix;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        PrefixOf(eventData)?.Prepend(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        PrefixOf(eventData)?.Prepend(command);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        for (var skip = PrefixOf(eventData)?.TakeSkipCount(command) ?? 0; skip > 0; skip--) result.NextResult();
        return result;
    }

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        for (var skip = PrefixOf(eventData)?.TakeSkipCount(command) ?? 0; skip > 0; skip--) await result.NextResultAsync(cancellationToken);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        PrefixOf(eventData)?.Flush(command.Connection!, command.Transaction);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (PrefixOf(eventData) is { IsEmpty: false } prefix) await prefix.FlushAsync(command.Connection!, command.Transaction, cancellationToken);
        return result;
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        PrefixOf(eventData)?.Flush(command.Connection!, command.Transaction);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        if (PrefixOf(eventData) is { IsEmpty: false } prefix) await prefix.FlushAsync(command.Connection!, command.Transaction, cancellationToken);
        return result;
    }
}
