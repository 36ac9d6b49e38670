using Microsoft.Extensions.DependencyInjection;

namespace UnifiedCustomers.Application.Common.Jobs;

public static class JobRegistration
{
    /// <summary>Adds a job to the host's scheduler (it runs only where the scheduler is hosted: the API).</summary>
    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services) where TJob : class, IScheduledJob
    {
        services.AddScoped<TJob>();
        services.AddScoped<IScheduledJob>(sp => sp.GetRequiredService<TJob>());
        return services;
    }
}
