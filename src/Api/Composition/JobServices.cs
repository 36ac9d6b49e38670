using Microsoft.Extensions.Options;
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
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>();
        services.AddSingleton<JobRunStore>();
        services.AddSingleton<JobScheduler>();
        services.AddHostedService<JobSchedulerService>();

        services.AddScheduledJob<DailyLifecycleJob>();
        services.AddScheduledJob<StandingBookingsJob>();
        services.AddScheduledJob<IdempotencyPruningJob>();
        services.AddScheduledJob<JobHistoryPruningJob>();
        return services;
    }

    private sealed class JobsOptionsValidator : IValidateOptions<JobsOptions>
    {
        public ValidateOptionsResult Validate(string? name, JobsOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
