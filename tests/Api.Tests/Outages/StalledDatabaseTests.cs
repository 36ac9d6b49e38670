using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using UnifiedCustomers.Api.Tests.Support;
using UnifiedCustomers.Infrastructure.Persistence;

namespace UnifiedCustomers.Api.Tests.Outages;

/// <summary>The API's role with a statement timeout of 1 s and a pool of 2 connections that waits 1 s for one.</summary>
public sealed class SmallPoolWithStatementTimeout : ApiFactory
{
    public const int PoolSize = 2;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["ConnectionStrings:App"] = new NpgsqlConnectionStringBuilder(Database.ConnectionString)
        {
            Username = DatabaseRoles.App, Options = "-c statement_timeout=1000", Timeout = 1,
        }.ConnectionString,
        ["Database:MaxPoolSize"] = PoolSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class StalledDatabaseTests(SmallPoolWithStatementTimeout api) : IClassFixture<SmallPoolWithStatementTimeout>
{
    [Fact]
    public async Task AStatementPastItsTimeout_And_AnExhaustedPool_Are503WithRetryAfter_AndBookNothing()
    {
        var studio = await api.StudioAsync();
        var customer = await studio.CustomerAsync("Stalled", "Database");
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(1));

        await using (var owner = new NpgsqlConnection(api.Database.ConnectionString))
        {
            await owner.OpenAsync();
            await using var locking = await owner.BeginTransactionAsync();
            await using (var lockTable = new NpgsqlCommand("LOCK TABLE customers IN ACCESS EXCLUSIVE MODE", owner, locking)) await lockTable.ExecuteNonQueryAsync();

            var stalled = Enumerable.Range(0, 4)
                .Select(_ => studio.PostAsync("/api/v1/bookings", new { customerId = customer, sessionId = session }))
                .Append(studio.GetAsync("/api/v1/customers"))
                .ToList();
            foreach (var response in await Task.WhenAll(stalled))
            {
                await response.ShouldBeProblem(HttpStatusCode.ServiceUnavailable, "database.unavailable");
                response.Headers.RetryAfter!.Delta.Should().BePositive();
            }
            await locking.RollbackAsync();
        }

        await using (var db = api.Database.CreateDbContext())
        {
            (await db.Bookings.CountAsync(b => b.CustomerId == customer)).Should().Be(0);
        }
        await (await studio.PostAsync("/api/v1/bookings", new { customerId = customer, sessionId = session })).ShouldBe(HttpStatusCode.Created);
    }
}

public sealed class SmallPool : ApiFactory
{
    public const int PoolSize = 3;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Database:MaxPoolSize"] = PoolSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>One pool for everything the API does (it used to open two), of the configured size, and no deadlock on it.</summary>
public sealed class ConnectionPoolTests(SmallPool api) : IClassFixture<SmallPool>
{
    [Fact]
    public async Task TheApiHoldsOnePoolOfTheConfiguredSize_EvenWithIdempotentRequests()
    {
        var studio = await api.StudioAsync();
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(capacity: 100), TimeSpan.FromDays(1), capacity: 100);
        var customers = new List<Guid>();
        for (var i = 0; i < 8; i++) customers.Add(await studio.CustomerAsync("Pool", $"Member{i}"));
        var observed = 0L;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            await using var owner = new NpgsqlConnection(api.Database.ConnectionString);
            await owner.OpenAsync();
            while (!sampling.IsCancellationRequested)
            {
                await using var count = new NpgsqlCommand(
                    "SELECT count(*) FROM pg_stat_activity WHERE usename = 'uc_app' AND datname = current_database()", owner);
                observed = Math.Max(observed, (long)(await count.ExecuteScalarAsync())!);
                await Task.Delay(5);
            }
        });

        var requests = customers.Select((customer, i) => studio.PostAsync("/api/v1/bookings", new { customerId = customer, sessionId = session }, idempotencyKey: $"pool-{i}"))
            .Concat(Enumerable.Range(0, 8).Select(_ => studio.GetAsync("/api/v1/customers")))
            .ToList();
        var responses = await Task.WhenAll(requests);
        sampling.Cancel();
        await sampler;

        responses.Select(r => r.StatusCode).Should().OnlyContain(s => s == HttpStatusCode.Created || s == HttpStatusCode.OK);
        observed.Should().BeInRange(1, SmallPool.PoolSize);
    }
}
