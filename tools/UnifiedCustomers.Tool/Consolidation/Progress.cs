using System.Globalization;
using Spectre.Console;

namespace UnifiedCustomers.Tool.Consolidation;

/// <summary>What the fold tells the operator while it runs: phases, their steps, rows and rate.</summary>
internal interface IPhaseProgress
{
    void PhaseStarted(string phase);
    void StepStarted(string step);
    void StepDone(string step, long rows, TimeSpan elapsed);
    void PhaseDone();
}

internal static class ProgressDisplay
{
    /// <summary>A live display on a terminal; plain log lines when output goes to a file or a pipe.</summary>
    public static Task<T> RunAsync<T>(TextWriter output, bool live, Func<IPhaseProgress, Task<T>> work) =>
        live ? LiveProgress.RunAsync(work) : work(new PlainProgress(output));

    internal static string Rate(long rows, TimeSpan elapsed) =>
        elapsed.TotalSeconds < 0.001 ? "" : $" ({(rows / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture)} rows/s)";
}

internal sealed class PlainProgress(TextWriter output) : IPhaseProgress
{
    private string _phase = "";
    private long _rows;
    private DateTime _started;

    public void PhaseStarted(string phase)
    {
        _phase = phase;
        _rows = 0;
        _started = DateTime.UtcNow;
        Write($"{phase}: started");
    }

    public void StepStarted(string step) { }

    public void StepDone(string step, long rows, TimeSpan elapsed)
    {
        _rows += rows;
        Write($"{_phase}: {step}: {rows.ToString("N0", CultureInfo.InvariantCulture)} rows in {elapsed.TotalSeconds:0.0}s{ProgressDisplay.Rate(rows, elapsed)}");
    }

    public void PhaseDone()
    {
        var elapsed = DateTime.UtcNow - _started;
        Write($"{_phase}: done, {_rows.ToString("N0", CultureInfo.InvariantCulture)} rows in {elapsed.TotalSeconds:0.0}s{ProgressDisplay.Rate(_rows, elapsed)}");
    }

    private void Write(string line)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:HH:mm:ss} {line}"));
        output.Flush();
    }
}

internal sealed class LiveProgress : IPhaseProgress
{
    private readonly ProgressContext _context;
    private ProgressTask? _task;
    private string _phase = "";
    private long _rows;
    private DateTime _started;

    private LiveProgress(ProgressContext context) => _context = context;

    public static Task<T> RunAsync<T>(Func<IPhaseProgress, Task<T>> work) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
            .StartAsync(context => work(new LiveProgress(context)));

    public void PhaseStarted(string phase)
    {
        _phase = phase;
        _rows = 0;
        _started = DateTime.UtcNow;
        _task = _context.AddTask(Markup.Escape(phase), maxValue: 1);
        _task.IsIndeterminate = true;
    }

    public void StepStarted(string step) => Describe($"{step}...");

    public void StepDone(string step, long rows, TimeSpan elapsed)
    {
        _rows += rows;
        var total = DateTime.UtcNow - _started;
        Describe($"{step}: {_rows.ToString("N0", CultureInfo.InvariantCulture)} rows{ProgressDisplay.Rate(_rows, total)}");
    }

    public void PhaseDone()
    {
        if (_task is null) return;
        var total = DateTime.UtcNow - _started;
        Describe($"{_rows.ToString("N0", CultureInfo.InvariantCulture)} rows{ProgressDisplay.Rate(_rows, total)}");
        _task.IsIndeterminate = false;
        _task.Value = 1;
        _task.StopTask();
    }

    private void Describe(string text)
    {
        if (_task is not null) _task.Description = Markup.Escape($"{_phase,-14} {text}");
    }
}
