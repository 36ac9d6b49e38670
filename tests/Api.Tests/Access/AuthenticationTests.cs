using System.Net;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Access;

public sealed class AuthenticationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task NoKey_Is401ProblemWithBearerChallenge()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/customers");

        await response.ShouldBeProblem(HttpStatusCode.Unauthorized, "auth.api_key_missing");
        response.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");
    }

    [Theory]
    [InlineData("Bearer uc_live_notarealkeynotarealkeynotarealkey")]
    [InlineData("Bearer something-else")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task UnknownKey_Is401(string header)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);

        await (await client.GetAsync("/api/v1/customers")).ShouldBeProblem(HttpStatusCode.Unauthorized, "auth.api_key_invalid");
    }

    [Fact]
    public async Task RevokedKey_Is401_AndAValidKeyOfTheSameStudioStillWorks()
    {
        var studio = await api.StudioAsync();
        await using (var db = api.Database.CreateDbContext())
        {
            (await Infrastructure.Access.ApiKeyStore.RevokeAsync(db, studio.ApiKey[..16], api.Clock.GetUtcNow())).Should().BeTrue();
        }

        await (await studio.GetAsync("/api/v1/customers")).ShouldBeProblem(HttpStatusCode.Unauthorized, "auth.api_key_invalid");
        await using (var db = api.Database.CreateDbContext())
        {
            var fresh = await Infrastructure.Access.ApiKeyStore.IssueAsync(db, studio.Slug, "second", api.Clock.GetUtcNow());
            (await api.ClientWithKey(fresh!).GetAsync("/api/v1/customers")).StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task ARecognisedKey_IsRemembered30Seconds_SoARevokedKeyStopsWorkingWithinThem()
    {
        var studio = await api.StudioAsync();
        (await studio.GetAsync("/api/v1/customers")).StatusCode.Should().Be(HttpStatusCode.OK);
        await using (var db = api.Database.CreateDbContext())
        {
            (await Infrastructure.Access.ApiKeyStore.RevokeAsync(db, studio.ApiKey[..16], api.Clock.GetUtcNow())).Should().BeTrue();
        }

        api.Clock.Advance(TimeSpan.FromSeconds(29));
        var remembered = await studio.GetAsync("/api/v1/customers");
        api.Clock.Advance(TimeSpan.FromSeconds(2));
        var forgotten = await studio.GetAsync("/api/v1/customers");

        remembered.StatusCode.Should().Be(HttpStatusCode.OK, "the key was recognised less than 30 seconds ago");
        await forgotten.ShouldBeProblem(HttpStatusCode.Unauthorized, "auth.api_key_invalid");
    }

    [Fact]
    public async Task KeyIsStoredHashed_NeverInClear()
    {
        var studio = await api.StudioAsync();
        await using var db = api.Database.CreateDbContext();

        var row = db.Set<Infrastructure.Access.ApiKey>().Single(k => k.OrganizationId == studio.Id);

        studio.ApiKey.Should().StartWith("uc_live_");
        row.KeyPrefix.Should().Be(studio.ApiKey[..16]);
        row.KeyHash.Should().Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(studio.ApiKey)));
    }

    [Fact]
    public async Task HealthDocsAndOpenApi_NeedNoKey()
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = null;

        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/openapi/v1.json")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/docs")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
