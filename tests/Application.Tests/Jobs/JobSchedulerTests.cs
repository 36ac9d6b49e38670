using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using UnifiedCustomers.Application.Common.Jobs;
using UnifiedCustomers.Application.Tests.Support;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Infrastructure;
using UnifiedCustomers.Infrastructure.Jobs;
using UnifiedCustomers.Infrastructure.Persistence;

namespace UnifiedCustomers.Application.Tests.Jobs;

/// <summary>
/// Two replicas (each its own container, pools and scheduler) over one database and one clock,
/// connecting as the application role like the API does.
/// </summary>
public sealed class JobSchedulerTests(Backend backend) : IClassFixture<Backend>, IAsyncLifetime
{
    private readonly List<ServiceProvider> _replicas = [];

    [Fact]
    public async Task TwoSchedulers_TickingAtOnce_DoEachDueRunOnce_AndEachJobItsWork()
    {
        // 13:00 UTC on 1 June: 14:00 on 1 June in London, 01:00 on 2 June in Auckland.
        backend.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 1, 13, 0, 0, TimeSpan.Zero));
        var now = backend.Clock.GetUtcNow();
        var london = await Studio.OpenAsync(backend);
        var auckland = await Studio.OpenAsync(backend, "Pacific/Auckland");
        var member = await london.CustomerAsync("Ola Oak", LifecycleStatus.Member);
        await london.MembershipAsync(member, Allowance.Unlimited, start: new DateOnly(2026, 5, 1), end: new DateOnly(2026, 5, 31));
        await IdempotencyRecordAsync(london.Id, "old", now - TimeSpan.FromHours(25));
        await IdempotencyRecordAsync(london.Id, "fresh", now - TimeSpan.FromHours(1));
        var regular = await london.CustomerAsync("Pia Pike");
        await london.PackAsync(regular, credits: 5);
        var nextWednesday = new DateOnly(2026, 6, 3);
        var pattern = StandingBooking.Create(regular, london.Yoga, [DayOfWeek.Wednesday], new TimeOnly(18, 0), [nextWednesday], false, now).Value;
        await london.SaveAsync(pattern);
        // Scheduled by a path that does not apply standing bookings: the job books it.
        var session = await london.SessionAtAsync(london.Organization.AtLocal(nextWednesday, new TimeOnly(18, 0)));
        var (one, two) = (Scheduler(), Scheduler());

        var ticks = await Task.WhenAll(one.TickAsync(CancellationToken.None), two.TickAsync(CancellationToken.None));

        var outcomes = ticks.SelectMany(t => t).ToList();
        outcomes.Should().OnlyContain(o => o.Succeeded);
        outcomes.GroupBy(o => (o.Job, o.RunKey)).Should().OnlyContain(g => g.Count() == 1, "no run is done by both schedulers");
        var expected = new[]
        {
            ("lifecycle-recompute", $"{london.Id:N}/2026-06-01"), ("lifecycle-recompute", $"{auckland.Id:N}/2026-06-02"),
            ("standing-bookings", "2026-06-01T13:00Z"), ("idempotency-pruning", "2026-06-01T13:00Z"), ("job-history-pruning", "2026-06-01T00:00Z"),
        };
        outcomes.Select(o => (o.Job, o.RunKey)).Should().Contain(expected);
        var rows = await JobRunsAsync();
        rows.Where(r => expected.Contains((r.Job, r.RunKey))).Should().HaveCount(expected.Length)
            .And.OnlyContain(r => r.Status == "succeeded" && r.Attempts == 1 && r.Report != null);

        var lapsed = await london.ReloadAsync(member);
        lapsed.Status.Should().Be(LifecycleStatus.Lapsed);
        lapsed.StatusHistory.Count(c => c.Cause == "daily recompute").Should().Be(1);
        (await IdempotencyKeysAsync(london.Id)).Should().Equal("fresh");
        var booked = await backend.WithDbAsync(db => db.Bookings.Where(b => b.CustomerId == regular.Id && b.SessionId == session.Id).ToListAsync());
        booked.Should().ContainSingle().Which.Status.Should().Be(BookingStatus.Confirmed);
        outcomes.Single(o => o.Job == "standing-bookings").Report!.Counts["booked"].Should().BeGreaterThanOrEqualTo(1);

        // Later the same hour nothing is due again; after the next local midnight each studio's recompute is.
        backend.Clock.Advance(TimeSpan.FromMinutes(30));
        (await Task.WhenAll(one.TickAsync(CancellationToken.None), two.TickAsync(CancellationToken.None))).SelectMany(t => t).Should().BeEmpty();
        backend.Clock.Advance(TimeSpan.FromHours(10)); // 23:30 UTC: 00:30 on 2 June in London
        var nextDay = (await Task.WhenAll(one.TickAsync(CancellationToken.None), two.TickAsync(CancellationToken.None))).SelectMany(t => t).ToList();
        nextDay.Select(o => (o.Job, o.RunKey)).Should().Contain(("lifecycle-recompute", $"{london.Id:N}/2026-06-02"))
            .And.NotContain(o => o.RunKey == $"{auckland.Id:N}/2026-06-02");
        nextDay.GroupBy(o => (o.Job, o.RunKey)).Should().OnlyContain(g => g.Count() == 1);
    }

    [Fact]
    public async Task ARunHeldByADeadReplica_IsTakenOverAfterItsLease_AndAFailedRunIsRetriedAfterItsBackOff()
    {
        backend.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero));
        var now = backend.Clock.GetUtcNow();
        var studio = await Studio.OpenAsync(backend);
        var held = $"{studio.Id:N}/2026-07-01";
        await ExecuteAsync(
            "INSERT INTO job_runs (job, run_key, status, attempts, claimed_by, started_at, lease_until) VALUES ('lifecycle-recompute', $1, 'running', 1, 'dead/1/x', $2, $3)",
            held, now - TimeSpan.FromMinutes(10), now + TimeSpan.FromMinutes(1));
        var scheduler = Scheduler(flaky: true);

        var first = await scheduler.TickAsync(CancellationToken.None);

        first.Should().NotContain(o => o.RunKey == held, "its holder's lease still runs");
        first.Should().ContainSingle(o => o.Job == FlakyJob.JobName).Which.Succeeded.Should().BeFalse();
        var failed = (await JobRunsAsync()).Single(r => r.Job == FlakyJob.JobName);
        (failed.Status, failed.Attempts, failed.Error).Should().Be(("failed", 1, "InvalidOperationException: the first attempt fails"));

        backend.Clock.Advance(TimeSpan.FromMinutes(2));
        var second = await scheduler.TickAsync(CancellationToken.None);
        second.Should().ContainSingle(o => o.RunKey == held).Which.Succeeded.Should().BeTrue();
        second.Should().NotContain(o => o.Job == FlakyJob.JobName, "its back-off has not passed");
        (await JobRunsAsync()).Single(r => r.RunKey == held).Should().Match<JobRunRow>(r => r.Status == "succeeded" && r.Attempts == 2);

        backend.Clock.Advance(TimeSpan.FromMinutes(5));
        var third = await scheduler.TickAsync(CancellationToken.None);
        third.Should().ContainSingle(o => o.Job == FlakyJob.JobName).Which.Report!.Counts["done"].Should().Be(1);
        (await JobRunsAsync()).Single(r => r.Job == FlakyJob.JobName).Should().Match<JobRunRow>(r => r.Status == "succeeded" && r.Attempts == 2);
    }

    private JobScheduler Scheduler(bool flaky = false)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBackend(new NpgsqlConnectionStringBuilder(backend.ConnectionString) { Username = DatabaseRoles.App }.ConnectionString);
        services.AddScheduledJobs();
        services.Configure<JobsOptions>(options => options.Lease = TimeSpan.FromMinutes(5));
        if (flaky) services.AddScheduledJob<FlakyJob>();
        services.AddSingleton<TimeProvider>(backend.Clock);
        var provider = services.BuildServiceProvider(validateScopes: true);
        _replicas.Add(provider);
        return provider.GetRequiredService<JobScheduler>();
    }

    /// <summary>Fails its first attempt, succeeds afterwards.</summary>
    private sealed class FlakyJob : IScheduledJob
    {
        public const string JobName = "flaky";
        private static int _attempts;

        public string Name => JobName;

        public Task<IReadOnlyList<JobRun>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<JobRun>>([new JobRun("only")]);

        public Task<JobReport> RunAsync(JobRun run, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _attempts) == 1
                ? throw new InvalidOperationException("the first attempt fails")
                : Task.FromResult(JobReport.Of(("done", 1)));
    }

    private sealed record JobRunRow(string Job, string RunKey, string Status, int Attempts, string? Report, string? Error);

    private async Task<List<JobRunRow>> JobRunsAsync()
    {
        await using var connection = new NpgsqlConnection(backend.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT job, run_key, status, attempts, report::text, error FROM job_runs", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<JobRunRow>();
        while (await reader.ReadAsync())
            rows.Add(new JobRunRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        return rows;
    }

    private Task IdempotencyRecordAsync(Guid organizationId, string key, DateTimeOffset createdAt) => ExecuteAsync(
        "INSERT INTO idempotency_records (organization_id, key, request_hash, status, created_at) VALUES ($1, $2, $3, 201, $4)",
        organizationId, key, new byte[32], createdAt);

    private async Task<List<string>> IdempotencyKeysAsync(Guid organizationId)
    {
        await using var connection = new NpgsqlConnection(backend.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT key FROM idempotency_records WHERE organization_id = $1 ORDER BY key", connection)
        {
            Parameters = { new() { Value = organizationId } },
        };
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) keys.Add(reader.GetString(0));
        return keys;
    }

    private async Task ExecuteAsync(string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(backend.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var replica in _replicas) await replica.DisposeAsync();
    }
}
