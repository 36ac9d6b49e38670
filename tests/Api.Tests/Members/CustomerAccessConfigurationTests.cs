using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using UnifiedCustomers.Api.Access;

namespace UnifiedCustomers.Api.Tests.Members;

/// <summary>The signing key of customer tokens comes from configuration; only Development has a default.</summary>
public sealed class CustomerAccessConfigurationTests
{
    private static IEnumerable<string> Problems(string environment, string? key) => CustomerAccessServices.Problems(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["CustomerAccess:SigningKey"] = key }).Build(),
        new HostingEnvironment { EnvironmentName = environment }).ToList();

    [Theory]
    [InlineData("Production", null, "*is not set*")]
    [InlineData("Staging", "  ", "*is not set*")]
    [InlineData("Production", "too-short-a-key", "*shorter than 32 bytes*")]
    [InlineData("Development", "too-short-a-key", "*shorter than 32 bytes*")]
    public void WithoutAUsableSigningKey_TheStartStopsWithOneProblem(string environment, string? key, string problem) =>
        Problems(environment, key).Should().ContainSingle().Which.Should().Match(problem);

    [Theory]
    [InlineData("Production", "a-production-key-of-at-least-32-bytes!!")]
    [InlineData("Development", null)]
    public void WithAKey_OrInDevelopment_NothingStopsTheStart(string environment, string? key) =>
        Problems(environment, key).Should().BeEmpty();

    [Fact]
    public async Task InDevelopment_TheApiStartsWithTheDefaultKey()
    {
        using var api = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Default", "Host=127.0.0.1;Port=1;Database=unused;Username=nobody");
            builder.UseSetting("CustomerAccess:SigningKey", "");
            builder.UseSetting("Jobs:Enabled", "false");
        });

        (await api.CreateClient().GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
