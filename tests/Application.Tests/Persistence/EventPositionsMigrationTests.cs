using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using UnifiedCustomers.Testing;

namespace UnifiedCustomers.Application.Tests.Persistence;

/// <summary>Migration EventPositionsPerOrganization on a database the old sequence numbered, whose retention had since pruned a studio's every event.</summary>
public sealed class EventPositionsMigrationTests
{
    // A studio whose events the old retention pruned (all older than 30 days) has a consumer cursor
    // from the global sequence. After EventPositionsPerOrganization, its next event must come after that cursor.
    [Fact]
    public async Task AfterTheMigration_AStudioWhoseEventsWereAllPruned_NumbersAfterItsConsumersCursor()
    {
        var database = new TestDatabase();
        await TestDatabase.CreateAsync(database.Name, migrated: false);
        try
        {
            await using var db = database.CreateDbContext();
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261203153031_ReferenceIndexesHoldOnlyReferencingRows");
            var rows = new Rows(database.ConnectionString);
            var quiet = (await rows.TenantAsync()).OrganizationId;
            var busy = (await rows.TenantAsync()).OrganizationId;
            const string insert = "INSERT INTO events (id, organization_id, type, occurred_at, data, ordinal) VALUES (gen_random_uuid(), $1, 'customer.registered', $2, '{}', 0)";
            var old = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            for (var i = 0; i < 5; i++) await rows.ExecuteAsync(insert, quiet, old);
            await rows.ExecuteAsync(insert, busy, DateTimeOffset.UtcNow);
            await ScalarAsync(database.ConnectionString, "SELECT publish_events(now(), 100)");
            var cursor = await ScalarAsync(database.ConnectionString, "SELECT max(position) FROM events WHERE organization_id = $1", quiet);
            // The old hourly retention: the quiet studio's events are a month old.
            await ScalarAsync(database.ConnectionString, "SELECT events FROM prune_events(now() - interval '30 days')");
            (await ScalarAsync(database.ConnectionString, "SELECT count(*) FROM events WHERE organization_id = $1", quiet)).Should().Be(0);

            await db.Database.MigrateAsync();
            await rows.ExecuteAsync(insert, quiet, DateTimeOffset.UtcNow);
            await ScalarAsync(database.ConnectionString, "SELECT publish_events(now(), 100)");

            var next = await ScalarAsync(database.ConnectionString, "SELECT max(position) FROM events WHERE organization_id = $1", quiet);
            next.Should().BeGreaterThan(cursor, "a consumer holding cursor {0} reads only positions after it", cursor);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }
}
