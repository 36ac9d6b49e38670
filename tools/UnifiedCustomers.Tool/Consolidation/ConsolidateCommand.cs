using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Npgsql;

namespace UnifiedCustomers.Tool.Consolidation;

/// <summary>`consolidate`: parses the options, runs the fold, prints the report and maps the outcome to an exit code.</summary>
internal static partial class ConsolidateCommand
{
    public const int Refused = 3;
    public const int Unbalanced = 4;
    public const int Failed = 1;

    /// <param name="stop">cancelled when the tool must stop (its parent `dotnet run` went away)</param>
    public static async Task<int> RunAsync(Options options, string? connection, TextWriter output, TextWriter error, bool live, CancellationToken stop = default)
    {
        if (connection is null) return Usage(error, "consolidate needs --connection \"<connection string>\"");
        var schema = options.Get("legacy-schema") ?? "legacy";
        if (!Identifier().IsMatch(schema)) return Usage(error, $"--legacy-schema '{schema}' is not a plain schema name");
        var cutover = DateTimeOffset.UtcNow;
        if (options.Get("cutover") is { } text
            && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out cutover))
            return Usage(error, $"--cutover '{text}' is not an instant (e.g. 2026-06-01T00:00:00Z)");
        var run = new ConsolidationOptions(connection, schema, cutover, options.Has("dry-run"), options.Get("report"));

        // Ctrl-C, SIGTERM, SIGHUP and SIGQUIT cancel the fold: its statement is cancelled, the
        // transaction rolled back, and the tool exits 1. SIGKILL ends the process, which closes the
        // connection: PostgreSQL rolls back (and notices within a second even mid-statement, see Consolidator).
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stop);
        ConsoleCancelEventHandler cancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += cancel;
        var signals = new[] { PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT }
            .Select(signal => PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                cancellation.Cancel();
            }))
            .ToList();
        try
        {
            var result = await ProgressDisplay.RunAsync(output, live, progress => Consolidator.RunAsync(run, progress, cancellation.Token));
            if (result.Report is { } report)
            {
                output.WriteLine();
                output.Write(report.ToText());
                // Written by the run as it gathered the report (a previous run's is in consolidation_runs).
                if (run.ReportPath is { } path && result.Outcome != ConsolidationOutcome.AlreadyConsolidated)
                    output.WriteLine($"JSON report written to {path}");
            }
            var writer = result.Outcome is ConsolidationOutcome.Refused or ConsolidationOutcome.Unbalanced ? error : output;
            writer.WriteLine(result.Message);
            return result.Outcome switch
            {
                ConsolidationOutcome.Refused => Refused,
                ConsolidationOutcome.Unbalanced => Unbalanced,
                _ => 0,
            };
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("Stopped: the transaction was rolled back, the target is unchanged.");
            return Failed;
        }
        catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException)
        {
            // The edge of the tool: whatever failed, the one transaction was not committed.
            error.WriteLine($"Failed: {e.Message}");
            error.WriteLine("The transaction was rolled back, the target is unchanged; fix the cause and run again.");
            return Failed;
        }
        finally
        {
            Console.CancelKeyPress -= cancel;
            signals.ForEach(s => s.Dispose());
        }
    }

    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine(message);
        return 2;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex Identifier();
}
