using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Api.Tests.Support;

namespace UnifiedCustomers.Api.Tests.Outages;

/// <summary>
/// PostgreSQL restarted and stopped under the running API (a cluster of this class's own): refusals
/// are 503 with Retry-After and a code, never 500; nothing is half booked; the API heals by itself.
/// </summary>
public sealed class DatabaseRestartTests(OwnClusterApiFactory api) : IClassFixture<OwnClusterApiFactory>
{
    [Fact]
    public async Task TheFirstRequestAfterAnIdleRestart_Succeeds_OnEveryPath()
    {
        var studio = await api.StudioAsync();
        var classType = await studio.ClassTypeAsync();
        var session = await studio.SessionAsync(classType, TimeSpan.FromDays(1), capacity: 50);
        var customer = await studio.CustomerAsync("Idle", "Restart");
        await WarmThePoolAsync(studio);

        await api.RestartAsync();
        await (await studio.GetAsync("/api/v1/customers")).ShouldBe(HttpStatusCode.OK);

        await WarmThePoolAsync(studio);
        await api.RestartAsync();
        await (await api.CreateClient().GetAsync($"/api/v1/public/{studio.Slug}/schedule")).ShouldBe(HttpStatusCode.OK);

        await WarmThePoolAsync(studio);
        await api.RestartAsync();
        await (await studio.PostAsync("/api/v1/bookings", new { customerId = customer, sessionId = session }, idempotencyKey: "after-restart")).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task ADatabaseThatIsDown_Is503WithRetryAfter_AndTheApiRecoversWithoutARestart()
    {
        var studio = await api.StudioAsync();
        var customer = await studio.CustomerAsync("Down", "Time");
        var session = await studio.SessionAsync(await studio.ClassTypeAsync(), TimeSpan.FromDays(1));
        var anonymous = api.CreateClient();

        await api.HaltAsync();
        try
        {
            foreach (var response in new[]
                     {
                         await studio.GetAsync("/api/v1/customers"),
                         await studio.PostAsync("/api/v1/bookings", new { customerId = customer, sessionId = session }),
                         await studio.PostAsync("/api/v1/bookings", new { customerId = customer, sessionId = session }, idempotencyKey: "while-down"),
                         await anonymous.GetAsync($"/api/v1/public/{studio.Slug}/schedule"),
                         await anonymous.PostAsJsonAsync($"/api/v1/public/{studio.Slug}/bookings", new { sessionId = session, name = "A B", email = "ab@example.test" }),
                     })
            {
                await ShouldBeUnavailable(response);
            }
        }
        finally
        {
            await api.ResumeAsync();
        }

        await (await studio.PostAsync("/api/v1/bookings", new { customerId = customer, sessionId = session })).ShouldBe(HttpStatusCode.Created);
        await (await anonymous.GetAsync($"/api/v1/public/{studio.Slug}/schedule")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RestartUnderLoad_RefusalsAre503_NothingIsHalfBooked_AndBookingResumes()
    {
        var studio = await api.StudioAsync();
        var classType = await studio.ClassTypeAsync(capacity: 20);
        var sessions = new List<Guid>();
        for (var i = 0; i < 60; i++) sessions.Add(await studio.SessionAsync(classType, TimeSpan.FromHours(24 + i), capacity: 20));
        var customers = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var customer = await studio.CustomerAsync("Load", $"Tester{i}");
            await studio.PackAsync(customer, credits: 100);
            customers.Add(customer);
        }
        var answers = new ConcurrentBag<(HttpStatusCode Status, string? RetryAfter, string Body)>();
        using var stop = new CancellationTokenSource();

        var load = customers.Select(customer => Task.Run(async () =>
        {
            foreach (var session in sessions)
            {
                if (stop.IsCancellationRequested) break;
                var response = await studio.PostAsync("/api/v1/bookings", new { customerId = customer, sessionId = session });
                answers.Add((response.StatusCode, response.Headers.RetryAfter?.ToString(), await response.Content.ReadAsStringAsync()));
            }
        })).ToList();
        await Task.Delay(300);
        await api.RestartAsync();
        await Task.Delay(200);
        await api.HaltAsync();
        await Task.Delay(700);
        await api.ResumeAsync();
        await Task.WhenAll(load);

        answers.Select(a => a.Status).Distinct().Should().BeSubsetOf([HttpStatusCode.Created, HttpStatusCode.ServiceUnavailable]);
        answers.Should().Contain(a => a.Status == HttpStatusCode.ServiceUnavailable, "the database was down for a while during the load");
        answers.Should().Contain(a => a.Status == HttpStatusCode.Created);
        foreach (var refused in answers.Where(a => a.Status == HttpStatusCode.ServiceUnavailable))
        {
            refused.RetryAfter.Should().NotBeNullOrEmpty();
            refused.Body.Should().Contain("\"code\":\"database.unavailable\"");
        }

        await using var db = api.OwnerDbContext();
        var created = answers.Count(a => a.Status == HttpStatusCode.Created);
        var bookings = await db.Bookings.Where(b => b.OrganizationId == studio.Id).ToListAsync();
        // A booking whose COMMIT was sent when the connection died may have committed behind a 503, never the other way round.
        bookings.Count.Should().BeInRange(created, answers.Count);
        foreach (var customer in customers)
        {
            var pack = await db.ClassPacks.SingleAsync(p => p.CustomerId == customer);
            var charged = bookings.Count(b => b.CustomerId == customer && b.PackId == pack.Id);
            var ledger = await db.CreditLedger.Where(l => l.CustomerId == customer).ToListAsync();
            (pack.CreditsTotal - pack.CreditsRemaining).Should().Be(charged, "every booking spent exactly one credit, and no credit was spent without a booking");
            ledger.Count.Should().Be(charged, "every booking has its ledger row, and no ledger row is without its booking");
        }

        var after = await studio.PostAsync("/api/v1/bookings", new { customerId = customers[0], sessionId = await studio.SessionAsync(classType, TimeSpan.FromDays(10)) });
        await after.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task AServerOutOfConnectionSlots_Is503WithRetryAfter_UntilSlotsFree()
    {
        var studio = await api.StudioAsync();
        await (await studio.GetAsync("/api/v1/customers")).ShouldBe(HttpStatusCode.OK);
        // scripts/pg starts the server with max_connections=300 on its command line; reserving 297 for superusers leaves 3.
        await ExecuteAsOwnerAsync("ALTER SYSTEM SET superuser_reserved_connections = 297");
        await api.RestartAsync();
        var taken = new List<Npgsql.NpgsqlConnection>();
        try
        {
            // The test takes the 3 slots left: the API's role finds none.
            var asApp = new Npgsql.NpgsqlConnectionStringBuilder(api.OwnerConnectionString) { Username = Infrastructure.Persistence.DatabaseRoles.App, Pooling = false }.ConnectionString;
            for (var i = 0; i < 3; i++)
            {
                var connection = new Npgsql.NpgsqlConnection(asApp);
                await connection.OpenAsync();
                taken.Add(connection);
            }

            await ShouldBeUnavailable(await studio.GetAsync("/api/v1/customers"));
            await ShouldBeUnavailable(await api.CreateClient().GetAsync($"/api/v1/public/{studio.Slug}/schedule"));
        }
        finally
        {
            foreach (var connection in taken) await connection.DisposeAsync();
            await ExecuteAsOwnerAsync("ALTER SYSTEM RESET superuser_reserved_connections");
            await api.RestartAsync();
        }

        await (await studio.GetAsync("/api/v1/customers")).ShouldBe(HttpStatusCode.OK);
    }

    private async Task ExecuteAsOwnerAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(api.OwnerConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task WarmThePoolAsync(TestStudio studio)
    {
        var warm = Enumerable.Range(0, 8).Select(_ => studio.GetAsync("/api/v1/customers")).ToList();
        foreach (var response in await Task.WhenAll(warm)) await response.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task ShouldBeUnavailable(HttpResponseMessage response)
    {
        await response.ShouldBeProblem(HttpStatusCode.ServiceUnavailable, "database.unavailable");
        response.Headers.RetryAfter.Should().NotBeNull();
        response.Headers.RetryAfter!.Delta.Should().BePositive();
    }
}
