using Npgsql;
using UnifiedCustomers.Application.Events.PruneEvents;

namespace UnifiedCustomers.Infrastructure.Events;

/// <summary>
/// The sequencer: numbers the events of committed transactions (publish_events(), one caller at a
/// time under an advisory lock) and creates their webhook deliveries in the same transaction.
/// See ARCHITECTURE.md, Events, for why positions are given after commit.
/// </summary>
public sealed class EventPublisher(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public const int BatchSize = 1000;

    /// <returns>how many events got a position; -1 when another publisher holds the lock</returns>
    public async Task<int> PublishAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT publish_events($1, $2)");
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = BatchSize });
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

internal sealed class EventMaintenance(NpgsqlDataSource dataSource) : IEventMaintenance
{
    public async Task<PruneResult> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT events, deliveries, attempts FROM prune_events($1)");
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = before });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new PruneResult(before, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
