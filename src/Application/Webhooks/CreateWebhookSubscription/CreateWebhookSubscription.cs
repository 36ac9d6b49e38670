using UnifiedCustomers.Application.Events;
using UnifiedCustomers.Domain.Webhooks;

namespace UnifiedCustomers.Application.Webhooks.CreateWebhookSubscription;

/// <param name="EventTypes">the event types to deliver; empty or null for every type</param>
public sealed record CreateWebhookSubscriptionCommand(Guid OrganizationId, string? Url, IReadOnlyList<string>? EventTypes, string? Description, bool Enabled = true)
    : ITenantCommand<Result<CreatedWebhookSubscriptionResponse>>;

internal sealed class CreateWebhookSubscriptionValidator : AbstractValidator<CreateWebhookSubscriptionCommand>
{
    public CreateWebhookSubscriptionValidator() =>
        RuleFor(c => c.Url).NotEmpty().WithMessage("Give the URL deliveries are posted to.");
}

internal sealed class CreateWebhookSubscriptionHandler(IAppDbContext db, IWebhookUrlPolicy urls, TimeProvider clock)
    : ICommandHandler<CreateWebhookSubscriptionCommand, Result<CreatedWebhookSubscriptionResponse>>
{
    public async ValueTask<Result<CreatedWebhookSubscriptionResponse>> Handle(CreateWebhookSubscriptionCommand command, CancellationToken ct)
    {
        var types = command.EventTypes ?? [];
        if (!WebhookEventTypes.AllKnown(types)) return WebhookErrors.EventTypeUnknown;
        return (await urls.CheckAsync(command.Url, ct))
            .Bind(url => WebhookSubscription.Create(command.OrganizationId, url, types, command.Description, command.Enabled, clock.GetUtcNow()))
            .Tap(subscription => db.WebhookSubscriptions.Add(subscription))
            .Map(subscription => new CreatedWebhookSubscriptionResponse(WebhookSubscriptionResponse.From(subscription), subscription.Secret));
    }
}

internal static class WebhookEventTypes
{
    public static bool AllKnown(IReadOnlyList<string> types) =>
        types.Count <= WebhookSubscription.MaxEventTypes && types.All(t => t is not null && EventCatalog.IsKnown(t));
}
