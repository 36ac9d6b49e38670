namespace UnifiedCustomers.Api.Errors;

/// <summary>
/// Limits of the HTTP edge. Kestrel answers a request past its own header limits before any
/// application code runs, with an empty body; so Kestrel's limits are set well above the documented
/// ones, and <see cref="HeaderLimitMiddleware"/> answers the documented ones with a 431 problem.
/// </summary>
internal static class RequestLimits
{
    public const long MaxBodyBytes = 1024 * 1024;
    public const int MaxHeaderBytes = 32 * 1024;
    public const int MaxHeaderCount = 100;

    /// <summary>Kestrel's hard limits: past these it refuses with an empty 431 (documented).</summary>
    public const int HardMaxHeaderBytes = 256 * 1024;
    public const int HardMaxHeaderCount = 1000;
}

internal sealed class HeaderLimitMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        if (headers.Count > RequestLimits.MaxHeaderCount) return Refuse(context);
        long total = 0;
        foreach (var (name, values) in headers)
        {
            foreach (var value in values) total += name.Length + (value?.Length ?? 0) + 4;
            if (total > RequestLimits.MaxHeaderBytes) return Refuse(context);
        }
        return next(context);
    }

    private static Task Refuse(HttpContext context)
    {
        // The connection may be in a poor state (a client sending this much), so it is not kept alive.
        context.Response.Headers.Connection = "close";
        return ApiErrors.HeadersTooLarge.ToProblem().ExecuteAsync(context);
    }
}
