using UnifiedCustomers.Api.Jobs;
using UnifiedCustomers.Application.Bookings.MaterialiseStandingBookings;
using UnifiedCustomers.Application.Common.Jobs;
using UnifiedCustomers.Application.Customers.RecomputeLifecycles;
using UnifiedCustomers.Infrastructure.Idempotency;
using UnifiedCustomers.Infrastructure.Jobs;

namespace UnifiedCustomers.Api.Composition;

public static class JobServices
{
    /// <summary>The scheduler and its jobs. Another feature adds its own with <see cref="JobRegistration.AddScheduledJob{TJob}"/>.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>()
            .Bind(configuration.GetSection(JobsOptions.Section))
            .Validate(o => !o.Problems().Any(), "Jobs: PollInterval must be 00:00:01..01:00:00 and Lease 00:00:30..06:00:00.")
            .ValidateOnStart();
        services.AddSingleton<JobRunStore>();
        services.AddSingleton<JobScheduler>();
        services.AddHostedService<JobSchedulerService>();

        services.AddScheduledJob<DailyLifecycleJob>();
        services.AddScheduledJob<StandingBookingsJob>();
        services.AddScheduledJob<IdempotencyPruningJob>();
        services.AddScheduledJob<JobHistoryPruningJob>();
        return services;
    }
}
