using UnifiedCustomers.Application;
using UnifiedCustomers.Application.Common.Behaviors;
using UnifiedCustomers.Infrastructure;


namespace UnifiedCustomers.Api.Composition;

public static class BackendServices
{
    /// <summary>Application, infrastructure and the mediator with its behaviors, in order.</summary>
    public static IServiceCollection AddBackend(this IServiceCollection services, string connectionString, int maxPoolSize = Infrastructure.DependencyInjection.DefaultMaxPoolSize)
    {
        services.AddApplication();
        services.AddInfrastructure(connectionString, maxPoolSize);
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(Application.DependencyInjection)];
            options.PipelineBehaviors =
            [
                typeof(TracingBehavior<,>),
                typeof(LoggingBehavior<,>),
                typeof(ValidationBehavior<,>),
                typeof(UnitOfWorkBehavior<,>),
                typeof(QueryScopeBehavior<,>),
                typeof(OrganizationBehavior<,>),
            ];
        });
        return services;
    }
}
