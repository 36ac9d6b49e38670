using System.Net;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Errors;

public sealed class ProblemDetailsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("""{"customerId": "not-a-guid", "sessionId": "0193a5c4-6a2f-7d10-8e3b-4c5d6e7f8a91"}""", "customerId")]
    [InlineData("""{"customerId": "0193a5c4-6a2f-7d10-8e3b-4c5d6e7f8a91", "sessionId": "0193a5c4-6a2f-7d10-8e3b-4c5d6e7f8a91", "payment": {"method": "cash"}}""", "payment.method")]
    [InlineData("""{"customerId": "0193a5c4-6a2f-7d10-8e3b-4c5d6e7f8a91"}""", "sessionId")]
    [InlineData("""{"customerId": "0193a5c4-6a2f-7d10-8e3b-4c5d6e7f8a91", "sessionId": "0193a5c4-6a2f-7d10-8e3b-4c5d6e7f8a91", "organizationId": "0193a5c4-6a2f-7d10-8e3b-4c5d6e7f8a91"}""", "organizationId")]
    [InlineData("""{"customerId": "0193a5c4-6a2f-7d10-8e3b-4c5d6e7f8a91", "sessionId": "0193a5c4-6a2f-7d10-8e3b-4c5d6e7f8a91", "joinWaitlistIfFull": "yes"}""", "joinWaitlistIfFull")]
    public async Task UnreadableBody_Is400Malformed_NamingTheField(string body, string field)
    {
        var studio = await api.StudioAsync();

        var problem = await (await studio.PostAsync("/api/v1/bookings", body)).ShouldBeProblem(HttpStatusCode.BadRequest, "request.malformed");

        problem.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(problem.ToString());
    }

    [Fact]
    public async Task BrokenJson_Is400Malformed()
    {
        var studio = await api.StudioAsync();

        await (await studio.PostAsync("/api/v1/bookings", "{\"customerId\": ")).ShouldBeProblem(HttpStatusCode.BadRequest, "request.malformed");
        await (await studio.PostAsync("/api/v1/bookings", null)).ShouldBeProblem(HttpStatusCode.BadRequest, "request.malformed");
    }

    [Fact]
    public async Task ValidationFailures_Are400_WithEveryFieldInCamelCase()
    {
        var studio = await api.StudioAsync();

        var response = await studio.PostAsync("/api/v1/bookings/batch", new { customerId = Guid.Empty, sessionIds = new[] { Guid.Empty }, payment = new { method = "pack" } });

        var errors = (await response.ShouldBeProblem(HttpStatusCode.BadRequest, "validation.failed")).GetProperty("errors");
        errors.TryGetProperty("customerId", out _).Should().BeTrue(errors.ToString());
        errors.TryGetProperty("sessionIds[0]", out _).Should().BeTrue(errors.ToString());
        errors.TryGetProperty("payment.id", out _).Should().BeTrue(errors.ToString());
    }

    [Fact]
    public async Task FrameworkErrors_AreProblemsWithACode()
    {
        var studio = await api.StudioAsync();

        await (await studio.GetAsync("/api/v1/nothing-here")).ShouldBeProblem(HttpStatusCode.NotFound, "route.not_found");
        await (await studio.SendAsync(HttpMethod.Delete, "/api/v1/customers", null)).ShouldBeProblem(HttpStatusCode.MethodNotAllowed, "request.method_not_allowed");
        using var form = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers") { Content = new StringContent("firstName=a", System.Text.Encoding.UTF8, "text/plain") };
        await (await studio.Client.SendAsync(form)).ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
        await (await studio.GetAsync("/api/v1/customers/not-a-guid")).ShouldBeProblem(HttpStatusCode.BadRequest, "request.malformed");
    }
}

public sealed class ServerErrorTests(UnmigratedApiFactory api) : IClassFixture<UnmigratedApiFactory>
{
    [Fact]
    public async Task AnUnexpectedFailure_Is500ServerError_WithoutInternals()
    {
        var client = api.ClientWithKey("uc_live_0123456789abcdefghijklmnopqrstuvwxyz");

        var response = await client.GetAsync("/api/v1/customers");

        var problem = await response.ShouldBeProblem(HttpStatusCode.InternalServerError, "server.error");
        var text = problem.ToString();
        text.Should().NotContainAny("api_keys", "relation", "Npgsql", "Exception", "   at ");
    }
}
