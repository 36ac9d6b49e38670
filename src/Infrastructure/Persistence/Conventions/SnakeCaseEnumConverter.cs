using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace UnifiedCustomers.Infrastructure.Persistence.Conventions;

/// <summary>Enums are stored as readable snake_case text ('late_cancelled'), checked by a constraint.</summary>
internal sealed partial class SnakeCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => ToSnakeCase(value.ToString()),
    text => Enum.Parse<TEnum>(text.Replace("_", ""), true))
    where TEnum : struct, Enum
{
    public static string ToSnakeCase(string name) => UpperAfterLower().Replace(name, "$1_$2").ToLowerInvariant();

    /// <summary>The SQL list of every stored value, for CHECK constraints.</summary>
    public static string SqlValues() => SqlValues(Enum.GetValues<TEnum>());

    /// <summary>The SQL list of the stored forms of <paramref name="values"/>: a domain rule stated in SQL from the domain's own list.</summary>
    public static string SqlValues(IEnumerable<TEnum> values) => string.Join(", ", values.Select(v => $"'{ToSnakeCase(v.ToString())}'"));

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex UpperAfterLower();
}
