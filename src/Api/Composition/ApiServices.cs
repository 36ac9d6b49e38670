using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;

namespace UnifiedCustomers.Api.Composition;

public static class ApiServices
{
    /// <summary>The HTTP edge: JSON, problem details, API-key authentication, rate limits, OpenAPI.</summary>
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureHttpJsonOptions(options => ConfigureJson(options.SerializerOptions));
        // Bad route, query and body values throw, so the exception handler answers them as problems.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (!problem.Extensions.ContainsKey("code") && ProblemMapping.ForStatus(problem.Status ?? context.HttpContext.Response.StatusCode) is { } error)
            {
                var mapped = ProblemMapping.ToProblemDetails(error);
                (problem.Type, problem.Title, problem.Detail) = (mapped.Type, mapped.Title, mapped.Detail);
                problem.Extensions["code"] = error.Code;
            }
            // The id every log line of this request carries (the TraceId of its scope), so a client's report finds them.
            problem.Extensions["traceId"] = RequestTrace.Id(context.HttpContext);
        });
        services.AddExceptionHandler<ApiExceptionHandler>();

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, UnknownRoutesAreNotFound>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build());

        services.AddSingleton<ApiKeyCache>();
        services.AddScoped<OrganizationDirectory>();
        services.AddPublicRateLimits(configuration);
        services.AddClientAddresses(configuration);
        services.AddWidgetCors(configuration);
        services.AddApiDocument();
        return services;
    }

    /// <summary>Strict JSON: snake_case enum strings, numbers as numbers, instants with an offset, no unknown, repeated or missing required fields, no null where none is allowed.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        // Instants carry their offset: the default reader took one without as the server's local time. Dates are
        // already read as yyyy-MM-dd only.
        options.Converters.Add(new IsoDates.InstantJsonConverter());
        // Numbers are numbers: the web default also reads "12", which would make every integer `number | string` for clients.
        options.NumberHandling = JsonNumberHandling.Strict;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        // {"firstName":"A","firstName":null} is one request saying two things: the last would win unseen.
        options.AllowDuplicateProperties = false;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
    }
}
