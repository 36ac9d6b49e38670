using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Members.IssueAccessToken;

/// <summary>
/// Staff (or the studio's own backend, with its API key) let one customer act for themselves for a
/// while. The row records the grant; the HTTP edge signs a token naming it (docs/adr/0019).
/// </summary>
public sealed record IssueAccessTokenCommand(Guid OrganizationId, Guid CustomerId, int LifetimeMinutes, string? Label)
    : ITenantCommand<Result<AccessTokenResponse>>;

internal sealed class IssueAccessTokenValidator : AbstractValidator<IssueAccessTokenCommand>
{
    public IssueAccessTokenValidator() => RuleFor(c => c.CustomerId).NotEmpty().WithMessage("Name the customer.");
}

internal sealed class IssueAccessTokenHandler(IAppDbContext db, IRowLocks locks, TimeProvider clock)
    : ICommandHandler<IssueAccessTokenCommand, Result<AccessTokenResponse>>
{
    public async ValueTask<Result<AccessTokenResponse>> Handle(IssueAccessTokenCommand command, CancellationToken ct)
    {
        // Under the customer's lock, so an archive or erasure in flight cannot miss this token.
        locks.LockCustomersWithNextQuery(command.OrganizationId, [command.CustomerId]);
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == command.CustomerId, ct);
        if (customer is null) return CustomerErrors.NotFound;
        return CustomerAccessToken.Issue(customer, command.LifetimeMinutes, command.Label, clock.GetUtcNow())
            .Tap(token => db.CustomerAccessTokens.Add(token))
            .Map(AccessTokenResponse.From);
    }
}
