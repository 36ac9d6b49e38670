using System.Diagnostics;
using Npgsql;
using UnifiedCustomers.Tool.Consolidation;

namespace UnifiedCustomers.Consolidation.Tests;

/// <summary>Dry runs, refusals and a killed run: the target is either untouched or fully consolidated.</summary>
public sealed class SafetyTests : IAsyncLifetime
{
    private readonly GeneratedDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task DryRun_WritesNothing_AndReportsWhatTheRealRunDoes()
    {
        var legacy = await _db.LegacyChecksumsAsync();

        var dry = await _db.ConsolidateAsync(dryRun: true);

        dry.Outcome.Should().Be(ConsolidationOutcome.DryRun);
        dry.Report!.DryRun.Should().BeTrue();
        (await _db.TargetRowCountAsync()).Should().Be(0);

        var real = await _db.ConsolidateAsync();
        real.Outcome.Should().Be(ConsolidationOutcome.Committed);
        (real.Report! with { DryRun = true }).ToJson().Should().Be(dry.Report.ToJson());
        (await _db.LegacyChecksumsAsync()).Should().BeEquivalentTo(legacy);
    }

    [Fact]
    public async Task DryRun_FromTheCommandLine_PrintsAndWritesTheReport()
    {
        var path = Path.Combine(Path.GetTempPath(), $"consolidation-{Guid.NewGuid():N}.json");
        var output = new StringWriter();
        try
        {
            var exit = await ConsolidateCommand.RunAsync(
                Tool.Options.Parse(["--cutover", "2026-06-01T00:00:00Z", "--dry-run", "--report", path]),
                _db.ConnectionString, output, new StringWriter(), live: false);

            exit.Should().Be(0);
            output.ToString().Should().Contain("people: done").And.Contain("DRY RUN").And.Contain("bookings")
                .And.Contain("Dry run: everything was rolled back");
            using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(path));
            json.RootElement.GetProperty("dryRun").GetBoolean().Should().BeTrue();
            json.RootElement.GetProperty("balanced").GetBoolean().Should().BeTrue();
            json.RootElement.GetProperty("cutover").GetString().Should().Be("2026-06-01T00:00:00Z");
            json.RootElement.GetProperty("tables").GetProperty("bookings").GetProperty("read").GetInt64().Should().Be(6000);
            json.RootElement.GetProperty("tables").GetProperty("leads").GetProperty("quarantined")
                .GetProperty("lead_without_organization").GetInt64().Should().BePositive();
            (await _db.TargetRowCountAsync()).Should().Be(0);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Refuses_ATargetHoldingCustomersNoRunCreated()
    {
        await _db.ExecuteAsync("""
            INSERT INTO organizations (id, name, slug, time_zone, country, created_at, policy_booking_opens_days_before,
                policy_booking_closes_minutes_before, policy_late_cancel_hours, policy_late_cancel_forfeits_credit,
                policy_waitlist_cap, policy_promotion_cutoff_minutes, policy_drop_ins_for_leads_and_trials)
            VALUES ('99999999-0000-0000-0000-000000000001', 'Live Studio', 'live', 'Europe/London', 'GB', now(), 14, 0, 12, true, 10, 60, true);
            INSERT INTO customers (id, organization_id, first_name, last_name, source, lifecycle_status, created_at, updated_at)
            VALUES ('99999999-0000-0000-0000-000000000002', '99999999-0000-0000-0000-000000000001', 'Ann', 'Live', 'api', 'lead', now(), now());
            """);
        var before = await _db.TargetChecksumsAsync();
        var error = new StringWriter();

        var exit = await ConsolidateCommand.RunAsync(
            Tool.Options.Parse(["--cutover", "2026-06-01T00:00:00Z"]), _db.ConnectionString, new StringWriter(), error, live: false);

        exit.Should().Be(ConsolidateCommand.Refused);
        error.ToString().Should().Contain("Refusing to consolidate").And.Contain("1 customer(s)");
        (await _db.TargetChecksumsAsync()).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task Refuses_WhileItsWorkSchemaExists_AndACommittedRunLeavesNoWorkSchema()
    {
        await _db.ExecuteAsync($"CREATE SCHEMA {StagingTables.Schema}; CREATE TABLE {StagingTables.Schema}.kept (id int); INSERT INTO {StagingTables.Schema}.kept VALUES (7)");
        var error = new StringWriter();

        var exit = await ConsolidateCommand.RunAsync(
            Tool.Options.Parse(["--cutover", "2026-06-01T00:00:00Z"]), _db.ConnectionString, new StringWriter(), error, live: false);

        exit.Should().Be(ConsolidateCommand.Refused);
        error.ToString().Should().Contain($"The schema '{StagingTables.Schema}' exists");
        (await _db.TargetRowCountAsync()).Should().Be(0);
        (await _db.ScalarAsync<int>($"SELECT id FROM {StagingTables.Schema}.kept")).Should().Be(7);

        await _db.ExecuteAsync($"DROP SCHEMA {StagingTables.Schema} CASCADE");
        (await _db.ConsolidateAsync()).Outcome.Should().Be(ConsolidationOutcome.Committed);
        (await _db.ScalarAsync<long>($"SELECT count(*) FROM pg_namespace WHERE nspname = '{StagingTables.Schema}'")).Should().Be(0);
        (await _db.TargetRowCountAsync()).Should().BePositive();
    }

    [Fact]
    public async Task Refuses_ALegacySchemaThatDoesNotExist()
    {
        var error = new StringWriter();

        var exit = await ConsolidateCommand.RunAsync(
            Tool.Options.Parse(["--legacy-schema", "legacy_typo"]), _db.ConnectionString, new StringWriter(), error, live: false);

        exit.Should().Be(ConsolidateCommand.Refused);
        error.ToString().Should().Contain("No legacy tables in schema 'legacy_typo'");
        (await _db.TargetRowCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task KilledMidRun_LeavesTheTargetUnchanged_AndARerunCompletes()
    {
        var legacy = await _db.LegacyChecksumsAsync();
        var output = new List<string>();
        Process process;

        // The run blocks when it reaches the notes phase, with every earlier phase written in its transaction.
        await using (var blocker = new NpgsqlConnection(_db.ConnectionString))
        {
            await blocker.OpenAsync();
            await using var hold = await blocker.BeginTransactionAsync();
            await using (var lockNotes = new NpgsqlCommand("LOCK TABLE legacy.customer_notes IN ACCESS EXCLUSIVE MODE", blocker, hold))
                await lockNotes.ExecuteNonQueryAsync();

            process = StartConsolidation(output);
            await WaitUntilAsync(async () => await BlockedRunsAsync() == 1, "the run to reach the notes phase");
            // The target tables are locked by the run's bulk load; its run row is not, and it is not there yet.
            (await _db.ScalarAsync<long>("SELECT count(*) FROM consolidation_runs")).Should().Be(0);

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            await hold.RollbackAsync();
        }
        await WaitUntilAsync(async () => await RunningRunsAsync() == 0, "the killed run's backend to go away");

        lock (output) output.Should().Contain(l => l.Contains("bookings: done", StringComparison.Ordinal));
        (await _db.TargetRowCountAsync()).Should().Be(0);

        var rerun = await _db.ConsolidateAsync();
        rerun.Outcome.Should().Be(ConsolidationOutcome.Committed);
        rerun.Report!.Balanced.Should().BeTrue();
        (await _db.ScalarAsync<long>("SELECT count(*) FROM consolidation_runs")).Should().Be(1);
        (await _db.ScalarAsync<long>("SELECT count(*) FROM customer_notes")).Should().BePositive();
        (await _db.LegacyChecksumsAsync()).Should().BeEquivalentTo(legacy);
    }

    private Process StartConsolidation(List<string> output)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "UnifiedCustomers.Tool.dll"), "consolidate",
                     "--connection", _db.ConnectionString, "--cutover", "2026-06-01T00:00:00Z",
                 })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.Add(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.Add(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private Task<long> BlockedRunsAsync() => _db.ScalarAsync<long>($"""
        SELECT count(*) FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = '{Consolidator.ApplicationName}' AND wait_event_type = 'Lock'
        """);

    private Task<long> RunningRunsAsync() => _db.ScalarAsync<long>($"""
        SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = '{Consolidator.ApplicationName}'
        """);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited 60s for {what}.");
            await Task.Delay(100);
        }
    }
}
