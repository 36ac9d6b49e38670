using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UnifiedCustomers.Api.Tests.Support;
using static UnifiedCustomers.Api.Tests.Fuzz.MalformedRequestTests;

namespace UnifiedCustomers.Api.Tests.Fuzz;

/// <summary>
/// Generates values outside the input bounds for every text and date field of every body
/// (MalformedRequestTests.Targets) and every text, date and paging parameter of every query string
/// (found from the endpoints themselves): control characters (C0, DEL, C1, unpaired surrogates) at
/// random places, dates and instants outside 1900–2200 (random years and the extremes), and extreme
/// page numbers and sizes. Each answer is a 400 problem with a code naming the field; nothing stored
/// changes. The values are drawn from a seed printed with any failure, new each run.
/// </summary>
public sealed class BoundedInputFuzzTests(OneStudio api) : IClassFixture<OneStudio>
{
    private const string Placeholder = "__fuzz_value__";
    private static readonly int Seed = Environment.GetEnvironmentVariable("UC_FUZZ_SEED") is { } s ? int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : Random.Shared.Next();

    /// <summary>GET endpoints and how to reach them; their query parameters come from the handlers' signatures.</summary>
    private static IEnumerable<(string Route, Func<StudioData, string> Url, bool Anonymous)> Lists()
    {
        yield return ("/api/v1/customers", _ => "/api/v1/customers", false);
        yield return ("/api/v1/customers/{customerId}/bookings", d => $"/api/v1/customers/{d.Customer}/bookings", false);
        yield return ("/api/v1/customers/{customerId}/credit-ledger", d => $"/api/v1/customers/{d.Customer}/credit-ledger", false);
        yield return ("/api/v1/sessions", _ => "/api/v1/sessions", false);
        yield return ("/api/v1/public/{slug}/schedule", d => $"/api/v1/public/{d.Studio.Slug}/schedule", true);
    }

    /// <summary>Values the query needs to be valid apart from the one being fuzzed.</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> Required = new()
    {
        ["/api/v1/sessions"] = new() { ["from"] = "2026-06-01", ["to"] = "2026-06-07" },
    };

    /// <summary>JSON string literals (escaped as a client would send them) holding a character the bounds refuse.</summary>
    private static IEnumerable<string> UncleanJsonStrings(Random random)
    {
        yield return "\"\\u0000\"";
        yield return "\"a\\u0000b\"";
        for (var i = 0; i < 4; i++)
        {
            var c0 = random.Next(0, 0x20);
            if (c0 is 0x09 or 0x0A or 0x0D) c0 = 0x0B;
            yield return $"\"{Word(random)}\\u{c0:X4}{Word(random)}\"";
        }
        yield return $"\"{Word(random)}\\u007F{Word(random)}\"";
        yield return $"\"{Word(random)}\\u{random.Next(0x80, 0xA0):X4}{Word(random)}\"";
        yield return $"\"{Word(random)}\\u{random.Next(0xD800, 0xDC00):X4}{Word(random)}\"";
        yield return $"\"{Word(random)}\\u{random.Next(0xDC00, 0xE000):X4}\"";
    }

    private static IEnumerable<string> UncleanQueryValues(Random random)
    {
        yield return "%00";
        yield return $"{Word(random)}%00";
        for (var i = 0; i < 3; i++) yield return $"{Word(random)}%{random.Next(1, 0x20):X2}{Word(random)}";
        yield return $"{Word(random)}%7F{Word(random)}";
        yield return $"{Word(random)}%C2%{random.Next(0x80, 0xA0):X2}{Word(random)}";
        // (A surrogate encoded in UTF-8, %ED%A0%80, is not UTF-8: the server reads it as U+FFFD, which is text.)
    }

    private static IEnumerable<string> OutOfRangeDates(Random random) =>
    [
        "0001-01-01", "1899-12-31", "2201-01-01", "9999-12-31",
        $"{random.Next(1, 1900):D4}-{random.Next(1, 13):D2}-{random.Next(1, 29):D2}",
        $"{random.Next(2201, 10000):D4}-{random.Next(1, 13):D2}-{random.Next(1, 29):D2}",
    ];

    private static IEnumerable<string> OutOfRangeInstants(Random random) =>
    [
        "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59-14:00",
        "1899-12-31T23:59:59Z", "2201-01-01T00:00:00Z", "2200-12-31T23:00:00-05:00",
        $"{random.Next(2201, 10000):D4}-{random.Next(1, 13):D2}-{random.Next(1, 29):D2}T{random.Next(0, 24):D2}:00:00Z",
        $"{random.Next(1, 1900):D4}-{random.Next(1, 13):D2}-{random.Next(1, 29):D2}T{random.Next(0, 24):D2}:00:00+0{random.Next(0, 10)}:00",
    ];

    private static readonly string[] ExtremePages = ["0", "-1", "100001", "2147483647", "2147483648", "-2147483648", "99999999999999999999", "1e3", "0x10"];

    private static string Word(Random random) => new(Enumerable.Range(0, random.Next(1, 6)).Select(_ => (char)random.Next('a', 'z' + 1)).ToArray());

    private sealed record Case(string Label, string Method, string Url, string? Body, string Field, bool Anonymous);

    private static IEnumerable<Case> BodyCases(StudioData data, Random random)
    {
        foreach (var target in Targets().Where(t => t.Valid is not null))
        {
            var anonymous = target.Route.StartsWith("/api/v1/public", StringComparison.Ordinal);
            foreach (var field in target.Fields)
            {
                var values = field.Kind switch
                {
                    Kind.Str => UncleanJsonStrings(random).ToList(),
                    Kind.Date => OutOfRangeDates(random).Select(d => $"\"{d}\"").ToList(),
                    Kind.DateTime => OutOfRangeInstants(random).Select(d => $"\"{d}\"").ToList(),
                    _ => [],
                };
                foreach (var literal in values)
                {
                    var body = target.Valid!(data);
                    body[field.Name] = Placeholder;
                    yield return new($"{field.Name} = {literal}", target.Method, target.Url(data),
                        body.ToJsonString().Replace($"\"{Placeholder}\"", literal, StringComparison.Ordinal), field.Name, anonymous);
                }
            }
        }
    }

    private static IEnumerable<(string Route, string Parameter, Type Type)> QueryParameters(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .SelectMany(e => (e.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [])
                .Where(p => e.RoutePattern.GetParameter(p.Name!) is null)
                .Where(p => (Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType) is var t
                            && (t == typeof(string) || t == typeof(DateOnly) || t == typeof(DateTimeOffset) || t == typeof(int)))
                .Select(p => (e.RoutePattern.RawText!.TrimEnd('/'), p.Name!, Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType)));

    private IEnumerable<Case> QueryCases(StudioData data, Random random)
    {
        var parameters = QueryParameters(api.Services).ToList();
        foreach (var (route, url, anonymous) in Lists())
        {
            foreach (var (_, parameter, type) in parameters.Where(p => p.Route == route))
            {
                var values = type == typeof(string) ? UncleanQueryValues(random)
                    : type == typeof(DateOnly) ? OutOfRangeDates(random)
                    : type == typeof(DateTimeOffset) ? OutOfRangeInstants(random).Select(Uri.EscapeDataString)
                    : ExtremePages;
                foreach (var value in values)
                {
                    var query = new Dictionary<string, string>(Required.GetValueOrDefault(route) ?? []) { [parameter] = value };
                    yield return new($"?{parameter}={value}", "GET", url(data) + "?" + string.Join('&', query.Select(q => $"{q.Key}={q.Value}")), null, parameter, anonymous);
                }
            }
        }
        foreach (var slug in new[] { "%01", "a%1Fb", "%7F", "%C2%85", "x%ED%A0%80" })
            yield return new($"slug {slug}", "GET", $"/api/v1/public/{slug}/schedule", null, "slug", true);
    }

    [Fact]
    public async Task OutOfBoundsValues_InEveryTextDateAndPageField_Are400WithTheField_AndChangeNoRow()
    {
        var data = api.Data;
        var random = new Random(Seed);
        var before = await Rows.FingerprintAsync(api.Database);
        var anonymous = api.CreateClient();
        var failures = new List<string>();
        var sent = 0;

        foreach (var c in BodyCases(data, random).Concat(QueryCases(data, random)))
        {
            using var request = new HttpRequestMessage(new HttpMethod(c.Method), c.Url);
            if (c.Body is not null) request.Content = new StringContent(c.Body, Encoding.UTF8, "application/json");
            var response = await (c.Anonymous ? anonymous : data.Studio.Client).SendAsync(request);
            sent++;
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (c.Field == "slug")
            {
                if (status != 404 || !text.Contains("organization.not_found", StringComparison.Ordinal)) failures.Add($"{c.Method} {c.Url} [{c.Label}] → {status} {text}");
                continue;
            }
            if (status != 400 || response.Content.Headers.ContentType?.MediaType != "application/problem+json" || !NamesField(text, c.Field))
                failures.Add($"{c.Method} {c.Url} [{c.Label}] → {status} {(text.Length > 300 ? text[..300] : text)}");
        }

        failures.Should().BeEmpty($"seed {Seed} (set UC_FUZZ_SEED to replay); {failures.Count} failures:\n{string.Join("\n", failures)}");
        sent.Should().BeGreaterThan(300);
        (await Rows.FingerprintAsync(api.Database)).Should().Be(before, "no out-of-bounds value may change a row");
    }

    [Fact]
    public void TheSuite_CoversEveryQueryParameterThatTakesTextDatesOrPages()
    {
        var covered = Lists().Select(l => l.Route).ToHashSet();
        var found = QueryParameters(api.Services).Select(p => $"{p.Route}?{p.Parameter}").ToList();
        found.Should().Contain(["/api/v1/customers?name", "/api/v1/customers?page", "/api/v1/sessions?from", "/api/v1/public/{slug}/schedule?to"]);
        QueryParameters(api.Services).Select(p => p.Route).Distinct()
            .Should().OnlyContain(route => covered.Contains(route), "a new GET with text, date or paging parameters needs its route in Lists()");
    }

    /// <summary>A problem with a code whose `errors` names the field.</summary>
    private static bool NamesField(string text, string field)
    {
        try
        {
            var root = JsonDocument.Parse(text).RootElement;
            return root.TryGetProperty("code", out var code) && code.GetString() is { Length: > 0 }
                && root.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
