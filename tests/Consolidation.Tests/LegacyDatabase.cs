using Npgsql;
using UnifiedCustomers.Tool.Consolidation;
using UnifiedCustomers.Testing;

namespace UnifiedCustomers.Consolidation.Tests;

/// <summary>A fresh migrated database per test class, with the legacy tables restored into schema `legacy`.</summary>
public abstract class LegacyDatabase : TestDatabase
{
    public static readonly DateTimeOffset Cutover = DateTimeOffset.Parse("2026-06-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    public static string LegacyDirectory { get; } = Path.GetFullPath(Path.Combine(TestServer.RepositoryRoot(), "docs", "legacy"));

    public static string GeneratorScript { get; } = Path.Combine(TestServer.RepositoryRoot(), "bench", "legacy", "generate.sql");

    /// <summary>Every table the fold writes, for "nothing changed" checks.</summary>
    public static readonly string[] TargetTables =
    [
        "organizations", "customers", "customer_status_changes", "customer_notes", "class_types", "class_sessions",
        "membership_plans", "memberships", "pack_products", "class_packs", "bookings", "credit_ledger",
        "legacy_id_map", "consolidation_quarantine", "consolidation_runs",
    ];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ExecuteAsync(await File.ReadAllTextAsync(Path.Combine(LegacyDirectory, "schema.sql")));
        await LoadLegacyDataAsync();
    }

    protected abstract Task LoadLegacyDataAsync();

    protected Task LoadSampleAsync() => ExecuteFileAsync(Path.Combine(LegacyDirectory, "sample.sql"));

    protected async Task GenerateAsync(double scale)
    {
        await ExecuteFileAsync(GeneratorScript);
        await ExecuteAsync($"SELECT legacy_gen.generate({scale.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
    }

    internal ConsolidationOptions Options(bool dryRun = false) => new(ConnectionString, "legacy", Cutover, dryRun, null);

    internal async Task<ConsolidationResult> ConsolidateAsync(bool dryRun = false) =>
        await Consolidator.RunAsync(Options(dryRun), new PlainProgress(TextWriter.Null), CancellationToken.None);

    public async Task ExecuteFileAsync(string path) => await ExecuteAsync(await File.ReadAllTextAsync(path));

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> map)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(map(reader));
        return rows;
    }

    /// <summary>md5 of every row of every legacy table, in id order.</summary>
    public async Task<Dictionary<string, string>> LegacyChecksumsAsync()
    {
        var sums = new Dictionary<string, string>();
        foreach (var table in ConsolidationReport.LegacyTables)
            sums[table] = await ScalarAsync<string>($"SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t.id)), 'empty') FROM legacy.{table} t");
        return sums;
    }

    /// <summary>Row count and md5 of every target table (in a stable order), to show a run changed nothing.</summary>
    public async Task<Dictionary<string, string>> TargetChecksumsAsync()
    {
        var sums = new Dictionary<string, string>();
        foreach (var table in TargetTables)
            sums[table] = await ScalarAsync<string>(
                $"SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM {table} t");
        return sums;
    }

    public async Task<long> TargetRowCountAsync()
    {
        long total = 0;
        foreach (var table in TargetTables) total += await ScalarAsync<long>($"SELECT count(*) FROM {table}");
        return total;
    }
}

public sealed class SampleDatabase : LegacyDatabase
{
    protected override Task LoadLegacyDataAsync() => LoadSampleAsync();
}

public sealed class GeneratedDatabase : LegacyDatabase
{
    public const double Scale = 0.002;

    protected override Task LoadLegacyDataAsync() => GenerateAsync(Scale);
}
