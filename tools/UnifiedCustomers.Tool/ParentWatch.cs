namespace UnifiedCustomers.Tool;

/// <summary>
/// Under `dotnet run` the tool is a child of the `dotnet run` process, and killing that process
/// (SIGKILL, or a signal it does not forward) leaves the child running on. When the tool's parent is
/// a `dotnet` process, this watches it: once the parent is gone (the tool is re-parented), the
/// command is cancelled, and if it has not ended 10 seconds later the process exits; PostgreSQL
/// rolls back the transaction of a connection that closes. Linux only (/proc); elsewhere it does nothing.
/// </summary>
internal sealed class ParentWatch : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly Timer _timer;
    private readonly int _parent;
    private readonly CancellationTokenSource _stop;
    private int _fired;

    private ParentWatch(int parent, CancellationTokenSource stop)
    {
        _parent = parent;
        _stop = stop;
        _timer = new Timer(_ => Check(), null, Interval, Interval);
    }

    public static IDisposable? StartIfUnderDotnetRun(CancellationTokenSource stop)
    {
        if (ParentOf("self") is not { } parent) return null;
        string comm;
        try
        {
            comm = File.ReadAllText($"/proc/{parent}/comm").Trim();
        }
        catch (IOException)
        {
            return null;
        }
        return comm == "dotnet" ? new ParentWatch(parent, stop) : null;
    }

    private void Check()
    {
        if (ParentOf("self") == _parent || Interlocked.Exchange(ref _fired, 1) == 1) return;
        Console.Error.WriteLine("The process that started this command is gone (dotnet run was stopped): stopping, nothing is committed.");
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            return;
        }
        _ = Task.Delay(TimeSpan.FromSeconds(10)).ContinueWith(_ => Environment.Exit(Cli.Failed), TaskScheduler.Default);
    }

    /// <summary>The parent process id from /proc/&lt;pid&gt;/stat (the field after the command name in parentheses).</summary>
    private static int? ParentOf(string pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    public void Dispose() => _timer.Dispose();
}
