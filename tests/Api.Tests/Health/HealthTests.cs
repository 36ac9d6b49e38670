using System.Net;
using System.Net.Http.Json;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Health;

public sealed class HealthTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Live_IsOk()
    {
        var response = await api.CreateClient().GetAsync("/health/live");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ready_OnMigratedDatabase_IsOk()
    {
        var response = await api.CreateClient().GetAsync("/health/ready");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<HealthBody>())!.Status.Should().Be("ready");
    }

    internal sealed record HealthBody(string Status, string? Reason, string[]? PendingMigrations);
}

public sealed class UnmigratedHealthTests(UnmigratedApiFactory api) : IClassFixture<UnmigratedApiFactory>
{
    [Fact]
    public async Task Ready_OnUnmigratedDatabase_Is503WithThePendingMigrations()
    {
        var response = await api.CreateClient().GetAsync("/health/ready");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var body = await response.Content.ReadFromJsonAsync<HealthTests.HealthBody>();
        body!.Reason.Should().Contain("pending migrations");
        body.PendingMigrations.Should().NotBeEmpty();
    }
}
