using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using UnifiedCustomers.Api.Composition;
using UnifiedCustomers.Api.Tests.Support;
using UnifiedCustomers.Application.Common.Telemetry;

namespace UnifiedCustomers.Api.Tests.Telemetry;

/// <summary>
/// The API's telemetry pipeline with in-memory exporters in place of OTLP. The domain counters are
/// process-wide, so these tests run alone (no other test class books meanwhile).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "telemetry (runs alone)";
}

public sealed class TelemetryApiFactory : ApiFactory
{
    public List<Activity> Spans { get; } = [];
    public List<MetricSnapshot> Metrics { get; } = [];
    public List<LogRecord> Logs { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Logging:LogLevel:UnifiedCustomers", "Information");
        builder.ConfigureServices((context, services) => services.AddTelemetryPipeline(context.Configuration)
            .WithTracing(tracing => tracing.AddInMemoryExporter(Spans))
            .WithMetrics(metrics => metrics.AddInMemoryExporter(Metrics))
            .WithLogging(logging => logging.AddInMemoryExporter(Logs)));
    }

    /// <summary>The sum of a counter over the points whose tags include these, as of now.</summary>
    public long Counter(string name, params (string Key, string Value)[] tags)
    {
        lock (Metrics)
        {
            Metrics.Clear();
            Services.GetRequiredService<MeterProvider>().ForceFlush();
            return Metrics.Where(m => m.Name == name)
                .SelectMany(m => m.MetricPoints)
                .Where(point => tags.All(tag => Tags(point).TryGetValue(tag.Key, out var value) && Equals(value, tag.Value)))
                .Sum(point => point.GetSumLong());
        }
    }

    private static Dictionary<string, object?> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, object?>();
        foreach (var tag in point.Tags) tags[tag.Key] = tag.Value;
        return tags;
    }
}

[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests(TelemetryApiFactory api) : IClassFixture<TelemetryApiFactory>
{
    [Fact]
    public async Task Booking_IsOneTraceWithTheUseCaseSpanAndItsSql_AndTheBookingCounterMoves()
    {
        var studio = await api.StudioAsync();
        var yoga = await studio.ClassTypeAsync();
        var customer = await studio.CustomerAsync();
        await studio.PackAsync(customer, credits: 5);
        var session = await studio.SessionAsync(yoga, TimeSpan.FromDays(1));
        var before = api.Counter("uc.bookings", ("uc.booking.status", "confirmed"), ("uc.payment_method", "pack"));

        var response = await studio.PostAsync("/api/v1/bookings", new { customerId = customer, sessionId = session });

        await response.ShouldBe(HttpStatusCode.Created);
        var spans = Snapshot();
        var server = spans.Single(s => s.Kind == ActivityKind.Server && (s.GetTagItem("http.route") as string)?.TrimEnd('/') == "/api/v1/bookings"
                                       && s.GetTagItem("http.request.method") is "POST");
        var trace = spans.Where(s => s.TraceId == server.TraceId).ToList();
        var useCase = trace.Single(s => s.Source.Name == AppTelemetry.SourceName && s.DisplayName == "BookClassCommand");
        useCase.GetTagItem("uc.outcome").Should().Be("ok");
        Ancestors(useCase, trace).Should().Contain(server);
        var sql = trace.Where(s => s.Source.Name == "Npgsql").ToList();
        sql.Should().Contain(s => Statement(s).Contains("INSERT INTO bookings"), "the booking's insert is a span of the request's trace");
        sql.Where(s => Statement(s).Contains("bookings")).Should().OnlyContain(s => Ancestors(s, trace).Contains(useCase), "the booking's SQL runs inside the use case");

        api.Counter("uc.bookings", ("uc.booking.status", "confirmed"), ("uc.payment_method", "pack")).Should().Be(before + 1);
    }

    [Fact]
    public async Task RefusedBooking_TagsTheSpanWithTheCode_AndCountsTheRefusal_ButNoBooking()
    {
        var studio = await api.StudioAsync();
        var customer = await studio.CustomerAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(1), capacity: 1);
        await studio.BookingAsync(await studio.CustomerAsync("First"), session);
        var refusals = api.Counter("uc.refusals", ("uc.use_case", "BookClassCommand"), ("uc.error.code", "session.full"));
        var bookings = api.Counter("uc.bookings");

        var response = await studio.PostAsync("/api/v1/bookings", new { customerId = customer, sessionId = session });

        await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "session.full");
        Snapshot().Should().Contain(s => s.DisplayName == "BookClassCommand" && Equals(s.GetTagItem("uc.outcome"), "session.full"));
        api.Counter("uc.refusals", ("uc.use_case", "BookClassCommand"), ("uc.error.code", "session.full")).Should().Be(refusals + 1);
        api.Counter("uc.bookings").Should().Be(bookings);
    }

    [Fact]
    public async Task IdempotentReplay_IsCounted()
    {
        var studio = await api.StudioAsync();
        var before = api.Counter("uc.idempotency.replays");
        var body = new { firstName = "Rae", lastName = "Replay" };

        (await studio.PostAsync("/api/v1/customers", body, idempotencyKey: "replay-1")).StatusCode.Should().Be(HttpStatusCode.Created);
        var replay = await studio.PostAsync("/api/v1/customers", body, idempotencyKey: "replay-1");

        replay.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        api.Counter("uc.idempotency.replays").Should().Be(before + 1);
    }

    [Fact]
    public async Task LogRecords_CarryTheTraceAndSpanOfTheirUseCase()
    {
        var studio = await api.StudioAsync();

        await studio.CustomerAsync("Lena", "Logs");

        var useCase = Snapshot().Last(s => s.DisplayName == "RegisterCustomerCommand");
        List<(ActivityTraceId TraceId, ActivitySpanId SpanId, string? Message)> logs;
        lock (api.Logs) logs = api.Logs.Select(l => (l.TraceId, l.SpanId, l.FormattedMessage)).ToList();
        logs.Should().Contain(l => l.TraceId == useCase.TraceId && l.SpanId == useCase.SpanId && l.Message!.StartsWith("RegisterCustomerCommand handled"));
    }

    private List<Activity> Snapshot()
    {
        lock (api.Spans) return api.Spans.ToList();
    }

    private static string Statement(Activity span) =>
        (span.GetTagItem("db.query.text") ?? span.GetTagItem("db.statement")) as string ?? "";

    private static IEnumerable<Activity> Ancestors(Activity span, List<Activity> trace)
    {
        for (var parent = trace.FirstOrDefault(s => s.SpanId == span.ParentSpanId); parent is not null; parent = trace.FirstOrDefault(s => s.SpanId == parent.ParentSpanId))
            yield return parent;
    }
}
