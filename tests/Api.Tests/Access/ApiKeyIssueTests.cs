using System.Net;
using UnifiedCustomers.Api.Tests.Support;
using UnifiedCustomers.Infrastructure.Access;

namespace UnifiedCustomers.Api.Tests.Access;

public sealed class ApiKeyIssueTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AKeptKey_IsReusedWhileItWorks_ElseANewOneIsIssued()
    {
        var studio = await api.StudioAsync();
        var other = await api.StudioAsync();
        await using var db = api.Database.CreateDbContext();

        var reused = await ApiKeyStore.ReuseOrIssueAsync(db, studio.Slug, "demo", studio.ApiKey, api.Clock.GetUtcNow());
        var forAnotherStudio = await ApiKeyStore.ReuseOrIssueAsync(db, studio.Slug, "demo", other.ApiKey, api.Clock.GetUtcNow());
        var stale = await ApiKeyStore.ReuseOrIssueAsync(db, studio.Slug, "demo", "uc_live_stale000000000000000000000000000000", api.Clock.GetUtcNow());

        reused.Should().Be(studio.ApiKey);
        forAnotherStudio.Should().NotBe(other.ApiKey).And.StartWith("uc_live_");
        stale.Should().StartWith("uc_live_").And.HaveLength("uc_live_".Length + 40);
        (await api.ClientWithKey(stale!).GetAsync("/api/v1/customers")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Issue_ForAnUnknownSlug_GivesNoKey()
    {
        await using var db = api.Database.CreateDbContext();

        (await ApiKeyStore.IssueAsync(db, "no-such-studio", "x", api.Clock.GetUtcNow())).Should().BeNull();
    }
}
