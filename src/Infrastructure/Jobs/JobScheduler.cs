using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UnifiedCustomers.Application.Common.Jobs;
using UnifiedCustomers.Application.Common.Telemetry;

namespace UnifiedCustomers.Infrastructure.Jobs;

/// <summary>What one tick did with one run.</summary>
public sealed record JobRunOutcome(string Job, string RunKey, bool Succeeded, JobReport? Report, string? Error);

/// <summary>
/// Looks for due runs of every registered <see cref="IScheduledJob"/> and does the ones this replica
/// manages to claim (see <see cref="JobRunStore"/>), each in a DI scope of its own. The host calls
/// <see cref="TickAsync"/> every poll interval; tests call it directly.
/// </summary>
internal sealed partial class JobScheduler(
    IServiceScopeFactory scopes, JobRunStore store, TimeProvider clock, IOptions<JobsOptions> options, ILogger<JobScheduler> logger)
{
    /// <summary>Names this scheduler in job_runs.claimed_by: host, process and instance.</summary>
    public string Owner { get; } = $"{Truncate(Environment.MachineName, 100)}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public async Task<IReadOnlyList<JobRunOutcome>> TickAsync(CancellationToken ct)
    {
        var outcomes = new List<JobRunOutcome>();
        List<(string Name, JobRun Run)> claimable = [];
        await using (var scope = scopes.CreateAsyncScope())
        {
            var now = clock.GetUtcNow();
            foreach (var job in scope.ServiceProvider.GetServices<IScheduledJob>())
            {
                var due = await job.DueAsync(now, ct);
                if (due.Count == 0) continue;
                var settled = await store.SettledAsync(job.Name, due.Select(r => r.Key).ToList(), now, ct);
                claimable.AddRange(due.Where(r => !settled.Contains(r.Key)).Select(r => (job.Name, r)));
            }
        }
        foreach (var (name, run) in claimable)
        {
            var attempt = await store.TryClaimAsync(name, run.Key, Owner, clock.GetUtcNow(), options.Value.Lease, ct);
            if (attempt is null) continue;
            outcomes.Add(await RunAsync(name, run, attempt.Value, ct));
        }
        return outcomes;
    }

    private async Task<JobRunOutcome> RunAsync(string name, JobRun run, int attempt, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewing = RenewWhileRunningAsync(name, run.Key, renewal.Token);
        var job = new KeyValuePair<string, object?>(AppTelemetry.Tags.Job, name);
        try
        {
            JobReport report;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var instance = scope.ServiceProvider.GetServices<IScheduledJob>().Single(j => j.Name == name);
                report = await instance.RunAsync(run, ct);
            }
            await StopAsync(renewal, renewing);
            await store.SucceededAsync(name, run.Key, Owner, clock.GetUtcNow(), report.Counts, CancellationToken.None);
            var elapsed = Stopwatch.GetElapsedTime(started);
            Succeeded(name, run.Key, attempt, elapsed.TotalMilliseconds, report.ToString());
            AppTelemetry.JobRuns.Add(1, job, new(AppTelemetry.Tags.Outcome, "succeeded"));
            AppTelemetry.JobDuration.Record(elapsed.TotalSeconds, job);
            foreach (var (item, count) in report.Counts) AppTelemetry.JobItems.Add(count, job, new(AppTelemetry.Tags.Item, item));
            return new JobRunOutcome(name, run.Key, true, report, null);
        }
        catch (Exception ex)
        {
            await StopAsync(renewal, renewing);
            // Shutting down: the run may be taken again at once; a failure waits a back-off that grows with each attempt.
            var now = clock.GetUtcNow();
            var retryAfter = ct.IsCancellationRequested ? now : now + TimeSpan.FromMinutes(Math.Min(60, 2 << attempt));
            var error = $"{ex.GetType().Name}: {ex.Message}";
            await store.FailedAsync(name, run.Key, Owner, now, retryAfter, Truncate(error, 2000), CancellationToken.None);
            Failed(ex, name, run.Key, attempt, JobRunStore.MaxAttempts);
            AppTelemetry.JobRuns.Add(1, job, new(AppTelemetry.Tags.Outcome, "failed"));
            if (ct.IsCancellationRequested) throw;
            return new JobRunOutcome(name, run.Key, false, null, error);
        }
    }

    private async Task RenewWhileRunningAsync(string name, string key, CancellationToken ct)
    {
        var lease = options.Value.Lease;
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(lease / 3, clock, ct);
            if (!await store.RenewAsync(name, key, Owner, clock.GetUtcNow() + lease, ct)) LeaseLost(name, key);
        }
    }

    private static async Task StopAsync(CancellationTokenSource renewal, Task renewing)
    {
        await renewal.CancelAsync();
        try
        {
            await renewing;
        }
        catch (OperationCanceledException)
        {
            // stopped, as asked
        }
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} run {RunKey} (attempt {Attempt}) succeeded in {ElapsedMs:0} ms: {Report}")]
    private partial void Succeeded(string job, string runKey, int attempt, double elapsedMs, string report);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} run {RunKey} failed on attempt {Attempt} of {MaxAttempts}")]
    private partial void Failed(Exception exception, string job, string runKey, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} run {RunKey} is no longer held by this scheduler (its lease ran out)")]
    private partial void LeaseLost(string job, string runKey);
}
