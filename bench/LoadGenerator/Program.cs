using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

// Posts real bookings to the API on loopback from N concurrent clients for a fixed time, picking a
// random bench customer and session per request (as the pgbench script does), and prints one JSON
// line: throughput, latency percentiles and answers by status code.
// usage: LoadGenerator --url URL --key KEY --connection CS --clients N --seconds S --mix spread|hot [--rate R]
//        (--rate: at most R requests per second in all, evenly paced: a sustained load rather than the most it takes)
//        LoadGenerator receive --port P --seconds S
//        (a webhook receiver on loopback for S seconds; prints the delay from each event's occurredAt to its arrival)
if (args.Length > 0 && args[0] == "receive")
{
    var receiverOptions = args.Skip(1).Chunk(2).ToDictionary(pair => pair[0].TrimStart('-'), pair => pair[1]);
    await Receiver.RunAsync(int.Parse(receiverOptions["port"]), TimeSpan.FromSeconds(double.Parse(receiverOptions["seconds"])));
    return;
}
var options = args.Chunk(2).ToDictionary(pair => pair[0].TrimStart('-'), pair => pair[1]);
double? rate = options.TryGetValue("rate", out var rateText) ? double.Parse(rateText) : null;
long tickets = -1;
var url = new Uri(options["url"]);
var clients = int.Parse(options["clients"]);
var duration = TimeSpan.FromSeconds(double.Parse(options["seconds"]));
var mix = options["mix"];

var customers = await LoadIdsAsync(options["connection"], "SELECT id FROM bench_customers ORDER BY n");
var sessions = await LoadIdsAsync(options["connection"], $"SELECT id FROM bench_{(mix == "hot" ? "hot" : "spread")} ORDER BY n");

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = url,
    Timeout = TimeSpan.FromSeconds(30),
};
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options["key"]);

var latencies = new List<double>[clients];
var statuses = new Dictionary<int, int>[clients];
var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
var started = Stopwatch.GetTimestamp();
await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
{
    var random = new Random(client * 7919 + 17);
    latencies[client] = new List<double>(100_000);
    statuses[client] = [];
    while (Stopwatch.GetTimestamp() < deadline)
    {
        if (rate is { } perSecond)
        {
            // Request n is due at start + n / rate, whichever client takes it.
            var due = started + (long)(Interlocked.Increment(ref tickets) / perSecond * Stopwatch.Frequency);
            var wait = due - Stopwatch.GetTimestamp();
            if (due >= deadline) break;
            if (wait > 0) await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
        }
        var body = new { customerId = customers[random.Next(customers.Count)], sessionId = sessions[random.Next(sessions.Count)] };
        var sent = Stopwatch.GetTimestamp();
        int status;
        try
        {
            using var response = await http.PostAsJsonAsync("api/v1/bookings", body);
            await response.Content.LoadIntoBufferAsync();
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            status = 0;
        }
        latencies[client].Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
        statuses[client][status] = statuses[client].GetValueOrDefault(status) + 1;
    }
})));
var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;

var all = latencies.SelectMany(l => l).Order().ToArray();
var byStatus = statuses.SelectMany(s => s).GroupBy(s => s.Key).ToDictionary(g => g.Key.ToString(), g => g.Sum(s => s.Value));
double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
Console.WriteLine(JsonSerializer.Serialize(new
{
    mix,
    clients,
    requests = all.Length,
    seconds = Math.Round(elapsed, 2),
    throughput = Math.Round(all.Length / elapsed, 1),
    p50 = Math.Round(Percentile(0.50), 2),
    p95 = Math.Round(Percentile(0.95), 2),
    p99 = Math.Round(Percentile(0.99), 2),
    // 2xx booked, 409/422 refused by a rule (already booked, class full): answers, not errors.
    errors = byStatus.Where(s => s.Key == "0" || s.Key.StartsWith('5')).Sum(s => s.Value),
    statuses = byStatus,
}));

static async Task<List<Guid>> LoadIdsAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await using var reader = await command.ExecuteReaderAsync();
    var ids = new List<Guid>();
    while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
    return ids;
}

/// <summary>Answers every POST with 204 at once and records how long after its occurredAt each event arrived.</summary>
internal static class Receiver
{
    public static async Task RunAsync(int port, TimeSpan duration)
    {
        using var listener = new System.Net.HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var delays = new List<double>();
        var ids = new HashSet<string>();
        DateTimeOffset? first = null, last = null;
        var duplicates = 0;
        using var stop = new CancellationTokenSource(duration);
        stop.Token.Register(listener.Stop);
        while (!stop.IsCancellationRequested)
        {
            System.Net.HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception) when (stop.IsCancellationRequested) { break; }
            var arrived = DateTimeOffset.UtcNow;
            using (var reader = new StreamReader(context.Request.InputStream))
            {
                var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement;
                var occurred = body.GetProperty("occurredAt").GetDateTimeOffset();
                if (!ids.Add(context.Request.Headers["webhook-id"] ?? "")) duplicates++;
                delays.Add((arrived - occurred).TotalMilliseconds);
                first ??= arrived;
                last = arrived;
            }
            context.Response.StatusCode = 204;
            context.Response.Close();
        }
        var sorted = delays.Order().ToArray();
        double Percentile(double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        var span = first is { } f && last is { } l ? (l - f).TotalSeconds : 0;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            delivered = sorted.Length,
            duplicates,
            perSecond = span > 0 ? Math.Round(sorted.Length / span, 1) : 0,
            p50 = Math.Round(Percentile(0.50), 1),
            p99 = Math.Round(Percentile(0.99), 1),
            max = sorted.Length == 0 ? 0 : Math.Round(sorted[^1], 1),
        }));
    }
}
