using Microsoft.EntityFrameworkCore;
using Npgsql;
using UnifiedCustomers.Infrastructure.Persistence;
using UnifiedCustomers.Migrations;
using Xunit;

namespace UnifiedCustomers.Testing;

/// <summary>
/// A database of its own for one test class: a copy of a migrated template database, so test
/// classes run in parallel without seeing each other's rows. Dropped when the class is done.
/// </summary>
public class TestDatabase : IAsyncLifetime
{
    // Test assemblies run in parallel processes; one lock serialises building and copying the template.
    private const long TemplateLockKey = 0x7563_7465_6d70;
    private static readonly SemaphoreSlim InProcess = new(1, 1);

    public string Name { get; } = "test_" + Guid.NewGuid().ToString("N");

    public string ConnectionString => With(TestServer.ConnectionString, Name);

    public virtual async Task InitializeAsync() => await CreateAsync(Name, migrated: true);

    public virtual async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    public AppDbContext CreateDbContext() => AppDbContext.Create(ConnectionString);

    /// <summary>Creates a database; migrated ones are copied from the template, the others are empty.</summary>
    public static async Task CreateAsync(string name, bool migrated)
    {
        if (!migrated)
        {
            await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"");
            return;
        }
        await InProcess.WaitAsync();
        try
        {
            await using var connection = new NpgsqlConnection(With(TestServer.ConnectionString, "postgres"));
            await connection.OpenAsync();
            await Execute(connection, $"SELECT pg_advisory_lock({TemplateLockKey})");
            try
            {
                var template = await EnsureTemplateAsync(connection);
                await Execute(connection, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
            }
            finally
            {
                await Execute(connection, $"SELECT pg_advisory_unlock({TemplateLockKey})");
            }
        }
        finally
        {
            InProcess.Release();
        }
    }

    public static string With(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database, Pooling = true }.ConnectionString;

    private static async Task<string> EnsureTemplateAsync(NpgsqlConnection server)
    {
        // Named after the whole migration set: branches merged later can add migrations older than the newest.
        string[] migrations;
        await using (var design = AppDbContext.Create(TestServer.ConnectionString))
        {
            migrations = design.Database.GetMigrations().ToArray();
        }
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', migrations))));
        var template = "uc_template_" + hash[..32];

        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", server) { Parameters = { new() { Value = template } } };
        if (await exists.ExecuteScalarAsync() is null)
        {
            var building = template + "_building";
            await Execute(server, $"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)");
            await Execute(server, $"CREATE DATABASE \"{building}\"");
            await SchemaMigrator.UpAsync(With(TestServer.ConnectionString, building));
            NpgsqlConnection.ClearAllPools();
            await Execute(server, $"ALTER DATABASE \"{building}\" RENAME TO \"{template}\"");
        }
        return template;
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(With(TestServer.ConnectionString, "postgres"));
        await connection.OpenAsync();
        await Execute(connection, sql);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
