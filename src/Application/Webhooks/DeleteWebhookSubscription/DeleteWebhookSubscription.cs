using UnifiedCustomers.Domain.Webhooks;

namespace UnifiedCustomers.Application.Webhooks.DeleteWebhookSubscription;

/// <summary>The subscription goes, with its deliveries and their log; the events stay in the feed.</summary>
public sealed record DeleteWebhookSubscriptionCommand(Guid OrganizationId, Guid SubscriptionId) : ITenantCommand<Result>;

internal sealed class DeleteWebhookSubscriptionHandler(IAppDbContext db, IRowLocks locks) : ICommandHandler<DeleteWebhookSubscriptionCommand, Result>
{
    public async ValueTask<Result> Handle(DeleteWebhookSubscriptionCommand command, CancellationToken ct)
    {
        var id = command.SubscriptionId;
        var subscription = await locks.LockAndLoadWebhookSubscriptionAsync(command.OrganizationId, id, toDelete: true, ct);
        if (subscription is null) return WebhookErrors.NotFound;
        // Nothing cascades in this schema: children first, set-based.
        var deliveries = db.WebhookDeliveries.Where(d => d.SubscriptionId == id);
        await db.WebhookDeliveryAttempts
            .Where(a => deliveries.Select(d => d.Id).Contains(a.DeliveryId))
            .ExecuteDeleteAsync(ct);
        await deliveries.ExecuteDeleteAsync(ct);
        db.WebhookSubscriptions.Remove(subscription);
        return Result.Success();
    }
}
