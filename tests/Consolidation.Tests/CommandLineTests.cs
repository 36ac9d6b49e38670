using System.Diagnostics;

namespace UnifiedCustomers.Consolidation.Tests;

/// <summary>
/// The tool's CLI at its edges: unknown commands and options are refused with the usage (2),
/// a malformed connection string is one line (2), an unreachable database one line (5); never an
/// unhandled exception (134) or a stack trace.
/// </summary>
public sealed class CommandLineTests
{
    private const string Unreachable = "Host=127.0.0.1;Port=1;Username=postgres;Database=nowhere;Timeout=3";

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new List<string>();
        var environment = new Dictionary<string, string> { ["ConnectionStrings__Default"] = "" };
        using var process = StoppedRunTests.Start(output, Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "UnifiedCustomers.Tool.dll"), .. args], environment);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        process.WaitForExit();
        lock (output) return (process.ExitCode, string.Join('\n', output));
    }

    [Theory]
    [InlineData("up", "--connection", "Host=localhost", "--conection", "x")]
    [InlineData("consolidate", "--connection", "Host=localhost", "--dryrun")]
    [InlineData("consolidate", "--connection", "Host=localhost", "--dry-run", "extra")]
    [InlineData("seed-demo", "--connection", "Host=localhost", "--force")]
    [InlineData("frobnicate")]
    [InlineData("up", "--")]
    public async Task UnknownCommandsAndOptions_AreRefusedWithTheUsage(params string[] args)
    {
        var (exit, output) = await RunAsync(args);
        exit.Should().Be(2, output);
        output.Should().Contain("usage:").And.NotContain("   at ");
    }

    [Theory]
    [InlineData("up")]
    [InlineData("consolidate")]
    [InlineData("seed-demo")]
    [InlineData("create-api-key")]
    public async Task AMalformedConnectionString_IsOneLine_Exit2(string command)
    {
        var (exit, output) = await RunAsync(command, "--connection", "Host=localhost;Port=notaport;Bogus Keyword=1");
        exit.Should().Be(2, output);
        output.Split('\n').Should().ContainSingle().Which.Should().StartWith("--connection is not a PostgreSQL connection string");
    }

    [Theory]
    [InlineData("up")]
    [InlineData("consolidate", "--dry-run")]
    [InlineData("seed-demo")]
    [InlineData("revoke-api-key", "--prefix", "uc_live_x")]
    public async Task AnUnreachableDatabase_IsOneLine_Exit5(params string[] args)
    {
        var (exit, output) = await RunAsync([.. args, "--connection", Unreachable]);
        exit.Should().Be(5, output);
        output.Split('\n').Should().ContainSingle().Which.Should().StartWith("Cannot reach the database 127.0.0.1:1/nowhere");
    }

    [Fact]
    public async Task NoConnection_SaysSo_Exit2()
    {
        var (exit, output) = await RunAsync("up");
        exit.Should().Be(2, output);
        output.Should().Contain("up needs --connection");
    }
}
