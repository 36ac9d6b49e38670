using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Members;

/// <summary>An access token's record (never the token itself, which is shown once, when issued).</summary>
public sealed record AccessTokenResponse(
    Guid Id, Guid CustomerId, string? Label, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt)
{
    public static AccessTokenResponse From(CustomerAccessToken token) =>
        new(token.Id, token.CustomerId, token.Label, token.IssuedAt, token.ExpiresAt, token.RevokedAt);
}
