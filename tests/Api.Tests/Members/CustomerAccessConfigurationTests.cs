using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace UnifiedCustomers.Api.Tests.Members;

/// <summary>The signing key of customer tokens comes from configuration; only Development has a default.</summary>
public sealed class CustomerAccessConfigurationTests
{
    private static WebApplicationFactory<Program> Api(string environment, string key) => new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Default", "Host=127.0.0.1;Port=1;Database=unused;Username=nobody");
        builder.UseSetting("CustomerAccess:SigningKey", key);
    });

    [Theory]
    [InlineData("Production", "")]
    [InlineData("Staging", "")]
    [InlineData("Production", "too-short-a-key")]
    public void WithoutAUsableSigningKey_OutsideDevelopment_TheApiDoesNotStart(string environment, string key)
    {
        using var api = Api(environment, key);

        var start = () => api.CreateClient();

        start.Should().Throw<InvalidOperationException>().WithMessage("*CustomerAccess:SigningKey*");
    }

    [Fact]
    public async Task InDevelopment_ADefaultKeyIsUsed()
    {
        using var api = Api("Development", "");

        (await api.CreateClient().GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
