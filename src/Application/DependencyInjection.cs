using Microsoft.Extensions.DependencyInjection;
using UnifiedCustomers.Application.Bookings;
using UnifiedCustomers.Application.Customers;
using UnifiedCustomers.Application.Sales;

namespace UnifiedCustomers.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
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
