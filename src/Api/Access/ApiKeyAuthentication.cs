using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace UnifiedCustomers.Api.Access;

/// <summary>
/// `Authorization: Bearer uc_live_...`: the key's organization becomes the request's tenant. A
/// missing or unknown key is answered 401 with a problem, never a redirect or an empty body. Known keys
/// are remembered for a short time (<see cref="ApiKeyCache"/>).
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IApiKeys keys, ApiKeyCache cache, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string OrganizationClaim = "organization_id";
    public const string KeyClaim = "api_key_id";
    private const string Presented = "uc.api_key_presented";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header)) return AuthenticateResult.NoResult();
        Context.Items[Presented] = true;
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.Fail("Not a bearer token.");
        var identity = await cache.RecogniseAsync(header["Bearer ".Length..].Trim(), key => keys.RecogniseAsync(key, Context.RequestAborted));
        if (identity is null) return AuthenticateResult.Fail("Unknown or revoked API key.");
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(OrganizationClaim, identity.OrganizationId.ToString()), new Claim(KeyClaim, identity.KeyId.ToString()), new Claim(ClaimTypes.Name, identity.Name)],
            SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var error = Context.Items.ContainsKey(Presented) ? ApiErrors.ApiKeyInvalid : ApiErrors.ApiKeyMissing;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = ProblemMapping.ToProblemDetails(error) });
    }
}

/// <summary>The organization a request acts for, taken from its API key; endpoints receive it as a parameter.</summary>
internal sealed record Tenant(Guid OrganizationId)
{
    public static ValueTask<Tenant?> BindAsync(HttpContext context) => ValueTask.FromResult(Of(context));

    public static Tenant? Of(HttpContext context) =>
        Guid.TryParse(context.User.FindFirst(ApiKeyAuthenticationHandler.OrganizationClaim)?.Value, out var id) ? new Tenant(id) : null;
}
