using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using UnifiedCustomers.Infrastructure.Persistence;
using UnifiedCustomers.Testing;

namespace UnifiedCustomers.Application.Tests.Persistence;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrate_OnAnEmptyDatabase_AppliesEveryMigration()
    {
        var database = new TestDatabase();
        await TestDatabase.CreateAsync(database.Name, migrated: false);
        try
        {
            await using var db = database.CreateDbContext();

            await db.Database.MigrateAsync();

            (await db.Database.GetAppliedMigrationsAsync()).Should().Equal(db.Database.GetMigrations());
            (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Migrate_OneMigrationAtATime_ReachesTheSameEnd()
    {
        var database = new TestDatabase();
        await TestDatabase.CreateAsync(database.Name, migrated: false);
        try
        {
            await using var db = database.CreateDbContext();
            var migrator = db.GetService<IMigrator>();
            var all = db.Database.GetMigrations().ToList();

            foreach (var (migration, index) in all.Select((m, i) => (m, i)))
            {
                await migrator.MigrateAsync(migration);
                (await db.Database.GetAppliedMigrationsAsync()).Should().Equal(all.Take(index + 1), $"{migration} applies to a database the migrations before it built");
            }

            (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Migrate_DownToNothingAndUpAgain_Works()
    {
        var database = new TestDatabase();
        await database.InitializeAsync();
        try
        {
            await using var db = database.CreateDbContext();
            var migrator = db.GetService<IMigrator>();

            await migrator.MigrateAsync(Migration.InitialDatabase);
            (await db.Database.GetAppliedMigrationsAsync()).Should().BeEmpty();
            await db.Database.MigrateAsync();

            (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task InstructorsAndLocations_MapEachOrganizationsFreeTextToOneRow_AndDownRestoresTheText()
    {
        var database = new TestDatabase();
        await TestDatabase.CreateAsync(database.Name, migrated: false);
        try
        {
            await using var db = database.CreateDbContext();
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261124141634_AllowanceClassesRequiredWhenLimited");
            var rows = new Rows(database.ConnectionString);
            var (first, second) = ((await rows.TenantAsync()).OrganizationId, (await rows.TenantAsync()).OrganizationId);
            await rows.ExecuteAsync("UPDATE class_sessions SET instructor = 'Rosa', location = 'Studio 1' WHERE organization_id = $1", first);
            await rows.ExecuteAsync("""
                INSERT INTO class_sessions (id, organization_id, class_type_id, starts_at, ends_at, capacity, status, instructor, location)
                SELECT gen_random_uuid(), organization_id, class_type_id, starts_at + interval '1 day', ends_at + interval '1 day', 12, 'scheduled', v.i, v.l
                FROM class_sessions, (VALUES (' Rosa ', NULL), ('Theo', ' '), (NULL, 'Studio 1')) v(i, l) WHERE organization_id = $1
                """, first);
            await rows.ExecuteAsync("UPDATE class_sessions SET instructor = 'Rosa', location = 'Floor' WHERE organization_id = $1", second);

            await migrator.MigrateAsync("20261202153423_InstructorsAndLocations");

            async Task<List<(Guid, string)>> NamesAsync(string table) => (await db.Database
                .SqlQueryRaw<NameRow>(table == "instructors"
                    ? "SELECT organization_id, name FROM instructors"
                    : "SELECT organization_id, name FROM locations").ToListAsync())
                .Select(r => (r.OrganizationId, r.Name)).ToList();
            (await NamesAsync("instructors")).Should().BeEquivalentTo(new[] { (first, "Rosa"), (first, "Theo"), (second, "Rosa") });
            (await NamesAsync("locations")).Should().BeEquivalentTo(new[] { (first, "Studio 1"), (second, "Floor") });
            var sessions = await db.Database.SqlQueryRaw<SessionRow>("""
                SELECT s.organization_id, i.name AS instructor, l.name AS location FROM class_sessions s
                LEFT JOIN instructors i ON i.id = s.instructor_id AND i.organization_id = s.organization_id
                LEFT JOIN locations l ON l.id = s.location_id AND l.organization_id = s.organization_id
                """).ToListAsync();
            sessions.Should().BeEquivalentTo(new[]
            {
                new SessionRow(first, "Rosa", "Studio 1"), new SessionRow(first, "Rosa", null), new SessionRow(first, "Theo", null),
                new SessionRow(first, null, "Studio 1"), new SessionRow(second, "Rosa", "Floor"),
            });

            await migrator.MigrateAsync("20261124141634_AllowanceClassesRequiredWhenLimited");
            var restored = await db.Database.SqlQueryRaw<SessionRow>(
                "SELECT organization_id, instructor, location FROM class_sessions").ToListAsync();
            restored.Should().BeEquivalentTo(sessions);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private sealed record NameRow(Guid OrganizationId, string Name);

    private sealed record SessionRow(Guid OrganizationId, string? Instructor, string? Location);

    [Fact]
    public void Model_WhenComparedWithTheLastMigration_HasNoChangeWithoutAMigration()
    {
        using var db = AppDbContext.Create("Host=127.0.0.1;Database=model_only");

        db.Database.HasPendingModelChanges().Should().BeFalse();
    }

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
