using System.Diagnostics;
using Npgsql;
using UnifiedCustomers.Tool.Consolidation;

namespace UnifiedCustomers.Consolidation.Tests;

/// <summary>
/// The documented command (scripts/consolidate) and `dotnet run --project tools/UnifiedCustomers.Tool -- consolidate`,
/// stopped mid-run by SIGKILL, SIGTERM or a signal to `dotnet run` alone: the run's backend goes
/// away on its own (while the run is still blocked, so nothing else could have ended it), and the
/// target holds nothing committed.
/// </summary>
public sealed class StoppedRunTests : IAsyncLifetime
{
    private readonly GeneratedDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    internal static readonly string Repository = FindRepository();

    [Fact]
    public async Task TheDocumentedCommand_KilledWithSigkill_CommitsNothing_AndLeavesNoBackend()
    {
        var exit = await StopMidRunAsync(StartScript, process => process.Kill());
        exit.Should().Be(137);
    }

    [Fact]
    public async Task TheDocumentedCommand_StoppedWithSigterm_RollsBack_AndExits1()
    {
        var output = new List<string>();
        var exit = await StopMidRunAsync(o => StartScript(output = o), process => Signal(process.Id, "TERM"));
        exit.Should().Be(1);
        lock (output) output.Should().Contain(l => l.Contains("Stopped: the transaction was rolled back", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DotnetRun_KilledWithSigkill_StopsItsChildToo()
    {
        await StopMidRunAsync(StartDotnetRun, process => process.Kill());
    }

    [Fact]
    public async Task DotnetRun_StoppedWithSigterm_StopsItsChildToo()
    {
        await StopMidRunAsync(StartDotnetRun, process => Signal(process.Id, "TERM"));
    }

    /// <returns>the exit code of the process that was started</returns>
    private async Task<int> StopMidRunAsync(Func<List<string>, Process> start, Action<Process> stop)
    {
        var output = new List<string>();
        Process process;
        // The run blocks when it reaches the notes phase, with every earlier phase written in its transaction.
        await using (var blocker = new NpgsqlConnection(_db.ConnectionString))
        {
            await blocker.OpenAsync();
            await using var hold = await blocker.BeginTransactionAsync();
            await using (var lockNotes = new NpgsqlCommand("LOCK TABLE legacy.customer_notes IN ACCESS EXCLUSIVE MODE", blocker, hold))
                await lockNotes.ExecuteNonQueryAsync();

            process = start(output);
            await WaitUntilAsync(async () => await RunsAsync("AND wait_event_type = 'Lock'") == 1, "the run to reach the notes phase", output);

            stop(process);
            await process.WaitForExitAsync();
            // Still blocked by us: only the run stopping itself (or PostgreSQL seeing its client gone) ends its backend.
            await WaitUntilAsync(async () => await RunsAsync() == 0, "the stopped run's backend to go away", output);
            await hold.RollbackAsync();
        }

        lock (output) output.Should().Contain(l => l.Contains("bookings: done", StringComparison.Ordinal));
        await Task.Delay(500);
        (await _db.TargetRowCountAsync()).Should().Be(0);
        (await _db.ScalarAsync<long>("SELECT count(*) FROM consolidation_runs")).Should().Be(0);
        (await RunsAsync()).Should().Be(0);
        return process.ExitCode;
    }

    private Process StartScript(List<string> output) => Start(output, Path.Combine(Repository, "scripts", "consolidate"),
        ["--connection", _db.ConnectionString, "--cutover", "2026-06-01T00:00:00Z"],
        new() { ["UC_TOOL_DLL"] = Path.Combine(AppContext.BaseDirectory, "UnifiedCustomers.Tool.dll") });

    private Process StartDotnetRun(List<string> output) => Start(output, Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
        ["run", "--project", Path.Combine(Repository, "tools", "UnifiedCustomers.Tool"), "--no-build", "--", "consolidate",
         "--connection", _db.ConnectionString, "--cutover", "2026-06-01T00:00:00Z"], []);

    internal static Process Start(List<string> output, string file, IEnumerable<string> args, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) start.Environment[name] = value;
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

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    private Task<long> RunsAsync(string condition = "") => _db.ScalarAsync<long>($"""
        SELECT count(*) FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = '{Consolidator.ApplicationName}' {condition}
        """);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, List<string> output)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                lock (output) throw new TimeoutException($"Waited 90s for {what}. Output:\n{string.Join('\n', output)}");
            }
            await Task.Delay(100);
        }
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "UnifiedCustomers.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("The repository root (UnifiedCustomers.sln) was not found.");
    }
}
