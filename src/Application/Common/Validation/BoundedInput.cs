using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation.Results;

namespace UnifiedCustomers.Application.Common.Validation;

/// <summary>
/// Marks a text field of a command or query as free text (notes): line breaks and tabs are allowed
/// there; every other text field is one line. Use on positional records as <c>[property: FreeText]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class FreeTextAttribute : Attribute;

/// <summary>
/// The bounds every value that enters must keep, checked on every command and query before its own
/// validator's rules matter: text is clean (<see cref="CleanText"/>), dates and instants are within
/// <see cref="DateBounds"/>. It walks the message's properties (nested records and lists included),
/// so a new use case is covered without writing a rule; the domain owns the meaning and refuses
/// the same values again. Failures carry the domain's code (text.invalid_characters, date.out_of_range).
/// </summary>
internal sealed class BoundedInputValidator<TMessage> : AbstractValidator<TMessage>
{
    public BoundedInputValidator()
    {
        if (!BoundedInput.HasBoundedValues(typeof(TMessage))) return;
        RuleFor(message => message).Custom((message, context) =>
        {
            foreach (var (field, error) in BoundedInput.Violations(message))
                context.AddFailure(CatalogFailures.Of(field, error));
        });
    }
}

internal static class BoundedInput
{
    private const int MaxDepth = 4;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static bool HasBoundedValues(Type type) => Inspected(type, 0);

    /// <returns>each field (property path, e.g. "Payment.Id", "Names[2]") whose value is out of bounds, with the domain's refusal</returns>
    public static IEnumerable<(string Field, Error Error)> Violations(object? message) => Walk(message, "", false, 0);

    private static IEnumerable<(string, Error)> Walk(object? value, string path, bool freeText, int depth)
    {
        switch (value)
        {
            case null:
                yield break;
            case string text:
                if (!CleanText.IsClean(text, freeText)) yield return (path, CleanText.Invalid(path, freeText));
                yield break;
            case DateOnly date:
                if (!DateBounds.Contains(date)) yield return (path, DateBounds.OutOfRange(path));
                yield break;
            case DateTimeOffset instant:
                if (!DateBounds.Contains(instant)) yield return (path, DateBounds.OutOfRange(path));
                yield break;
            case DateTime dateTime:
                if (!DateBounds.Contains(dateTime)) yield return (path, DateBounds.OutOfRange(path));
                yield break;
        }
        if (value is IOptional optional)
        {
            // A merge patch's field: checked as the value it carries, under the field's own name.
            foreach (var violation in Walk(optional.GivenValue, path, freeText, depth)) yield return violation;
            yield break;
        }
        if (depth >= MaxDepth) yield break;
        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                foreach (var violation in Walk(item, $"{path}[{index}]", freeText, depth + 1)) yield return violation;
                index++;
            }
            yield break;
        }
        foreach (var property in Properties.GetOrAdd(value.GetType(), Readable))
        {
            var field = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            var isFree = property.IsDefined(typeof(FreeTextAttribute));
            foreach (var violation in Walk(property.GetValue(value), field, isFree, depth + 1)) yield return violation;
        }
    }

    private static PropertyInfo[] Readable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && Inspected(p.PropertyType, 1))
            .ToArray();

    /// <summary>Whether a value of this type can hold text or a date (ours: strings, dates, our records, lists of them).</summary>
    private static bool Inspected(Type type, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type == typeof(DateOnly) || type == typeof(DateTimeOffset) || type == typeof(DateTime)) return true;
        if (depth > MaxDepth || type.IsPrimitive || type.IsEnum || type == typeof(Guid) || type == typeof(decimal) || type == typeof(TimeOnly)) return false;
        if (type.IsArray) return Inspected(type.GetElementType()!, depth + 1);
        if (typeof(IEnumerable).IsAssignableFrom(type))
            return type.IsGenericType && type.GetGenericArguments().Any(a => Inspected(a, depth + 1));
        if (type.Namespace?.StartsWith("UnifiedCustomers", StringComparison.Ordinal) != true) return false;
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => p.GetIndexParameters().Length == 0 && Inspected(p.PropertyType, depth + 1));
    }
}
