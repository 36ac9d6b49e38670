namespace UnifiedCustomers.Application.Webhooks;

/// <summary>
/// Which URLs a subscription may name: absolute http(s) without credentials, https unless configured
/// otherwise, and a host that resolves only to public addresses unless private ones are allowed
/// (docs/events.md). The delivery worker checks the addresses again when it connects.
/// </summary>
public interface IWebhookUrlPolicy
{
    Task<Result<Uri>> CheckAsync(string? url, CancellationToken cancellationToken);
}
