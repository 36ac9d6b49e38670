namespace UnifiedCustomers.Domain.Common;

/// <summary>
/// A piece of text the domain has checked: trimmed, clean (<see cref="CleanText"/>) and no longer
/// than its type allows. Each value type reads its text through <see cref="Read"/> in its factory,
/// so the rule of a value has one owner (docs/adr/0031).
/// </summary>
public abstract record TextValue
{
    protected TextValue(string value) => Value = value;

    public string Value { get; }

    public sealed override string ToString() => Value;

    /// <returns>the trimmed text, null when nothing is left, or the refusal</returns>
    protected static Result<string?> Read(string? text, string field, int maxLength, Error tooLong)
    {
        if (CleanText.Check(text, field) is { } unclean) return unclean;
        if (string.IsNullOrWhiteSpace(text)) return Result.Success<string?>(null);
        var trimmed = text.Trim();
        return trimmed.Length > maxLength ? tooLong : trimmed;
    }
}
