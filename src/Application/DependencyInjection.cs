using Microsoft.Extensions.DependencyInjection;
using UnifiedCustomers.Application.Bookings;
using UnifiedCustomers.Application.Common.Behaviors;
using UnifiedCustomers.Application.Customers;
using UnifiedCustomers.Application.Sales;

namespace UnifiedCustomers.Application;

public static class DependencyInjection
{
    /// <summary>The use cases and the mediator with its behaviors, in order. Infrastructure's AddBackend adds the ports' implementations.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(DependencyInjection)];
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
        services.AddSingleton(TimeProvider.System);
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, includeInternalTypes: true);
        // Every command and query, whoever writes it: clean text, dates in range (Common/Validation).
        services.AddSingleton(typeof(IValidator<>), typeof(Common.Validation.BoundedInputValidator<>));
        services.AddSingleton(MappingConfiguration.Create());
        services.AddScoped<Common.CurrentOrganization>();
        services.AddScoped<BookingLoader>();
        services.AddScoped<WaitlistPromoter>();
        services.AddScoped<CustomerLifecycle>();
        services.AddScoped<SalesDesk>();
        return services;
    }
}
