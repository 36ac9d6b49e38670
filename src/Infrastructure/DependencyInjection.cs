using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using UnifiedCustomers.Application;
using UnifiedCustomers.Application.Bookings.MaterialiseStandingBookings;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Application.Common.Edge;
using UnifiedCustomers.Application.Common.Jobs;
using UnifiedCustomers.Application.Customers;
using UnifiedCustomers.Application.Customers.MergeCustomers;
using UnifiedCustomers.Application.Customers.RecomputeLifecycles;
using UnifiedCustomers.Application.Events.PruneEvents;
using UnifiedCustomers.Application.Webhooks;
using UnifiedCustomers.Infrastructure.Access;
using UnifiedCustomers.Infrastructure.Customers;
using UnifiedCustomers.Infrastructure.Events;
using UnifiedCustomers.Infrastructure.Jobs;
using UnifiedCustomers.Infrastructure.Organizations;
using UnifiedCustomers.Infrastructure.Webhooks;
using UnifiedCustomers.Infrastructure.Phones;
using UnifiedCustomers.Infrastructure.Idempotency;
using UnifiedCustomers.Infrastructure.Persistence;
using UnifiedCustomers.Infrastructure.Persistence.Transactions;

namespace UnifiedCustomers.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Connections the API may hold at once: small enough for a default PostgreSQL (max_connections 100) with room for the tools.</summary>
    public const int DefaultMaxPoolSize = 50;

    /// <summary>The backend any host composes (the API, the tests): the use cases, the mediator and the ports' implementations.</summary>
    public static IServiceCollection AddBackend(this IServiceCollection services, string connectionString, int maxPoolSize = DefaultMaxPoolSize) =>
        services.AddApplication().AddInfrastructure(connectionString, maxPoolSize);

    /// <summary>The same from the host's configuration: the application role's connection string and the pool size (<see cref="DatabaseConnections"/>).</summary>
    public static IServiceCollection AddBackend(this IServiceCollection services, IConfiguration configuration) =>
        services.AddBackend(DatabaseConnections.AppConnectionString(configuration), DatabaseConnections.MaxPoolSize(configuration));

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, string connectionString, int maxPoolSize = DefaultMaxPoolSize)
    {
        if (maxPoolSize is < 1 or > 1000)
            throw new InvalidOperationException($"{DatabaseConnections.MaxPoolSizeSetting} must be between 1 and 1000 (got {maxPoolSize}).");
        // The booking path runs the same dozen statements on every request: prepared once per connection, they skip parsing.
        // Nothing the API sets outlives its transaction (the organization setting is SET LOCAL), so a pooled connection
        // needs no DISCARD ALL round trip each time it is taken.
        var tuned = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true, MaxPoolSize = maxPoolSize };
        // A connection string that names Max Auto Prepare keeps its value: 0 turns it off behind a PgBouncer older than 1.21.
        if (!NamesMaxAutoPrepare(connectionString)) (tuned.MaxAutoPrepare, tuned.AutoPrepareMinUsages) = (64, 2);
        // One data source, so one pool for EF Core, the jobs and the webhook worker (two connection strings made two pools).
        services.AddSingleton(_ => NpgsqlDataSource.Create(tuned.ConnectionString));
        services.AddSingleton<ConnectionRecovery>();
        services.AddSingleton<EventSignal>();
        services.AddSingleton<EventsCommittedInterceptor>();
        services.AddDbContext<AppDbContext>((sp, options) => options
            .UseAppDatabase(sp.GetRequiredService<NpgsqlDataSource>())
            .AddInterceptors(sp.GetRequiredService<EventsCommittedInterceptor>())
            // A failed statement is logged once, at the HTTP edge, with the request's trace id; EF Core's own error events go to Debug.
            .ConfigureWarnings(w => w.Log(
                (RelationalEventId.CommandError, LogLevel.Debug), (RelationalEventId.ConnectionError, LogLevel.Debug),
                (RelationalEventId.TransactionError, LogLevel.Debug), (CoreEventId.SaveChangesFailed, LogLevel.Debug),
                (CoreEventId.QueryIterationFailed, LogLevel.Debug))));
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<IRowLocks, RowLocks>();
        services.AddScoped<IMergeWrites, MergeWrites>();
        services.AddSingleton<IPhoneNormalizer, PhoneNormalizer>();
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddScoped<IApiKeys, ApiKeys>();
        services.AddScoped<IOrganizationSlugs, OrganizationSlugs>();
        services.AddScoped<ISchemaStatus, SchemaStatus>();
        return services;
    }

    /// <summary>
    /// The job scheduler and the jobs every host runs (options from <see cref="JobsOptions"/>, bound by the host).
    /// Another feature adds its own with <see cref="JobRegistration.AddScheduledJob{TJob}"/>.
    /// </summary>
    public static IServiceCollection AddScheduledJobs(this IServiceCollection services)
    {
        services.AddSingleton<JobRunStore>();
        services.AddSingleton<JobScheduler>();
        services.AddScheduledJob<DailyLifecycleJob>();
        services.AddScheduledJob<StandingBookingsJob>();
        services.AddScheduledJob<IdempotencyPruningJob>();
        services.AddScheduledJob<JobHistoryPruningJob>();
        return services;
    }

    /// <summary>PostgreSQL's spans (each statement) for the host's tracing.</summary>
    public static TracerProviderBuilder AddDatabaseInstrumentation(this TracerProviderBuilder tracing) => tracing.AddNpgsql();

    /// <summary>PostgreSQL's connection-pool and command metrics for the host's meters.</summary>
    public static MeterProviderBuilder AddDatabaseInstrumentation(this MeterProviderBuilder metrics) => metrics.AddNpgsqlInstrumentation();

    /// <summary>The outbox's publisher, the feed's retention and the webhook deliveries.</summary>
    public static IServiceCollection AddEvents(this IServiceCollection services, WebhookOptions webhooks, EventRetentionOptions retention)
    {
        if (webhooks.Problems().FirstOrDefault() is { } problem) throw new InvalidOperationException(problem);
        services.AddSingleton(webhooks);
        services.AddSingleton(retention);
        services.AddSingleton<EventPublisher>();
        services.AddSingleton<IEventMaintenance, EventMaintenance>();
        services.AddScoped<EventRetention>();
        services.AddSingleton<IWebhookUrlPolicy, WebhookUrlPolicy>();
        services.AddSingleton<WebhookDispatcher>();
        return services;
    }

    internal static bool NamesMaxAutoPrepare(string connectionString) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(key => key.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase));

    /// <summary>The one place the provider is configured, shared by the API, the migrations tool and tests.</summary>
    public static DbContextOptionsBuilder UseAppDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(AppDbContext.MigrationsAssembly)).WithAppConventions();

    /// <summary>The same over a data source (the API's one pool).</summary>
    public static DbContextOptionsBuilder UseAppDatabase(this DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, npgsql => npgsql.MigrationsAssembly(AppDbContext.MigrationsAssembly)).WithAppConventions();

    private static DbContextOptionsBuilder WithAppConventions(this DbContextOptionsBuilder options) =>
        options
            .UseSnakeCaseNamingConvention()
            .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, Persistence.Tenancy.TenantModelCacheKeyFactory>()
            .AddInterceptors(Persistence.Transactions.StatementPrefixInterceptor.Instance, Telemetry.CommittedBookingMetrics.Instance);
}
