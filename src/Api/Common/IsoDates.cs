using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace UnifiedCustomers.Api.Common;

/// <summary>
/// The one spelling of dates and instants the API reads, in bodies, query strings and routes (README "JSON"):
/// a date is <c>yyyy-MM-dd</c>, an instant is an RFC 3339 date-time with its offset (<c>Z</c> or <c>±hh:mm</c>).
/// The framework's readers guess instead: JSON took an instant without an offset as the server's local time,
/// and query binding (TryParse, invariant culture) read <c>03/06/2026</c> as 6 March and <c>2026-06-01</c> as a
/// local midnight. The same instant in another zone is someone else's class; a guess is never made.
/// </summary>
internal static partial class IsoDates
{
    public const string DateExpected = "a date as yyyy-MM-dd (2026-06-03)";
    public const string InstantExpected = "an instant with its UTC offset, as 2026-06-03T18:00:00+02:00 or 2026-06-03T16:00:00Z (RFC 3339)";

    /// <summary>Whether values of this type (nullable or not) are read here rather than by the framework's guess.</summary>
    public static bool Covers(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(DateOnly) || t == typeof(DateTimeOffset));

    /// <summary>What a value of a covered type must look like, for a message; null for other types.</summary>
    public static string? Expected(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(DateOnly) => DateExpected,
        var t when t == typeof(DateTimeOffset) => InstantExpected,
        _ => null,
    };

    /// <summary>Whether the text is a valid value of a covered type (<see cref="Covers"/>).</summary>
    public static bool Parses(Type type, string text) =>
        (Nullable.GetUnderlyingType(type) ?? type) == typeof(DateOnly) ? TryParseDate(text, out _) : TryParseInstant(text, out _);

    public static bool TryParseDate(string? text, out DateOnly value)
    {
        value = default;
        return text is not null && Date().IsMatch(text)
               && DateOnly.TryParseExact(text, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    public static bool TryParseInstant(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null || Instant().Match(text) is not { Success: true } match) return false;
        // DateTimeOffset holds 7 fractional digits; RFC 3339 allows more (a nanosecond clock's), which are dropped.
        var fraction = match.Groups["fraction"].Value is { Length: > 0 } digits ? (digits.Length > 7 ? digits[..7] : digits).PadRight(7, '0') : "0000000";
        var offset = match.Groups["offset"].Value is "Z" or "z" ? "+00:00" : match.Groups["offset"].Value;
        // Calendar and clock validity, offsets past ±14:00 and instants outside DateTimeOffset's range are refused here.
        return DateTimeOffset.TryParseExact($"{match.Groups["date"].Value}T{match.Groups["time"].Value}.{fraction}{offset}",
            "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffzzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    // ASCII digits only ([0-9], not \d, which matches any script's digits); \z, not $, which allows a final line break.
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Date();

    [GeneratedRegex(@"^(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})[Tt](?<time>[0-9]{2}:[0-9]{2}:[0-9]{2})(?:\.(?<fraction>[0-9]{1,9}))?(?<offset>[Zz]|[+-][0-9]{2}:[0-9]{2})\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Instant();

    /// <summary>
    /// Instants in JSON bodies (and <c>DateTimeOffset?</c>, which the serializer wraps around it): strict on
    /// reading, written as the serializer always wrote them (ISO 8601 with the offset).
    /// </summary>
    internal sealed class InstantJsonConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && TryParseInstant(reader.GetString(), out var value)
                ? value
                : throw new JsonException($"The value is not {InstantExpected}.");

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
