namespace UnifiedCustomers.Api.Members;

/// <param name="ExpiresInMinutes">5 to 1440; 60 when left out</param>
/// <param name="Label">where the token is used (a device, an app), shown when listing tokens</param>
internal sealed record IssueAccessTokenRequest(int? ExpiresInMinutes = null, string? Label = null);

/// <param name="Token">send as `Authorization: Bearer <token>` to /api/v1/me; shown once, never stored</param>
internal sealed record IssuedAccessTokenResponse(
    Guid Id, Guid CustomerId, string? Label, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, string Token, string TokenType);

/// <summary>Staff (or the studio's backend) grant a customer access for a member app, list and revoke those grants.</summary>
internal static class AccessTokenEndpoints
{
    public static RouteGroupBuilder MapAccessTokens(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/customers/{customerId}/access-tokens").WithTags("Member app");

        tokens.MapPost("/", async (Guid customerId, IssueAccessTokenRequest? request, Tenant tenant, CustomerTokenSigner signer, IMediator mediator, CancellationToken ct) =>
            {
                var issued = await mediator.Send(new IssueAccessTokenCommand(
                    tenant.OrganizationId, customerId, request?.ExpiresInMinutes ?? CustomerAccessToken.DefaultLifetimeMinutes, request?.Label), ct);
                return issued
                    .Map(t => new IssuedAccessTokenResponse(t.Id, t.CustomerId, t.Label, t.IssuedAt, t.ExpiresAt, signer.Sign(tenant.OrganizationId, t), "Bearer"))
                    .ToCreated(_ => $"/api/v1/customers/{customerId}/access-tokens");
            })
            .WithName("IssueAccessToken")
            .WithSummary("Issue a short-lived access token with which one customer uses /api/v1/me")
            .WithDescription("The token ends at its expiry, when revoked, or when the customer is archived or erased. Hand it to the customer's app only.")
            .Produces<IssuedAccessTokenResponse>(StatusCodes.Status201Created)
            .Problems(404, 422);

        tokens.MapGet("/", (Guid customerId, Tenant tenant, IMediator mediator, CancellationToken ct, int page = 1, int pageSize = Paging.DefaultPageSize) =>
                mediator.SendOk(new ListAccessTokensQuery(tenant.OrganizationId, customerId, page, pageSize), ct))
            .Answers<PagedList<AccessTokenResponse>>("ListAccessTokens", "A customer's access tokens, newest first (never the tokens themselves)", 404);

        tokens.MapPost("/{tokenId}/revoke", (Guid customerId, Guid tokenId, Tenant tenant, IMediator mediator, CancellationToken ct) =>
                mediator.SendOk(new RevokeAccessTokenCommand(tenant.OrganizationId, customerId, tokenId), ct))
            .Answers<AccessTokenResponse>("RevokeAccessToken", "Revoke an access token now (a lost phone, a shared login)", 404, 409);

        return api;
    }
}
