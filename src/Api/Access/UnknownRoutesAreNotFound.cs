using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace UnifiedCustomers.Api.Access;

/// <summary>
/// The fallback policy (every endpoint needs a key) also covers requests that match no endpoint,
/// which would make an unknown route 401. A request that matched nothing, or only the routing's
/// "405 method not supported" endpoint (it carries no metadata), goes on unauthenticated to its
/// 404 or 405 problem: unknown routes are 404 whoever asks.
/// </summary>
internal sealed class UnknownRoutesAreNotFound : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult) =>
        !authorizeResult.Succeeded && context.GetEndpoint() is null or { Metadata.Count: 0 }
            ? next(context)
            : _default.HandleAsync(next, context, policy, authorizeResult);
}
