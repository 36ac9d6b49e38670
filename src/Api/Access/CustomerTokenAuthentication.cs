using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace UnifiedCustomers.Api.Access;

/// <summary>
/// `Authorization: Bearer <customer access token>` on /api/v1/me: a valid signature, not expired by
/// the application's clock, and a row that still counts (not revoked, customer not archived or
/// erased). Anything else is a 401 problem with a code saying which. Staff routes never accept it:
/// they authenticate with the API-key scheme only.
/// </summary>
internal sealed class CustomerTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    CustomerTokenSigner signer, ISender mediator, TimeProvider clock, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "CustomerToken";
    public const string PolicyName = "Member";
    private const string Refusal = "uc.customer_token_refusal";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header)) return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return Refuse(ApiErrors.CustomerTokenInvalid);
        var read = await signer.ReadAsync(header["Bearer ".Length..].Trim());
        if (read is not { } token) return Refuse(ApiErrors.CustomerTokenInvalid);
        if (clock.GetUtcNow() >= token.ExpiresAt) return Refuse(CustomerAccessErrors.Expired);

        var usable = await mediator.Send(new AuthenticateMemberQuery(token.OrganizationId, token.CustomerId, token.TokenId), Context.RequestAborted);
        if (usable.IsFailure) return Refuse(usable.Error!);

        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(Member.OrganizationClaim, token.OrganizationId.ToString()),
                new Claim(Member.CustomerClaim, token.CustomerId.ToString()),
                new Claim(Member.TokenClaim, token.TokenId.ToString()),
            ],
            SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private AuthenticateResult Refuse(Error error)
    {
        Context.Items[Refusal] = error;
        return AuthenticateResult.Fail(error.Message);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var error = Context.Items[Refusal] as Error ?? ApiErrors.CustomerTokenMissing;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = ProblemMapping.ToProblemDetails(error) });
    }
}

internal static class CustomerAccessServices
{
    public const string OpenApiScheme = "customerToken";

    private static string Setting => $"{CustomerAccessOptions.Section}:{nameof(CustomerAccessOptions.SigningKey)}";

    /// <summary>The configured key; the public default in Development only; null when none applies.</summary>
    private static string? SigningKey(IConfiguration configuration, IHostEnvironment environment) =>
        configuration[Setting] is { Length: > 0 } key && !string.IsNullOrWhiteSpace(key) ? key
        : environment.IsDevelopment() ? CustomerAccessOptions.DevelopmentKey
        : null;

    /// <summary>What stops the start (StartupConfiguration's one line): no signing key outside Development, or one too short.</summary>
    public static IEnumerable<string> Problems(IConfiguration configuration, IHostEnvironment environment)
    {
        var key = SigningKey(configuration, environment);
        if (key is null)
            yield return "CustomerAccess:SigningKey is not set: set CustomerAccess__SigningKey (an environment variable or a secret file) to a secret of at least "
                         + $"{CustomerAccessOptions.MinKeyBytes} bytes, the same on every replica.";
        else if (System.Text.Encoding.UTF8.GetByteCount(key) < CustomerAccessOptions.MinKeyBytes)
            yield return $"CustomerAccess:SigningKey is shorter than {CustomerAccessOptions.MinKeyBytes} bytes.";
    }

    /// <summary>The customer-token scheme beside the API-key scheme, its policy, its signer and its place in the OpenAPI document.</summary>
    public static IServiceCollection AddCustomerAccess(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Program checks Problems first and stops with one line; this is the backstop for other hosts.
        if (Problems(configuration, environment).FirstOrDefault() is { } problem) throw new InvalidOperationException(problem);
        services.AddSingleton(new CustomerTokenSigner(SigningKey(configuration, environment)!));

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, CustomerTokenAuthenticationHandler>(CustomerTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(CustomerTokenAuthenticationHandler.PolicyName, policy => policy
            .AddAuthenticationSchemes(CustomerTokenAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(Member.CustomerClaim));

        services.Configure<OpenApiOptions>("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.AddBearerScheme(OpenApiScheme, "JWT",
                    "A customer access token for /api/v1/me (POST /api/v1/customers/{customerId}/access-tokens issues one with a staff API key).");
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var policies = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy);
                if (policies.Contains(CustomerTokenAuthenticationHandler.PolicyName))
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiScheme, context.Document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return services;
    }
}
