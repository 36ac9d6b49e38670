using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Members.RevokeAccessToken;

/// <summary>Ends one access token now: staff revoking a lost device, or the holder signing out.</summary>
public sealed record RevokeAccessTokenCommand(Guid OrganizationId, Guid CustomerId, Guid TokenId) : ITenantCommand<Result<AccessTokenResponse>>;

internal sealed class RevokeAccessTokenValidator : AbstractValidator<RevokeAccessTokenCommand>
{
    public RevokeAccessTokenValidator()
    {
        RuleFor(c => c.CustomerId).NotEmpty().WithMessage("Name the customer.");
        RuleFor(c => c.TokenId).NotEmpty().WithMessage("Name the access token.");
    }
}

internal sealed class RevokeAccessTokenHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<RevokeAccessTokenCommand, Result<AccessTokenResponse>>
{
    public async ValueTask<Result<AccessTokenResponse>> Handle(RevokeAccessTokenCommand command, CancellationToken ct)
    {
        var token = await db.CustomerAccessTokens.FirstOrDefaultAsync(
            t => t.CustomerId == command.CustomerId && t.Id == command.TokenId, ct);
        if (token is null) return CustomerAccessErrors.NotFound;
        var revoked = token.Revoke(clock.GetUtcNow());
        return revoked.IsSuccess ? AccessTokenResponse.From(token) : revoked.Error!;
    }
}
