using System.Reflection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using UnifiedCustomers.Infrastructure;

namespace UnifiedCustomers.Api.Composition;

/// <summary>
/// OpenTelemetry: traces (ASP.NET Core, outgoing HTTP, Npgsql's SQL, one span per use case), metrics
/// (runtime, ASP.NET Core, HTTP client, Npgsql, the domain's <see cref="AppTelemetry.Meter"/>) and logs
/// with their trace and span ids, exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set. With no
/// endpoint nothing listens: the use-case spans are never created and the counters record nothing.
/// </summary>
public static class TelemetryServices
{
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceNameSetting = "OTEL_SERVICE_NAME";
    public const string DefaultServiceName = "unifiedcustomers-api";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IStartupFilter, IdempotentReplayCounter>();
        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]))
            services.AddTelemetryPipeline(configuration).UseOtlpExporter();
        return services;
    }

    /// <summary>Sources, instruments and resource, without an exporter: <see cref="AddTelemetry"/> adds OTLP, tests an in-memory one.</summary>
    public static OpenTelemetryBuilder AddTelemetryPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        var version = typeof(TelemetryServices).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                configuration[ServiceNameSetting] is { Length: > 0 } name ? name : DefaultServiceName, serviceVersion: version))
            .WithTracing(tracing => tracing
                .AddSource(AppTelemetry.SourceName)
                // Probes hit the health endpoints every few seconds; their spans would drown the traces worth reading.
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddDatabaseInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(AppTelemetry.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddDatabaseInstrumentation())
            .WithLogging(configureBuilder: null, configureOptions: options =>
            {
                options.IncludeScopes = true;
                options.IncludeFormattedMessage = true;
            });
    }

    /// <summary>Counts the answers replayed for an Idempotency-Key, wherever the replay is made: it is marked by its header.</summary>
    private sealed class IdempotentReplayCounter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Response.OnStarting(static state =>
                {
                    var response = (HttpResponse)state;
                    if (response.Headers.ContainsKey(IdempotencyMiddleware.ReplayedHeader)) AppTelemetry.IdempotentReplays.Add(1);
                    return Task.CompletedTask;
                }, context.Response);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
