using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

// Posts real bookings to the API on loopback from N concurrent clients for a fixed time, picking a
// random bench customer and session per request (as the pgbench script does), and prints one JSON
// line: throughput, latency percentiles and answers by status code.
// usage: LoadGenerator --url URL --key KEY --connection CS --clients N --seconds S --mix spread|hot
var options = args.Chunk(2).ToDictionary(pair => pair[0].TrimStart('-'), pair => pair[1]);
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
