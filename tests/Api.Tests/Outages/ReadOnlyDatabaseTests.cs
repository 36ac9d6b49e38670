using System.Net;
using System.Net.Http.Json;
using Npgsql;
using UnifiedCustomers.Api.Tests.Health;
using UnifiedCustomers.Api.Tests.Support;
using UnifiedCustomers.Infrastructure.Persistence;

namespace UnifiedCustomers.Api.Tests.Outages;

/// <summary>The API's connections accept no writes, as on a standby or a primary being failed over.</summary>
public sealed class ReadOnlyDatabase : ApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["ConnectionStrings:App"] = new NpgsqlConnectionStringBuilder(Database.ConnectionString)
        {
            Username = DatabaseRoles.App, Options = "-c default_transaction_read_only=on",
        }.ConnectionString,
    };
}

public sealed class ReadOnlyDatabaseTests(ReadOnlyDatabase api) : IClassFixture<ReadOnlyDatabase>
{
    [Fact]
    public async Task AWrite_Is503WithRetryAfter_ReadsStillWork_AndTheServiceIsNotReady()
    {
        var studio = await api.StudioAsync();

        var write = await studio.PostAsync("/api/v1/customers", new { firstName = "Ann", lastName = "Lee" });
        var read = await studio.GetAsync("/api/v1/customers");
        var ready = await api.CreateClient().GetAsync("/health/ready");

        await write.ShouldBeProblem(HttpStatusCode.ServiceUnavailable, "database.unavailable");
        write.Headers.RetryAfter!.Delta.Should().BePositive();
        await read.ShouldBe(HttpStatusCode.OK);
        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await ready.Content.ReadFromJsonAsync<HealthTests.HealthBody>())!.Reason.Should().Contain("accepts no writes");
        await using var db = api.OwnerDbContext();
        db.Customers.Count(c => c.OrganizationId == studio.Id).Should().Be(0);
    }
}
