namespace UnifiedCustomers.Domain.Customers;

/// <summary>A customer's email, kept in one form: without whitespace, lower-cased, one '@' with text on both sides.</summary>
public sealed record EmailAddress : TextValue
{
    public const int MaxLength = 254;

    private EmailAddress(string value) : base(value) { }

    /// <returns>the address, null when none is given, or <see cref="CustomerErrors.EmailInvalid"/></returns>
    public static Result<EmailAddress?> From(string? text)
    {
        if (CleanText.Check(text, "email") is { } unclean) return unclean;
        if (Normalize(text) is not { } normalized) return Result.Success<EmailAddress?>(null);
        var at = normalized.IndexOf('@', StringComparison.Ordinal);
        var valid = normalized.Length <= MaxLength && at > 0 && at == normalized.LastIndexOf('@') && at < normalized.Length - 1;
        return valid ? new EmailAddress(normalized) : CustomerErrors.EmailInvalid;
    }

    /// <summary>
    /// The form addresses are kept and looked up in: trimmed of all whitespace and lower-cased; null when nothing is left.
    /// U+0130 (İ) lower-cases to i, as in Unicode's case mapping and PostgreSQL's lower(), which the column's check
    /// holds the stored form to; .NET's invariant culture alone leaves it as it is.
    /// </summary>
    public static string? Normalize(string? email)
    {
        if (email is null) return null;
        var trimmed = string.Concat(email.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant().Replace('\u0130', 'i');
        return trimmed.Length == 0 ? null : trimmed;
    }
}
