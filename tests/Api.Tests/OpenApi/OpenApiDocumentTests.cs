using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using UnifiedCustomers.Api.Tests.Support;
using UnifiedCustomers.Testing;

namespace UnifiedCustomers.Api.Tests.OpenApi;

public sealed class OpenApiDocumentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>The committed snapshot the TypeScript types are generated from.</summary>
    private static readonly string Snapshot = Path.Combine(TestServer.RepositoryRoot(), "clients", "typescript", "openapi.json");

    private async Task<JsonNode> DocumentAsync() => JsonNode.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json"))!;

    [Fact]
    public async Task Document_IsOpenApi31_WithBearerSecurity_ProblemsAndBookingExamples()
    {
        var document = await DocumentAsync();

        document["openapi"]!.GetValue<string>().Should().StartWith("3.1");
        document["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>().Should().Be("bearer");
        var book = document["paths"]!["/api/v1/bookings"]!["post"]!;
        book["summary"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        book["security"]!.AsArray().Should().NotBeEmpty();
        book["requestBody"]!["content"]!["application/json"]!["example"]!["customerId"].Should().NotBeNull();
        book["responses"]!["201"]!["content"]!["application/json"]!["example"]!["className"]!.GetValue<string>().Should().Be("Vinyasa Flow");
        foreach (var status in new[] { "400", "401", "404", "409", "422" })
            book["responses"]![status]!["content"]!["application/problem+json"].Should().NotBeNull(status);
        book["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Should().Contain("Idempotency-Key");
        document["components"]!["schemas"]!["ProblemDetails"]!["properties"]!["code"].Should().NotBeNull();
        document["paths"]!["/api/v1/public/{slug}/schedule"]!["get"]!["security"].Should().BeNull("the widget surface needs no key");
        document["components"]!["schemas"]!["BookingStatus"]!["enum"]!.AsArray().Select(v => v?.GetValue<string>()).Should().Contain("late_cancelled");
    }

    // Found by a helper checking the contract: only the merge-patch routes documented their 415, and no response any header.
    [Fact]
    public async Task EveryOperation_DocumentsThe415AndTheHeadersItsAnswersCarry()
    {
        var document = await DocumentAsync();

        var missing = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var responses = operation!["responses"]!.AsObject();
                var idempotent = operation["parameters"]?.AsArray().Any(p => p!["name"]!.GetValue<string>() == "Idempotency-Key") ?? false;
                if (operation["requestBody"] is not null && !responses.ContainsKey("415")) missing.Add($"{method} {path}: 415");
                foreach (var (status, response) in responses)
                {
                    var headers = response!["headers"]?.AsObject();
                    if (status == "201" && headers?.ContainsKey("Location") != true) missing.Add($"{method} {path} {status}: Location");
                    if (idempotent && status is "200" or "201" or "202" && headers?.ContainsKey("Idempotent-Replayed") != true)
                        missing.Add($"{method} {path} {status}: Idempotent-Replayed");
                    if (status is "429" or "503" && headers?.ContainsKey("Retry-After") != true) missing.Add($"{method} {path} {status}: Retry-After");
                }
            }
        }

        missing.Should().BeEmpty();
        document["paths"]!["/api/v1/public/{slug}/bookings"]!["post"]!["responses"]!["429"].Should().NotBeNull();
    }

    [Fact]
    public async Task CommittedSnapshot_MatchesTheLiveDocument()
    {
        var live = (await DocumentAsync()).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI_SNAPSHOT") == "1") await File.WriteAllTextAsync(Snapshot, live);

        var committed = File.Exists(Snapshot) ? await File.ReadAllTextAsync(Snapshot) : "";

        committed.Should().Be(live, "clients/typescript/openapi.json is stale: run `UPDATE_OPENAPI_SNAPSHOT=1 dotnet test tests/Api.Tests --filter CommittedSnapshot` then `npm run generate` in clients/typescript");
    }

    [Fact]
    public async Task Docs_ServeTheScalarReference()
    {
        var response = await api.CreateClient().GetAsync("/docs");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain("UnifiedCustomers API");
    }
}
