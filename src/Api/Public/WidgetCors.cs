using Microsoft.AspNetCore.Cors.Infrastructure;

namespace UnifiedCustomers.Api.Public;

/// <summary>Origins allowed for every organization's widget (configuration section PublicWidget).</summary>
internal sealed class WidgetCorsOptions
{
    public string[] AllowedOrigins { get; set; } = [];
}

/// <summary>
/// Cross-origin access to the public widget: a browser on a page of an origin the organization
/// allows (organizations.allowed_origins) or the configuration allows for all
/// (PublicWidget:AllowedOrigins) may call the widget's routes; preflights are answered, other
/// origins get no Access-Control-Allow-Origin. Only the widget's route group names this policy, so
/// staff routes answer no cross-origin request.
/// </summary>
internal sealed class WidgetCors(WidgetCorsOptions options) : ICorsPolicyProvider
{
    public const string PolicyName = "public-widget";

    public async Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        if (policyName != PolicyName) return null;
        var organization = await context.RequestServices.GetRequiredService<OrganizationDirectory>().FromRouteAsync(context);
        var origins = options.AllowedOrigins.Concat(organization?.AllowedOrigins ?? []).Select(o => o.Trim().TrimEnd('/')).Distinct().ToArray();
        return new CorsPolicyBuilder()
            .WithOrigins(origins)
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders("Content-Type", "Idempotency-Key")
            .WithExposedHeaders("Retry-After", "Idempotent-Replayed")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))
            .Build();
    }
}

internal static class WidgetCorsRegistration
{
    public static IServiceCollection AddWidgetCors(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCors();
        services.AddSingleton(configuration.GetSection("PublicWidget").Get<WidgetCorsOptions>() ?? new WidgetCorsOptions());
        services.AddSingleton<ICorsPolicyProvider, WidgetCors>();
        return services;
    }
}
