namespace UnifiedCustomers.Domain.Customers;

public static class EmailAddress
{
    public const int MaxLength = 254;

    /// <summary>Trimmed of all whitespace and lower-cased; null when nothing is left.</summary>
    public static string? Normalize(string? email)
    {
        if (email is null) return null;
        var trimmed = string.Concat(email.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
        return trimmed.Length == 0 ? null : trimmed;
    }

    public static bool IsValid(string normalized)
    {
        var at = normalized.IndexOf('@', StringComparison.Ordinal);
        return normalized.Length <= MaxLength && at > 0 && at == normalized.LastIndexOf('@') && at < normalized.Length - 1;
    }
}
