using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace UnifiedCustomers.Api.Tests.Support;

/// <summary>One POST as the receiver saw it.</summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body, IHeaderDictionary Headers, DateTimeOffset At);

/// <summary>
/// A real HTTP receiver (Kestrel on a loopback port) for webhook tests. It records every POST and
/// answers as the test says: <see cref="Respond"/> decides each answer, <see cref="Delay"/> holds it.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _inFlight = new();
    private int _maxInFlightPerId;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>The status to answer the n-th request (1-based); 200 unless set.</summary>
    public Func<int, int> Respond { get; set; } = _ => 200;

    /// <summary>How long to hold the n-th request before answering.</summary>
    public Func<int, TimeSpan> Delay { get; set; } = _ => TimeSpan.Zero;

    /// <summary>The most deliveries of one webhook-id the receiver was handling at the same moment.</summary>
    public int MaxInFlightPerId => Volatile.Read(ref _maxInFlightPerId);

    public int Count => Received.Count;

    private int _requests;

    private WebhookReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", receiver.HandleAsync);
        await app.StartAsync();
        receiver.Url = app.Urls.Single() + "/hook";
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var n = Interlocked.Increment(ref _requests);
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var id = context.Request.Headers["webhook-id"].ToString();
        var now = _inFlight.AddOrUpdate(id, 1, (_, v) => v + 1);
        int seen;
        while ((seen = Volatile.Read(ref _maxInFlightPerId)) < now && Interlocked.CompareExchange(ref _maxInFlightPerId, now, seen) != seen) { }
        try
        {
            Received.Enqueue(new ReceivedWebhook(
                id, context.Request.Headers["webhook-timestamp"].ToString(), context.Request.Headers["webhook-signature"].ToString(),
                body, new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value)), DateTimeOffset.UtcNow));
            var delay = Delay(n);
            if (delay > TimeSpan.Zero) await Task.Delay(delay, context.RequestAborted);
            context.Response.StatusCode = Respond(n);
            await context.Response.WriteAsync($"answer {n}: {context.Response.StatusCode}");
        }
        finally
        {
            _inFlight.AddOrUpdate(id, 0, (_, v) => v - 1);
        }
    }

    /// <summary>Waits until the receiver holds at least <paramref name="count"/> requests.</summary>
    public async Task WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (Received.Count < count)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"The receiver got {Received.Count} requests, expected {count}.");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
