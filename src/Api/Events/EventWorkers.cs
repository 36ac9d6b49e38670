using UnifiedCustomers.Application.Events.PruneEvents;
using UnifiedCustomers.Infrastructure;
using UnifiedCustomers.Infrastructure.Events;
using UnifiedCustomers.Infrastructure.Webhooks;

namespace UnifiedCustomers.Api.Events;

/// <summary>The `Events` configuration section (README lists each setting).</summary>
internal sealed class EventOptions
{
    /// <summary>Whether this process numbers committed events (any number of replicas may; one works at a time).</summary>
    public bool PublisherEnabled { get; set; } = true;
    /// <summary>How often an idle publisher looks for events committed by other processes (its own wake it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
    public int RetentionDays { get; set; } = EventRetentionOptions.DefaultRetentionDays;
    /// <summary>How often the retention job runs in this process; zero turns it off here.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    public void Validate()
    {
        if (PollInterval <= TimeSpan.Zero) throw new InvalidOperationException("Events:PollInterval must be positive.");
        if (RetentionDays < EventRetentionOptions.MinimumRetentionDays) throw new InvalidOperationException("Events:RetentionDays must be at least 30.");
        if (PruneInterval < TimeSpan.Zero) throw new InvalidOperationException("Events:PruneInterval must not be negative.");
    }
}

/// <summary>Runs the sequencer: after a local commit at once, else every poll interval.</summary>
internal sealed partial class EventPublishingService(
    EventPublisher publisher, EventSignal committed, [FromKeyedServices(EventWorkers.Published)] EventSignal published, EventOptions options, ILogger<EventPublishingService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var numbered = await publisher.PublishAsync(stoppingToken);
                if (numbered > 0) published.Pulse();
                if (numbered == EventPublisher.BatchSize) continue;
                await committed.WaitAsync(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Failed(ex);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing events failed; trying again in a second")]
    private partial void Failed(Exception ex);
}

/// <summary>The webhook delivery worker of this process.</summary>
internal sealed partial class WebhookDeliveryService(
    WebhookDispatcher dispatcher, [FromKeyedServices(EventWorkers.Published)] EventSignal published, WebhookOptions options, ILogger<WebhookDeliveryService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await dispatcher.DispatchAsync(stoppingToken);
                if (claimed == options.BatchSize) continue;
                await published.WaitAsync(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Failed(ex);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering webhooks failed; trying again in a second")]
    private partial void Failed(Exception ex);
}

/// <summary>The retention job: prunes events past the retention period, at start and then every prune interval.</summary>
internal sealed partial class EventRetentionService(IServiceScopeFactory scopes, EventOptions options, ILogger<EventRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PruneInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var pruned = await scope.ServiceProvider.GetRequiredService<EventRetention>().PruneAsync(stoppingToken);
                if (pruned.Events > 0) Pruned(pruned.Events, pruned.Deliveries, pruned.Before);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Failed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Events} events and {Deliveries} deliveries from before {Before}")]
    private partial void Pruned(long events, long deliveries, DateTimeOffset before);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pruning events failed")]
    private partial void Failed(Exception ex);
}

internal static class EventWorkers
{
    public const string Published = "events-published";

    /// <summary>Events, webhooks and their background workers, from the `Events` and `Webhooks` sections.</summary>
    public static IServiceCollection AddEventWorkers(this IServiceCollection services, IConfiguration configuration)
    {
        var events = configuration.GetSection("Events").Get<EventOptions>() ?? new EventOptions();
        events.Validate();
        var webhooks = configuration.GetSection("Webhooks").Get<WebhookOptions>() ?? new WebhookOptions();
        services.AddEvents(webhooks, new EventRetentionOptions(events.RetentionDays));
        services.AddSingleton(events);
        services.AddKeyedSingleton<EventSignal>(Published);
        if (events.PublisherEnabled) services.AddHostedService<EventPublishingService>();
        if (webhooks.WorkerEnabled) services.AddHostedService<WebhookDeliveryService>();
        if (events.PruneInterval > TimeSpan.Zero) services.AddHostedService<EventRetentionService>();
        return services;
    }
}
