namespace UnifiedCustomers.Domain.Common;

/// <summary>
/// What text may hold: no control characters (C0, DEL, C1) and no unpaired surrogates, which
/// PostgreSQL cannot store (NUL) or which mean nothing to a person. Free text (notes) may also
/// hold line breaks and tabs. Surrounding whitespace does not count (values are kept trimmed).
/// Every text value the domain keeps passes this rule.
/// </summary>
public static class CleanText
{
    public const string Code = InputErrors.InvalidCharactersCode;

    public static bool IsClean(string? text, bool multiline = false)
    {
        if (text is null) return true;
        text = text.Trim();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
                return false;
            }
            if (char.IsLowSurrogate(c)) return false;
            if (!char.IsControl(c)) continue;
            if (multiline && c is '\n' or '\r' or '\t') continue;
            return false;
        }
        return true;
    }

    public static Error Invalid(string field, bool multiline = false) => InputErrors.InvalidCharacters(field, multiline);

    /// <returns>the refusal naming <paramref name="field"/>, or null when the text is clean</returns>
    public static Error? Check(string? text, string field, bool multiline = false) => IsClean(text, multiline) ? null : Invalid(field, multiline);
}

/// <summary>
/// The dates and instants the system accepts: 1900-01-01 to 2200-12-31 (instants from
/// 1900-01-01T00:00Z up to, not including, 2201-01-01T00:00Z). Every date calculation of the domain
/// (allowance periods, pauses, windows, the studio's local dates) is total over this range, and
/// nothing stored reaches PostgreSQL's 'infinity' or .NET's DateOnly.MaxValue.
/// </summary>
public static class DateBounds
{
    public const string Code = InputErrors.DateOutOfRangeCode;
    public static readonly DateOnly Min = new(1900, 1, 1);
    public static readonly DateOnly Max = new(2200, 12, 31);
    public static readonly DateTimeOffset MinInstant = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
    /// <summary>Exclusive.</summary>
    public static readonly DateTimeOffset EndInstant = new(2201, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool Contains(DateOnly date) => date >= Min && date <= Max;

    public static bool Contains(DateTimeOffset instant) => instant >= MinInstant && instant < EndInstant;

    public static bool Contains(DateTime instant) => instant.Kind == DateTimeKind.Unspecified
        ? Contains(DateOnly.FromDateTime(instant))
        : Contains(new DateTimeOffset(instant.ToUniversalTime(), TimeSpan.Zero));

    public static Error OutOfRange(string field) => InputErrors.DateOutOfRange(field);

    public static Error? Check(DateOnly? date, string field) => date is { } d && !Contains(d) ? OutOfRange(field) : null;

    public static Error? Check(DateTimeOffset? instant, string field) => instant is { } i && !Contains(i) ? OutOfRange(field) : null;
}
