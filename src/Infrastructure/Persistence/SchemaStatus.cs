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
internal sealed class SchemaStatus(AppDbContext db, ConnectionRecovery recovery) : ISchemaStatus
{
    public async Task<SchemaState> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            // A pooled connection the server closed (a restart) is tried once more on a fresh one, as every read is
            // (ADR 0008): the first probe after a restart tells the truth.
            return await recovery.ReadAsync(db, () => CheckOnceAsync(cancellationToken), cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // The probe is anonymous: the reason names no host, role or server message.
            return new SchemaState.Unreachable("The database cannot be reached.");
        }
    }

    private async Task<SchemaState> CheckOnceAsync(CancellationToken cancellationToken)
    {
        var readOnly = await db.Database.SqlQueryRaw<string>("SELECT current_setting('transaction_read_only') AS \"Value\"").SingleAsync(cancellationToken);
        if (readOnly == "on") return new SchemaState.Unreachable("The database accepts no writes (a standby, or a failover in progress).");
        var applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken);
        return applied.Contains(SchemaVersion.Required) ? new SchemaState.Current() : new SchemaState.Behind([SchemaVersion.Required]);
    }
}
