using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
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
    public void Model_WhenComparedWithTheLastMigration_HasNoChangeWithoutAMigration()
    {
        using var db = AppDbContext.Create("Host=127.0.0.1;Database=model_only");

        db.Database.HasPendingModelChanges().Should().BeFalse();
    }
}
