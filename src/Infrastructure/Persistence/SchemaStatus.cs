using UnifiedCustomers.Application.Common.Edge;

namespace UnifiedCustomers.Infrastructure.Persistence;

/// <summary>The schema this build requires: the last migration it was built with (SchemaStatusTests holds it to the migrations).</summary>
public static class SchemaVersion
{
    public const string Required = "20261203201930_PublishEventsSkipsDeletedSubscriptions";
}

/// <summary>
/// Looks <see cref="SchemaVersion.Required"/> up in the migrations history, so the API needs no migrations
/// assembly to know whether its schema is there. A database migrated further (a newer replica's rollout) is current too.
/// </summary>
internal sealed class SchemaStatus(AppDbContext db) : ISchemaStatus
{
    public async Task<SchemaState> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken)) return new SchemaState.Unreachable("The database cannot be reached.");
            var readOnly = await db.Database.SqlQueryRaw<string>("SELECT current_setting('transaction_read_only') AS \"Value\"").SingleAsync(cancellationToken);
            if (readOnly == "on") return new SchemaState.Unreachable("The database accepts no writes (a standby, or a failover in progress).");
            var applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken);
            return applied.Contains(SchemaVersion.Required) ? new SchemaState.Current() : new SchemaState.Behind([SchemaVersion.Required]);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return new SchemaState.Unreachable($"The database cannot be reached: {ex.Message}");
        }
    }
}
