using UnifiedCustomers.Infrastructure;
using UnifiedCustomers.Infrastructure.Events;
using UnifiedCustomers.Infrastructure.Webhooks;

namespace UnifiedCustomers.Api.Events;

/// <summary>The `Events` configuration section (README lists each setting).</summary>
public sealed class EventOptions
{
    /// <summary>Whether this process numbers committed events (any number of replicas may; one works at a time).</summary>
    public bool PublisherEnabled { get; set; } = true;
    /// <summary>How often an idle publisher looks for events committed by other processes (its own wake it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
    public int RetentionDays { get; set; } = EventRetentionOptions.DefaultRetentionDays;

    public const string Section = "Events";

    /// <summary>What is wrong with these settings, one sentence each (checked before the host starts).</summary>
    public IEnumerable<string> Problems()
    {
        if (PollInterval <= TimeSpan.Zero) yield return "Events:PollInterval must be positive.";
        if (RetentionDays is < EventRetentionOptions.MinimumRetentionDays or > 3650) yield return "Events:RetentionDays must be between 30 and 3650.";
    }
}

/// <summary>
/// A worker that drains its queue in batches: after a full batch it goes again at once, else it waits
/// for its signal or the poll interval; a failure is logged and the next round starts a second later.
/// </summary>
internal abstract class DrainingWorker : BackgroundService
{
    /// <returns>whether the batch was full (more may be waiting)</returns>
    protected abstract Task<bool> DrainAsync(CancellationToken ct);

    protected abstract Task WaitAsync(CancellationToken ct);

    protected abstract void OnFailed(Exception ex);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DrainAsync(stoppingToken)) continue;
                await WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                OnFailed(ex);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}

/// <summary>Runs the sequencer: after a local commit at once, else every poll interval.</summary>
internal sealed partial class EventPublishingService(
    EventPublisher publisher, EventSignal committed, [FromKeyedServices(EventWorkers.Published)] EventSignal published, EventOptions options, ILogger<EventPublishingService> logger)
    : DrainingWorker
{
    protected override async Task<bool> DrainAsync(CancellationToken ct)
    {
        var numbered = await publisher.PublishAsync(ct);
        if (numbered > 0)
        {
            AppTelemetry.EventsPublished.Add(numbered);
            published.Pulse();
        }
        return numbered == EventPublisher.BatchSize;
    }

    protected override Task WaitAsync(CancellationToken ct) => committed.WaitAsync(options.PollInterval, ct);

    protected override void OnFailed(Exception ex) => Failed(ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing events failed; trying again in a second")]
    private partial void Failed(Exception ex);
}

/// <summary>The webhook delivery worker of this process.</summary>
internal sealed partial class WebhookDeliveryService(
    WebhookDispatcher dispatcher, [FromKeyedServices(EventWorkers.Published)] EventSignal published, WebhookOptions options, ILogger<WebhookDeliveryService> logger)
    : DrainingWorker
{
    protected override async Task<bool> DrainAsync(CancellationToken ct) => await dispatcher.DispatchAsync(ct) == options.BatchSize;

    protected override Task WaitAsync(CancellationToken ct) => published.WaitAsync(options.PollInterval, ct);

    protected override void OnFailed(Exception ex) => Failed(ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering webhooks failed; trying again in a second")]
    private partial void Failed(Exception ex);
}

internal static class EventWorkers
{
    public const string Published = "events-published";

    /// <summary>Events, webhooks and their background workers, from the `Events` and `Webhooks` sections.</summary>
    public static IServiceCollection AddEventWorkers(this IServiceCollection services, IConfiguration configuration)
    {
        // Checked before the host is built (StartupConfiguration): a bad value is one line and exit code 1.
        var events = configuration.GetSection(EventOptions.Section).Get<EventOptions>() ?? new EventOptions();
        var webhooks = configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new WebhookOptions();
        services.AddEvents(webhooks, new EventRetentionOptions(events.RetentionDays));
        services.AddSingleton(events);
        services.AddKeyedSingleton<EventSignal>(Published);
        if (events.PublisherEnabled) services.AddHostedService<EventPublishingService>();
        if (webhooks.WorkerEnabled) services.AddHostedService<WebhookDeliveryService>();
        // Retention runs as a scheduled job (the hourly slot, once across replicas: docs/adr/0016).
        services.AddScheduledJob<EventRetentionJob>();
        return services;
    }
}
