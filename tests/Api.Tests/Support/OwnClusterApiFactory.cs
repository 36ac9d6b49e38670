using System.Diagnostics;
using UnifiedCustomers.Migrations;
using UnifiedCustomers.Testing;

namespace UnifiedCustomers.Api.Tests.Support;

/// <summary>
/// The API over a PostgreSQL cluster of its own (scripts/pg with a state folder of its own), so a
/// test may stop and restart the server without touching any other test's. The cluster is stopped
/// and deleted when the fixture is disposed, and at the latest when the test process exits.
/// </summary>
public sealed class OwnClusterApiFactory : ApiFactory
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "uc-pg-own-" + Guid.NewGuid().ToString("N")[..12]);
    private string? _connection;
    private int _stopped;

    public override string OwnerConnectionString => _connection ?? throw new InvalidOperationException("The cluster has not started.");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Database:MaxPoolSize"] = "20",
    };

    public override async Task InitializeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        var output = await PgAsync("start", "--fast");
        _connection = output.Trim().Split('\n')[^1].Trim();
        await SchemaMigrator.UpAsync(_connection);
    }

    protected override Task DisposeDatabaseAsync()
    {
        Stop();
        return Task.CompletedTask;
    }

    /// <summary>What an operator's restart does: a fast shutdown (every session gets 57P01) and a start on the same port and data.</summary>
    public Task RestartAsync() => ServerChangedAsync("restart");

    public Task HaltAsync() => ServerChangedAsync("halt");

    public Task ResumeAsync() => ServerChangedAsync("resume");

    private async Task ServerChangedAsync(string command)
    {
        await PgAsync(command);
        // The tests' own owner connections (arranging and checking rows) must not meet the dead ones; the API's pool is left alone.
        Npgsql.NpgsqlConnection.ClearAllPools();
    }

    private void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        try
        {
            PgAsync("stop").GetAwaiter().GetResult();
        }
        finally
        {
            if (Directory.Exists(_state)) Directory.Delete(_state, recursive: true);
        }
    }

    private async Task<string> PgAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(TestServer.RepositoryRoot(), "scripts", "pg"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["UC_PG_STATE"] = _state;
        // The suite's own server is named by these; this cluster is a new one on a free port.
        start.Environment.Remove("ConnectionStrings__Default");
        start.Environment.Remove("UC_PG_PORT");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"scripts/pg {string.Join(' ', arguments)} failed ({process.ExitCode}): {await errors}");
        return await output;
    }
}
