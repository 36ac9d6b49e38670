using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using UnifiedCustomers.Application.Common.Edge;
using UnifiedCustomers.Infrastructure.Persistence;
using UnifiedCustomers.Testing;

namespace UnifiedCustomers.Application.Tests.Persistence;

/// <summary>The API's readiness and its scheduler know the schema by <see cref="SchemaVersion.Required"/>, without the migrations assembly.</summary>
public sealed class SchemaStatusTests
{
    [Fact]
    public void RequiredVersion_IsTheLastMigration()
    {
        using var db = AppDbContext.Create(TestServer.ConnectionString);

        SchemaVersion.Required.Should().Be(db.Database.GetMigrations().Last(),
            "a build requires the schema of its newest migration: set SchemaVersion.Required when adding one");
    }

    [Fact]
    public async Task Check_OnAMigratedDatabase_IsCurrent()
    {
        var database = new TestDatabase();
        await database.InitializeAsync();
        try
        {
            await using var db = database.CreateDbContext();

            (await StatusOf(db).CheckAsync(CancellationToken.None)).Should().BeOfType<SchemaState.Current>();
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Check_OnAnEmptyDatabase_IsBehind_NamingTheRequiredMigration()
    {
        var database = new TestDatabase();
        await TestDatabase.CreateAsync(database.Name, migrated: false);
        try
        {
            await using var db = database.CreateDbContext();

            (await StatusOf(db).CheckAsync(CancellationToken.None))
                .Should().BeOfType<SchemaState.Behind>().Which.Missing.Should().Equal(SchemaVersion.Required);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Check_OnADatabaseOneMigrationShort_IsBehind()
    {
        var database = new TestDatabase();
        await TestDatabase.CreateAsync(database.Name, migrated: false);
        try
        {
            await using var db = database.CreateDbContext();
            await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().SkipLast(1).Last());

            (await StatusOf(db).CheckAsync(CancellationToken.None))
                .Should().BeOfType<SchemaState.Behind>().Which.Missing.Should().Equal(SchemaVersion.Required);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Check_WhenNoServerListens_IsUnreachable()
    {
        var nowhere = new NpgsqlConnectionStringBuilder(TestServer.ConnectionString) { Host = "127.0.0.1", Port = 1, Timeout = 2 }.ConnectionString;
        await using var db = AppDbContext.Create(nowhere);

        (await StatusOf(db).CheckAsync(CancellationToken.None))
            .Should().BeOfType<SchemaState.Unreachable>().Which.Reason.Should().StartWith("The database cannot be reached");
    }

    private static SchemaStatus StatusOf(AppDbContext db) =>
        new(db, new ConnectionRecovery(NpgsqlDataSource.Create(db.Database.GetConnectionString()!)));
}
