using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace UnifiedCustomers.Api.Tests.Support;

/// <summary>
/// A TCP proxy in front of PostgreSQL that reads what clients send and counts, while counting is on:
/// round trips (each Sync of the extended protocol, which ends every command or batch Npgsql sends,
/// and each simple Query the client then waits on, such as a lone COMMIT) and statements (each
/// Execute, and each statement of a simple Query): what PostgreSQL's log shows with log_statement = all. Counting on
/// the wire sees everything: EF's commands, raw Npgsql batches, the BEGIN Npgsql prepends, COMMIT.
/// </summary>
public sealed class PostgresWireCounter : IAsyncDisposable
{
    private const int SslRequest = 80877103;
    private const int GssEncRequest = 80877104;
    private const int CancelRequest = 80877102;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _host;
    private readonly int _port;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private readonly List<string> _log = [];
    private readonly StringBuilder _types = new();
    private int _roundTrips;
    private int _statements;
    private volatile bool _counting;

    public PostgresWireCounter(string host, int port)
    {
        (_host, _port) = (host, port);
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int RoundTrips => Volatile.Read(ref _roundTrips);

    public int Statements => Volatile.Read(ref _statements);

    /// <summary>The statements counted, in order (the SQL of each Parse, or "(prepared)" for an Execute of a prepared one).</summary>
    public IReadOnlyList<string> Log
    {
        get { lock (_gate) return _log.ToList(); }
    }

    public void Start()
    {
        lock (_gate)
        {
            _log.Clear();
            _types.Clear();
        }
        Interlocked.Exchange(ref _roundTrips, 0);
        Interlocked.Exchange(ref _statements, 0);
        _counting = true;
    }

    public void Stop() => _counting = false;

    public string Describe() => $"{RoundTrips} round trips, {Statements} statements ({_types}):\n  " + string.Join("\n  ", Log);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        using var server = new TcpClient();
        try
        {
            await server.ConnectAsync(_host, _port, _stop.Token);
            var fromClient = client.GetStream();
            var toServer = server.GetStream();
            var back = server.GetStream().CopyToAsync(client.GetStream(), _stop.Token);
            var forth = ForwardAsync(fromClient, toServer);
            await Task.WhenAny(back, forth);
        }
        catch (Exception)
        {
            // A connection closed by either side ends its pumps; nothing to count.
        }
    }

    private async Task ForwardAsync(Stream fromClient, Stream toServer)
    {
        var ct = _stop.Token;
        // Untyped messages first: SSL or GSS requests (answered by the server with one byte), then the startup message.
        while (true)
        {
            var length = await ReadAndForwardAsync(fromClient, toServer, 4, ct);
            var size = BinaryPrimitives.ReadInt32BigEndian(length);
            var body = await ReadAndForwardAsync(fromClient, toServer, size - 4, ct);
            var code = BinaryPrimitives.ReadInt32BigEndian(body);
            if (code == CancelRequest) return;
            if (code is not (SslRequest or GssEncRequest)) break;
        }
        string? lastParse = null;
        var parsed = new Dictionary<string, string>();
        while (true)
        {
            var header = await ReadAndForwardAsync(fromClient, toServer, 5, ct);
            var type = (char)header[0];
            var body = await ReadAndForwardAsync(fromClient, toServer, BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(1)) - 4, ct);
            if (_counting) lock (_gate) _types.Append(type);
            switch (type)
            {
                case 'P':
                    var name = CString(body, 0, out var next);
                    lastParse = CString(body, next, out _);
                    if (name.Length > 0) parsed[name] = lastParse;
                    break;
                case 'B':
                    var portalEnd = Array.IndexOf(body, (byte)0);
                    var statement = CString(body, portalEnd + 1, out _);
                    if (statement.Length > 0) lastParse = parsed.GetValueOrDefault(statement, "(prepared " + statement + ")");
                    break;
                case 'E':
                    Count(statements: 1, roundTrips: 0, lastParse ?? "(unnamed)");
                    break;
                case 'S':
                    Count(statements: 0, roundTrips: 1, null);
                    break;
                case 'Q':
                    // Npgsql sends BEGIN as a simple query in front of the next command, in the same write: with
                    // more already on its way, it is not a round trip of its own (the command's Sync ends it).
                    var sql = CString(body, 0, out _);
                    var alone = fromClient is not NetworkStream network || !network.DataAvailable;
                    Count(sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length, roundTrips: alone ? 1 : 0, sql);
                    break;
                case 'X':
                    return;
            }
        }
    }

    private void Count(int statements, int roundTrips, string? sql)
    {
        if (!_counting) return;
        Interlocked.Add(ref _statements, statements);
        Interlocked.Add(ref _roundTrips, roundTrips);
        lock (_gate) _log.Add(roundTrips == 0 ? Oneline(sql!) : sql is null ? $"-- end of round trip {RoundTrips}" : $"{Oneline(sql)} -- round trip {RoundTrips}, on its own");
    }

    private static string Oneline(string sql) => string.Join(' ', sql.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));

    private static string CString(byte[] buffer, int start, out int next)
    {
        var end = Array.IndexOf(buffer, (byte)0, start);
        next = end + 1;
        return Encoding.UTF8.GetString(buffer, start, end - start);
    }

    private static async Task<byte[]> ReadAndForwardAsync(Stream from, Stream to, int count, CancellationToken ct)
    {
        var buffer = new byte[count];
        await from.ReadExactlyAsync(buffer, ct);
        await to.WriteAsync(buffer, ct);
        return buffer;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _stop.Dispose();
    }
}
