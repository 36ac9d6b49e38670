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
        var url = await urls.CheckAsync(command.Url, ct);
        if (url.IsFailure) return url.Error!;
        var created = WebhookSubscription.Create(command.OrganizationId, url.Value, types, command.Description, command.Enabled, clock.GetUtcNow());
        if (created.IsFailure) return created.Error!;
        db.WebhookSubscriptions.Add(created.Value);
        return new CreatedWebhookSubscriptionResponse(WebhookSubscriptionResponse.From(created.Value), created.Value.Secret);
    }
}

internal static class WebhookEventTypes
{
    public static bool AllKnown(IReadOnlyList<string> types) =>
        types.Count <= WebhookSubscription.MaxEventTypes && types.All(t => t is not null && EventCatalog.IsKnown(t));
}
