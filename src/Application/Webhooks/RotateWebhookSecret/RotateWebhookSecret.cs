using UnifiedCustomers.Domain.Webhooks;

namespace UnifiedCustomers.Application.Webhooks.RotateWebhookSecret;

/// <summary>A new signing secret, shown once; the previous one keeps signing alongside it for 24 hours.</summary>
public sealed record RotateWebhookSecretCommand(Guid OrganizationId, Guid SubscriptionId) : ITenantCommand<Result<RotatedWebhookSecretResponse>>;

internal sealed class RotateWebhookSecretHandler(IRowLocks locks, TimeProvider clock) : ICommandHandler<RotateWebhookSecretCommand, Result<RotatedWebhookSecretResponse>>
{
    public async ValueTask<Result<RotatedWebhookSecretResponse>> Handle(RotateWebhookSecretCommand command, CancellationToken ct)
    {
        var subscription = await locks.LockAndLoadWebhookSubscriptionAsync(command.OrganizationId, command.SubscriptionId, toDelete: false, ct);
        if (subscription is null) return WebhookErrors.NotFound;
        var secret = subscription.RotateSecret(clock.GetUtcNow());
        return new RotatedWebhookSecretResponse(secret, subscription.PreviousSecretExpiresAt!.Value);
    }
}
