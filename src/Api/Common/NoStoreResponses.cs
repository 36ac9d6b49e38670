using Microsoft.Net.Http.Headers;

namespace UnifiedCustomers.Api.Common;

/// <summary>
/// Every answer says <c>Cache-Control: no-store</c> unless its endpoint says otherwise: they carry a
/// customer's data or a credential (an issued access token, a webhook secret), and RFC 9111 only keeps
/// shared caches from storing answers to requests with Authorization, not a browser's own cache.
/// </summary>
internal sealed class NoStoreResponses(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var response = (HttpResponse)state;
            if (!response.Headers.ContainsKey(HeaderNames.CacheControl)) response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
