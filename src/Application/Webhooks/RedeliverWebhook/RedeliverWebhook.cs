using UnifiedCustomers.Application.Webhooks.ListWebhookDeliveries;
using UnifiedCustomers.Domain.Webhooks;

namespace UnifiedCustomers.Application.Webhooks.RedeliverWebhook;

/// <summary>Send a delivery again now (same event id), with a new retry period. Its attempt log continues.</summary>
public sealed record RedeliverWebhookCommand(Guid OrganizationId, Guid SubscriptionId, Guid DeliveryId) : ITenantCommand<Result<WebhookDeliveryResponse>>;

internal sealed class RedeliverWebhookHandler(IAppDbContext db, IRowLocks locks, TimeProvider clock) : ICommandHandler<RedeliverWebhookCommand, Result<WebhookDeliveryResponse>>
{
    public async ValueTask<Result<WebhookDeliveryResponse>> Handle(RedeliverWebhookCommand command, CancellationToken ct)
    {
        if (await locks.LockAndLoadWebhookSubscriptionAsync(command.OrganizationId, command.SubscriptionId, toDelete: false, ct) is null)
            return WebhookErrors.NotFound;
        var delivery = await db.WebhookDeliveries
            .FirstOrDefaultAsync(d => d.SubscriptionId == command.SubscriptionId && d.Id == command.DeliveryId, ct);
        if (delivery is null) return WebhookErrors.DeliveryNotFound;
        delivery.Redeliver(clock.GetUtcNow());
        var attempts = await db.WebhookDeliveryAttempts.AsNoTracking()
            .Where(a => a.DeliveryId == delivery.Id).OrderBy(a => a.Number).ToListAsync(ct);
        return WebhookDeliveries.Response(delivery, attempts);
    }
}
