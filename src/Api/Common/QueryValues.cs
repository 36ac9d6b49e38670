using System.Text.Json;

namespace UnifiedCustomers.Api.Common;

/// <summary>
/// Query-string values spelled as in JSON bodies (snake_case enums). The framework's own enum
/// binding would accept "LateCancelled" and "7" but not "late_cancelled".
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
        var message = $"The value of '{parameter}' is one of: {allowed}.";
        return (ApiErrors.Malformed with { Message = message, Field = parameter }).ToProblem(new Dictionary<string, string[]> { [parameter] = [message] });
    }
}
