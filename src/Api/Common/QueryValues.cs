using System.Text.Json;

namespace UnifiedCustomers.Api.Common;

/// <summary>
/// Query-string values spelled as in JSON bodies (snake_case enums, dates and instants as <see cref="IsoDates"/>
/// reads them). The framework's own enum binding would accept "LateCancelled" and "7" but not "late_cancelled";
/// its date binding reads "03/06/2026" as 6 March and an instant without an offset as the server's local time.
/// </summary>
internal static class QueryValues
{
    /// <returns>a 400 problem naming the parameter, or null when the value is absent or valid</returns>
    public static IResult? TryEnum<TEnum>(string? text, string parameter, out TEnum? value) where TEnum : struct, Enum
    {
        value = null;
        if (string.IsNullOrEmpty(text)) return null;
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(JsonNamingPolicy.SnakeCaseLower.ConvertName(candidate.ToString()), text, StringComparison.Ordinal))
            {
                value = candidate;
                return null;
            }
        }
        var allowed = string.Join(", ", Enum.GetValues<TEnum>().Select(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString())));
        return Refusal(parameter, $"The value of '{parameter}' is one of: {allowed}.");
    }

    /// <summary>
    /// An endpoint filter factory, added once on the API's root group: every DateOnly and DateTimeOffset parameter
    /// (query or route) is held to <see cref="IsoDates"/>. Binding has already run with the framework's TryParse,
    /// which refuses only what no culture could read (those refusals name the parameter too:
    /// <see cref="UnreadableRequests.UnboundParameter"/>, with the same message); this refuses what it guessed at.
    /// </summary>
    public static EndpointFilterDelegate StrictDates(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var dated = context.MethodInfo.GetParameters().Where(p => p.Name is not null && IsoDates.Covers(p.ParameterType))
            .Select(p => (Name: p.Name!, Type: p.ParameterType)).ToArray();
        if (dated.Length == 0) return next;
        return invocation =>
        {
            var request = invocation.HttpContext.Request;
            foreach (var (name, type) in dated)
            {
                var raw = request.RouteValues.TryGetValue(name, out var routeValue) ? routeValue?.ToString() : request.Query[name].ToString();
                if (!string.IsNullOrEmpty(raw) && !IsoDates.Parses(type, raw)) return ValueTask.FromResult<object?>(Refusal(name, NotADate(name, type)));
            }
            return next(invocation);
        };
    }

    /// <summary>The sentence for a date or instant parameter (<see cref="IsoDates.Covers"/>) not spelled as <see cref="IsoDates"/> reads it.</summary>
    public static string NotADate(string parameter, Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) == typeof(DateTimeOffset)
            ? $"The value of '{parameter}' is not {IsoDates.InstantExpected}; in a query string, a '+' is sent as %2B."
            : $"The value of '{parameter}' is not {IsoDates.DateExpected}.";

    private static IResult Refusal(string parameter, string message) =>
        (ApiErrors.Malformed with { Message = message, Field = parameter }).ToProblem(new Dictionary<string, string[]> { [parameter] = [message] });
}
