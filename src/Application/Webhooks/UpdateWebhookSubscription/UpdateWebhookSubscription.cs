using UnifiedCustomers.Application.Webhooks.CreateWebhookSubscription;
using UnifiedCustomers.Domain.Webhooks;

namespace UnifiedCustomers.Application.Webhooks.UpdateWebhookSubscription;

/// <summary>
/// A merge patch: fields left out stay as they are; null clears the description and the event types (every type
/// again); the URL and the enabled switch cannot be cleared.
/// </summary>
public sealed record UpdateWebhookSubscriptionCommand(
    Guid OrganizationId, Guid SubscriptionId, Optional<string?> Url, Optional<IReadOnlyList<string>?> EventTypes, Optional<string?> Description,
    Optional<bool?> Enabled)
    : ITenantCommand<Result<WebhookSubscriptionResponse>>;

internal sealed class UpdateWebhookSubscriptionValidator : AbstractValidator<UpdateWebhookSubscriptionCommand>
{
    public UpdateWebhookSubscriptionValidator()
    {
        RuleFor(c => c.Url.Value).NotEmpty().When(c => c.Url.IsSet).OverridePropertyName("url").WithMessage("The URL cannot be cleared.");
        this.RuleForSwitch(c => c.Enabled, "enabled");
    }
}

internal sealed class UpdateWebhookSubscriptionHandler(IRowLocks locks, IWebhookUrlPolicy urls, TimeProvider clock)
    : ICommandHandler<UpdateWebhookSubscriptionCommand, Result<WebhookSubscriptionResponse>>
{
    public async ValueTask<Result<WebhookSubscriptionResponse>> Handle(UpdateWebhookSubscriptionCommand command, CancellationToken ct)
    {
        var subscription = await locks.LockAndLoadWebhookSubscriptionAsync(command.OrganizationId, command.SubscriptionId, toDelete: false, ct);
        if (subscription is null) return WebhookErrors.NotFound;
        var types = command.EventTypes.IsSet ? command.EventTypes.Value ?? [] : subscription.EventTypes;
        if (!WebhookEventTypes.AllKnown(types)) return WebhookErrors.EventTypeUnknown;
        var enabled = command.Enabled.Or(subscription.Enabled) ?? subscription.Enabled;
        // The URL is checked when it is saved or switched on (ADR 0014), so one whose host has since moved
        // can still be switched off or described.
        var url = command.Url.IsSet || (enabled && !subscription.Enabled)
            ? await urls.CheckAsync(command.Url.Or(subscription.Url), ct)
            : new Uri(subscription.Url);
        return url
            .Bind(url => subscription.Change(url, types, command.Description.Or(subscription.Description), enabled, clock.GetUtcNow()))
            .Map(() => WebhookSubscriptionResponse.From(subscription));
    }
}
