using System.Net;
using System.Text;
using System.Text.Json;
using UnifiedCustomers.Api.Tests.Support;
using UnifiedCustomers.Testing;

namespace UnifiedCustomers.Api.Tests.Errors;

/// <summary>The production log format (JSON on the console) over a database without tables: every request fails.</summary>
public sealed class JsonLogsOverABrokenDatabase : ApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Logging:Console:FormatterName"] = "json",
        ["ConnectionStrings:App"] = Database.ConnectionString,
    };

    public override Task InitializeAsync() => TestDatabase.CreateAsync(Database.Name, migrated: false);
}

public sealed class ErrorLogTests(JsonLogsOverABrokenDatabase api) : IClassFixture<JsonLogsOverABrokenDatabase>
{
    [Fact]
    public async Task AFailure_IsLoggedOnce_WithATimestamp_AndTheTraceIdTheClientSees()
    {
        var original = Console.Out;
        var captured = new StringBuilder();
        // Console output is the process's: other test classes may write into it meanwhile; this test looks only for its own trace id.
        Console.SetOut(TextWriter.Synchronized(new Tee(original, captured)));
        string traceId;
        string[] lines;
        try
        {
            var client = api.ClientWithKey("uc_live_0123456789abcdefghijklmnopqrstuvwxyz");
            var problem = await (await client.GetAsync("/api/v1/customers")).ShouldBeProblem(HttpStatusCode.InternalServerError, "server.error");
            traceId = problem.GetProperty("traceId").GetString()!;
            traceId.Should().MatchRegex("^[0-9a-f]{32}$");
            var deadline = DateTime.UtcNow.AddSeconds(10);
            do
            {
                await Task.Delay(100);
                lock (captured) lines = captured.ToString().Split('\n').Where(l => l.Contains(traceId, StringComparison.Ordinal)).ToArray();
            }
            while (lines.Length == 0 && DateTime.UtcNow < deadline);
            await Task.Delay(500);
            lock (captured) lines = captured.ToString().Split('\n').Where(l => l.Contains(traceId, StringComparison.Ordinal)).ToArray();
        }
        finally
        {
            Console.SetOut(original);
        }

        var errors = lines.Select(l => JsonDocument.Parse(l).RootElement).Where(e => e.GetProperty("LogLevel").GetString() is "Error" or "Critical").ToList();
        errors.Should().ContainSingle("an exception is logged once, at the edge");
        var line = errors[0];
        DateTimeOffset.Parse(line.GetProperty("Timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        line.GetProperty("Scopes").EnumerateArray()
            .Select(scope => scope.TryGetProperty("TraceId", out var t) ? t.GetString() : null)
            .Should().Contain(traceId);
        line.GetProperty("Exception").GetString().Should().NotBeNullOrEmpty();
    }

    private sealed class Tee(TextWriter original, StringBuilder captured) : TextWriter
    {
        public override Encoding Encoding => original.Encoding;

        public override void Write(char value)
        {
            original.Write(value);
            lock (captured) captured.Append(value);
        }

        public override void Write(string? value)
        {
            original.Write(value);
            lock (captured) captured.Append(value);
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));
    }
}
