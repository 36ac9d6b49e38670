using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;
using UnifiedCustomers.Infrastructure.Persistence;
using UnifiedCustomers.Testing;

namespace UnifiedCustomers.Api.Tests.Deployment;

/// <summary>
/// SMOKE TEST (slower, about 20-40 s; filter with Category=Smoke): publishes the API and the tool
/// framework-dependent into temporary directories (each its image's /app), runs the migration Job's own
/// command from the tool's against an empty database, then starts the published API with the
/// ConfigMap's settings and the Secret as files, like a pod.
/// </summary>
[Trait("Category", "Smoke")]
public sealed class PublishedApiSmokeTests(PublishedApi published, PublishedTool tool) : IClassFixture<PublishedApi>, IClassFixture<PublishedTool>
{
    /// <summary>The migration Job's command, as deploy/kubernetes/migration-job.yaml must spell it (ManifestTests checks).</summary>
    public static readonly string[] MigrationCommand = ["/usr/share/dotnet/dotnet", "/app/UnifiedCustomers.Tool.dll"];

    [Fact]
    public async Task MigrationJobThenPod_FromThePublishedOutput_AnswersReady()
    {
        var database = new EmptyDatabase();
        await database.InitializeAsync();
        try
        {
            await MigrateAndStartAsync(database);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private async Task MigrateAndStartAsync(TestDatabase database)
    {
        var job = Manifests.Job["spec"]["template"]["spec"]["containers"][0];

        var migrate = await tool.RunAsync(
            job["command"].Items.Select(i => i.Text).Concat(job["args"].Items.Select(i => i.Text)),
            new() { ["ConnectionStrings__Default"] = database.ConnectionString });

        migrate.ExitCode.Should().Be(0, migrate.Output);
        migrate.Output.Should().Contain("Applied");
        var secrets = Directory.CreateTempSubdirectory("uc-secrets-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(secrets.FullName, "ConnectionStrings__App"),
                new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = DatabaseRoles.App }.ConnectionString);
            await File.WriteAllTextAsync(Path.Combine(secrets.FullName, "CustomerAccess__SigningKey"), Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));
            var port = FreePort();
            var environment = Manifests.ConfigMap["data"].Keys.ToDictionary(k => k, k => (string?)Manifests.ConfigMap["data"][k].Text);
            environment["Secrets__Directory"] = secrets.FullName;
            environment["ASPNETCORE_HTTP_PORTS"] = port.ToString();
            environment["Jobs__PollInterval"] = "00:00:02";

            using var pod = published.Start(["/app/UnifiedCustomers.Api"], environment);
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(15) };
            var ready = await WaitForAsync(client, "/health/ready", pod);

            ready.Should().Be(HttpStatusCode.OK, pod.Output);
            (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
            // The pod's scheduler does its runs against the migrated schema as the application role.
            (await JobRunsAsync(database.ConnectionString, TimeSpan.FromSeconds(60))).Should().BeGreaterThan(0, pod.Output);
        }
        finally
        {
            secrets.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task WithoutAConnectionString_ThePublishedApiStopsWithOneLine()
    {
        var run = await published.RunAsync(["/app/UnifiedCustomers.Api"], new() { ["ASPNETCORE_ENVIRONMENT"] = "Production" });

        run.ExitCode.Should().Be(1);
        run.Error.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().StartWith("Configuration error: No database");
        run.StandardOutput.Should().BeEmpty();
    }

    [Fact]
    public void ThePublishedApi_ShipsNeitherTheMigrationsNorTheTool()
    {
        var files = Directory.GetFiles(published.Directory).Select(Path.GetFileName).ToList();
        var toolFiles = Directory.GetFiles(tool.Directory).Select(Path.GetFileName).ToList();

        toolFiles.Should().Contain(["UnifiedCustomers.Tool.dll", "UnifiedCustomers.Migrations.dll", "Spectre.Console.dll"]);
        files.Should().Contain("UnifiedCustomers.Api.dll").And.Contain("UnifiedCustomers.Infrastructure.dll");
        // The schema status is a port (docs/adr/0033) and the command line its own image (docs/adr/0027):
        // the web host needs no migrations assembly, no tool and not the tool's terminal UI.
        files.Should().NotContain(["UnifiedCustomers.Migrations.dll", "UnifiedCustomers.Tool.dll", "Spectre.Console.dll"]);
    }

    private static async Task<HttpStatusCode?> WaitForAsync(HttpClient client, string path, PublishedProject.Process pod)
    {
        HttpStatusCode? last = null;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (DateTime.UtcNow < deadline && !pod.HasExited)
        {
            try
            {
                last = (await client.GetAsync(path)).StatusCode;
                if (last == HttpStatusCode.OK) return last;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not listening yet, or too slow to answer on a busy machine: ask again
            }
            await Task.Delay(250);
        }
        return last;
    }

    private static async Task<long> JobRunsAsync(string connectionString, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        long count;
        do
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM job_runs WHERE status = 'succeeded'", connection);
            count = (long)(await command.ExecuteScalarAsync())!;
            if (count > 0) return count;
            await Task.Delay(500);
        } while (DateTime.UtcNow < deadline);
        return count;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class EmptyDatabase : TestDatabase
    {
        public override Task InitializeAsync() => CreateAsync(Name, migrated: false);
    }
}

public sealed class PublishedApi() : PublishedProject(Path.Combine("src", "Api", "UnifiedCustomers.Api.csproj"));

public sealed class PublishedTool() : PublishedProject(Path.Combine("tools", "UnifiedCustomers.Tool", "UnifiedCustomers.Tool.csproj"));

/// <summary>A project published once for the class (framework-dependent, from the build the tests run on: no second compile).</summary>
public abstract class PublishedProject(string projectPath) : IAsyncLifetime
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("uc-publish-").FullName;

    public async Task InitializeAsync()
    {
        var project = Path.Combine(TestServer.RepositoryRoot(), projectPath);
        var publish = await RunRawAsync("dotnet", ["publish", project, "--no-build", "-c", Configuration, "-o", Directory, "-nologo", "-v", "quiet"], new());
        if (publish.ExitCode != 0) throw new InvalidOperationException("dotnet publish failed:\n" + publish.Output);
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }

    public sealed record Result(int ExitCode, string StandardOutput, string Error)
    {
        public string Output => StandardOutput + Error;
    }

    /// <summary>Runs a container command (paths under /app are the published directory) to its end.</summary>
    public Task<Result> RunAsync(IEnumerable<string> command, Dictionary<string, string?> environment)
    {
        var (file, args) = InImage(command);
        return RunRawAsync(file, args, environment);
    }

    public Process Start(IEnumerable<string> command, Dictionary<string, string?> environment)
    {
        var (file, args) = InImage(command);
        return new Process(Info(file, args, environment));
    }

    private (string File, List<string> Args) InImage(IEnumerable<string> command)
    {
        var parts = command.Select(part => part == "/usr/share/dotnet/dotnet" ? DotnetHost()
            : part.StartsWith("/app/", StringComparison.Ordinal) ? Path.Combine(Directory, part["/app/".Length..]) : part).ToList();
        return (parts[0], parts[1..]);
    }

    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static async Task<Result> RunRawAsync(string file, IEnumerable<string> args, Dictionary<string, string?> environment)
    {
        using var process = new Process(Info(file, args, environment));
        await process.WaitAsync(TimeSpan.FromMinutes(3));
        return new Result(process.ExitCode, process.StandardOutput, process.Error);
    }

    private static ProcessStartInfo Info(string file, IEnumerable<string> args, Dictionary<string, string?> environment)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        // Only what the pod is given: nothing inherited from the test run's own configuration.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
                                                            || k.StartsWith("Jobs__", StringComparison.Ordinal) || k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
            info.Environment.Remove(key);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        return info;
    }

    /// <summary>A started process whose output is collected; killed (whole tree) when disposed.</summary>
    public sealed class Process : IDisposable
    {
        private readonly System.Diagnostics.Process _process;
        private readonly System.Text.StringBuilder _stdout = new();
        private readonly System.Text.StringBuilder _stderr = new();

        public Process(ProcessStartInfo info)
        {
            _process = new System.Diagnostics.Process { StartInfo = info };
            _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_stdout) _stdout.AppendLine(e.Data); };
            _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public bool HasExited => _process.HasExited;
        public int ExitCode => _process.ExitCode;

        public string StandardOutput
        {
            get { lock (_stdout) return _stdout.ToString(); }
        }

        public string Error
        {
            get { lock (_stderr) return _stderr.ToString(); }
        }

        public string Output => StandardOutput + Error;

        public async Task WaitAsync(TimeSpan timeout)
        {
            using var cancel = new CancellationTokenSource(timeout);
            await _process.WaitForExitAsync(cancel.Token);
            _process.WaitForExit(); // flushes the asynchronous output readers
        }

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
            _process.Dispose();
        }
    }
}
