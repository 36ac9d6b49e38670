using Microsoft.Extensions.Options;
using UnifiedCustomers.Infrastructure;
using UnifiedCustomers.Infrastructure.Jobs;

namespace UnifiedCustomers.Api.Composition;

public static class JobServices
{
    /// <summary>The scheduler's settings, its jobs (<see cref="DependencyInjection.AddScheduledJobs"/>) and the service that ticks it in this host.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>()
            .Bind(configuration.GetSection(JobsOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>();
        services.AddHostedService<JobSchedulerService>();
        return services.AddScheduledJobs();
    }

    private sealed class JobsOptionsValidator : IValidateOptions<JobsOptions>
    {
        public ValidateOptionsResult Validate(string? name, JobsOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
