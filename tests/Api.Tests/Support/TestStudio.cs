using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace UnifiedCustomers.Api.Tests.Support;

/// <summary>One organization seen through its API key: arranges data through the API itself, as a client would.</summary>
public sealed class TestStudio(ApiFactory api, Guid id, string slug, string apiKey, HttpClient client)
{
    public ApiFactory Api { get; } = api;
    public Guid Id { get; } = id;
    public string Slug { get; } = slug;
    public string ApiKey { get; } = apiKey;
    public HttpClient Client { get; } = client;

    public Task<HttpResponseMessage> PostAsync(string path, object? body, string? idempotencyKey = null) => SendAsync(HttpMethod.Post, path, body, idempotencyKey);

    public Task<HttpResponseMessage> PutAsync(string path, object? body) => SendAsync(HttpMethod.Put, path, body);

    public Task<HttpResponseMessage> GetAsync(string path) => Client.GetAsync(path);

    /// <summary>A JSON Merge Patch (application/merge-patch+json) of the resource at the path.</summary>
    public async Task<HttpResponseMessage> PatchAsync(string path, object body, string contentType = "application/merge-patch+json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, path);
        var json = body as string ?? JsonSerializer.Serialize(body, HttpAssertions.Json);
        request.Content = new StringContent(json, Encoding.UTF8);
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return await Client.SendAsync(request);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = body is string raw ? new StringContent(raw, Encoding.UTF8, "application/json") : JsonContent.Create(body);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await Client.SendAsync(request);
    }

    public async Task<JsonElement> CreatedAsync(string path, object body)
    {
        var response = await PostAsync(path, body);
        await response.ShouldBe(HttpStatusCode.Created);
        return await response.JsonAsync();
    }

    public async Task<Guid> ClassTypeAsync(string name = "Vinyasa Flow", int capacity = 12) =>
        (await CreatedAsync("/api/v1/class-types", new { name, defaultCapacity = capacity, defaultDurationMinutes = 60 })).Id();

    public async Task<Guid> InstructorAsync(string name = "Rosa") => (await CreatedAsync("/api/v1/instructors", new { name })).Id();

    public async Task<Guid> LocationAsync(string name = "Studio 1") => (await CreatedAsync("/api/v1/locations", new { name })).Id();

    public async Task<Guid> CustomerAsync(string firstName = "Amy", string lastName = "Archer", string? email = null) =>
        (await CreatedAsync("/api/v1/customers", new { firstName, lastName, email })).Id();

    public async Task<Guid> SessionAsync(Guid classTypeId, TimeSpan fromNow, int capacity = 12) =>
        (await CreatedAsync("/api/v1/sessions", new { classTypeId, startsAt = Api.Clock.GetUtcNow() + fromNow, capacity })).Id();

    public async Task<Guid> PackAsync(Guid customerId, int credits = 5)
    {
        var product = (await CreatedAsync("/api/v1/pack-products", new { name = $"{credits} Class Pass", credits, validityDays = 90 })).Id();
        return (await CreatedAsync($"/api/v1/customers/{customerId}/packs", new { productId = product })).Id();
    }

    public async Task<Guid> MembershipAsync(Guid customerId, string period = "week", int? classes = 2)
    {
        var plan = (await CreatedAsync("/api/v1/membership-plans", new { name = "Plan " + Guid.NewGuid().ToString("N")[..6], allowancePeriod = period, allowanceClasses = classes })).Id();
        return (await CreatedAsync($"/api/v1/customers/{customerId}/memberships", new { planId = plan, startDate = "2026-05-01" })).Id();
    }

    /// <summary>A customer access token (POST /customers/{id}/access-tokens) and a client that sends it.</summary>
    public async Task<(string Token, Guid TokenId, HttpClient Client)> MemberAsync(Guid customerId, int? expiresInMinutes = null)
    {
        var issued = await CreatedAsync($"/api/v1/customers/{customerId}/access-tokens", new { expiresInMinutes, label = "tests" });
        var token = issued.Str("token")!;
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return (token, issued.Id(), client);
    }

    public async Task<Guid> BookingAsync(Guid customerId, Guid sessionId) =>
        (await CreatedAsync("/api/v1/bookings", new { customerId, sessionId })).Id();
}

public static class HttpAssertions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task ShouldBe(this HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
            throw new Xunit.Sdk.XunitException($"Expected {(int)status} but got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>The response is an RFC 9457 problem with this status and code.</summary>
    public static async Task<JsonElement> ShouldBeProblem(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        await response.ShouldBe(status);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var problem = await response.JsonAsync();
        problem.GetProperty("code").GetString().Should().Be(code);
        problem.GetProperty("status").GetInt32().Should().Be((int)status);
        problem.GetProperty("type").GetString().Should().EndWith("#" + code);
        problem.GetProperty("title").GetString().Should().NotBeNullOrEmpty();
        return problem;
    }

    public static Guid Id(this JsonElement json) => json.GetProperty("id").GetGuid();

    public static string? Str(this JsonElement json, string property) => json.GetProperty(property).GetString();
}
