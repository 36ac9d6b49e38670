using UnifiedCustomers.Application.Webhooks;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Webhooks;

namespace UnifiedCustomers.Infrastructure.Webhooks;

internal sealed class WebhookUrlPolicy(WebhookOptions options) : IWebhookUrlPolicy
{
    public async Task<Result<Uri>> CheckAsync(string? url, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > WebhookSubscription.UrlMaxLength
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0 || uri.Host.Length == 0 || uri.Fragment.Length > 0)
            return WebhookErrors.UrlInvalid;
        if (options.RequireHttps && uri.Scheme != "https") return WebhookErrors.UrlNotHttps;
        if (options.AllowPrivateAddresses) return uri;
        // Checked again at every connection (the name may resolve elsewhere later); this refuses the obvious early.
        var addresses = await AddressRules.ResolveAsync(uri.Host, cancellationToken);
        if (addresses.Length == 0) return WebhookErrors.UrlUnresolvable;
        return addresses.All(AddressRules.IsPublic) ? uri : WebhookErrors.UrlNotPublic;
    }
}
