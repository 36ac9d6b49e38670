using Microsoft.Extensions.Options;
using UnifiedCustomers.Infrastructure.Jobs;

namespace UnifiedCustomers.Api.Jobs;

/// <summary>Ticks the job scheduler every poll interval for the life of the host (unless Jobs:Enabled is false).</summary>
internal sealed partial class JobSchedulerService(
    JobScheduler scheduler, IServiceScopeFactory scopes, TimeProvider clock, IOptions<JobsOptions> options, ILogger<JobSchedulerService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            Disabled();
            return;
        }
        await Task.Yield();
        Started(scheduler.Owner, options.Value.PollInterval);
        var waiting = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A replica newer than the schema (a rollout before the migration Job finished) runs no job until it is migrated.
                // An unreachable database is the tick's to fail on, with its exception in the log.
                if (await SchemaBehindAsync(stoppingToken))
                {
                    if (!waiting) WaitingForMigrations();
                    waiting = true;
                }
                else
                {
                    waiting = false;
                    await scheduler.TickAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be unreachable or not migrated yet (a rollout in progress): try again next time.
                TickFailed(ex);
            }
            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task<bool> SchemaBehindAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISchemaStatus>().CheckAsync(ct) is SchemaState.Behind;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job scheduler waits: the database schema has pending migrations (run the migration Job)")]
    private partial void WaitingForMigrations();

    [LoggerMessage(Level = LogLevel.Information, Message = "Job scheduler {Owner} started; it looks for due runs every {PollInterval}")]
    private partial void Started(string owner, TimeSpan pollInterval);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job scheduler disabled on this replica (Jobs:Enabled is false)")]
    private partial void Disabled();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job scheduler tick failed; trying again at the next poll")]
    private partial void TickFailed(Exception exception);
}
