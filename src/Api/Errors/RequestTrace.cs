using System.Diagnostics;

namespace UnifiedCustomers.Api.Errors;

/// <summary>
/// The request's trace id: the W3C trace id of its activity, which every log line of the request
/// carries in its scope as TraceId, else ASP.NET Core's request id. Problems carry it as `traceId`.
/// </summary>
internal static class RequestTrace
{
    public static string Id(HttpContext context) =>
        Activity.Current is { } activity ? activity.TraceId.ToHexString() : context.TraceIdentifier;
}
