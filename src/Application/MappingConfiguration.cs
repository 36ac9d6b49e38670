namespace UnifiedCustomers.Application;

/// <summary>
/// The one Mapster configuration (Mapster.DependencyInjection is not served here, so it is
/// registered by hand). Read queries project through it with ProjectToType.
/// </summary>
public static class MappingConfiguration
{
    public static TypeAdapterConfig Create()
    {
        // A response member with nothing to fill it is a mistake, found when the configuration compiles.
        var config = new TypeAdapterConfig { RequireDestinationMemberSource = true };
        config.Scan(typeof(MappingConfiguration).Assembly);
        return config;
    }
}
