using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace UnifiedCustomers.Api.Access;

/// <summary>`CustomerAccess` settings: the key that signs customer access tokens (docs/adr/0019).</summary>
internal sealed class CustomerAccessOptions
{
    public const string Section = "CustomerAccess";
    public const int MinKeyBytes = 32;

    /// <summary>Used only when the environment is Development and no key is set; never valid elsewhere.</summary>
    public const string DevelopmentKey = "development-only-customer-token-signing-key-do-not-use-in-production";

    /// <summary>At least 32 bytes (UTF-8); the same on every instance of the API; rotating it ends every token issued.</summary>
    public string? SigningKey { get; set; }
}

/// <summary>
/// Signs and reads customer access tokens: compact JWTs (HS256) naming the organization, the
/// customer (`sub`) and the token's row (`jti`). The signature proves the API issued it; whether it
/// still counts is the row's to say (AuthenticateMemberQuery), asked on every request.
/// </summary>
internal sealed class CustomerTokenSigner
{
    public const string Issuer = "unifiedcustomers";
    public const string Audience = "unifiedcustomers-member";
    public const string OrganizationClaim = "org";

    private readonly SymmetricSecurityKey _key;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false, MapInboundClaims = false };

    public CustomerTokenSigner(string signingKey)
    {
        var bytes = Encoding.UTF8.GetBytes(signingKey);
        if (bytes.Length < CustomerAccessOptions.MinKeyBytes)
            throw new InvalidOperationException($"CustomerAccess:SigningKey must be at least {CustomerAccessOptions.MinKeyBytes} bytes.");
        _key = new SymmetricSecurityKey(bytes);
    }

    public string Sign(Guid organizationId, AccessTokenResponse token) => _handler.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        IssuedAt = token.IssuedAt.UtcDateTime,
        NotBefore = token.IssuedAt.UtcDateTime,
        Expires = token.ExpiresAt.UtcDateTime,
        Claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = token.CustomerId.ToString(),
            [JwtRegisteredClaimNames.Jti] = token.Id.ToString(),
            [OrganizationClaim] = organizationId.ToString(),
        },
        SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
    });

    /// <returns>the ids and expiry it names, or null when it is not a token this API signed</returns>
    public async Task<(Guid OrganizationId, Guid CustomerId, Guid TokenId, DateTimeOffset ExpiresAt)?> ReadAsync(string token)
    {
        if (token.Length > 4096 || !_handler.CanReadToken(token)) return null;
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            // Lifetime is judged against the application's clock (TimeProvider) by the caller, and again by the token's row.
            ValidateLifetime = false,
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt) return null;
        if (!Guid.TryParse(jwt.Subject, out var customerId) || !Guid.TryParse(jwt.Id, out var tokenId)
            || !jwt.TryGetPayloadValue<string>(OrganizationClaim, out var org) || !Guid.TryParse(org, out var organizationId))
            return null;
        return (organizationId, customerId, tokenId, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
    }
}

/// <summary>The customer a member request acts for, from their access token; /me endpoints receive it as a parameter.</summary>
internal sealed record Member(Guid OrganizationId, Guid CustomerId, Guid TokenId)
{
    public const string OrganizationClaim = "member_organization_id";
    public const string CustomerClaim = "member_customer_id";
    public const string TokenClaim = "member_token_id";

    public static ValueTask<Member?> BindAsync(HttpContext context) => ValueTask.FromResult(Of(context.User));

    public static Member? Of(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(OrganizationClaim)?.Value, out var organizationId)
        && Guid.TryParse(user.FindFirst(CustomerClaim)?.Value, out var customerId)
        && Guid.TryParse(user.FindFirst(TokenClaim)?.Value, out var tokenId)
            ? new Member(organizationId, customerId, tokenId)
            : null;
}
