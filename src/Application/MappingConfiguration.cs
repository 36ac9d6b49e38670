using Mapster;

namespace UnifiedCustomers.Application;

/// <summary>
/// The one Mapster configuration (Mapster.DependencyInjection is not served here, so it is
/// registered by hand). Read queries project through it with ProjectToType.
/// </summary>
public static class MappingConfiguration
{
    public static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig();
        config.Scan(typeof(MappingConfiguration).Assembly);
        return config;
    }
}
