namespace UnifiedCustomers.Domain.Customers;

/// <summary>A person's name: a first or a last name at least, each trimmed and at most <see cref="MaxLength"/> characters.</summary>
public sealed record PersonName
{
    public const int MaxLength = 100;

    private PersonName(string first, string last) => (First, Last) = (first, last);

    public string First { get; }
    public string Last { get; }
    public string Full => $"{First} {Last}".Trim();

    /// <returns>the name, or <see cref="CustomerErrors.NameRequired"/> / <see cref="CustomerErrors.NameTooLong"/></returns>
    public static Result<PersonName> From(string? first, string? last)
    {
        if ((CleanText.Check(first, "firstName") ?? CleanText.Check(last, "lastName")) is { } unclean) return unclean;
        var (f, l) = ((first ?? "").Trim(), (last ?? "").Trim());
        if (f.Length == 0 && l.Length == 0) return CustomerErrors.NameRequired;
        if (f.Length > MaxLength || l.Length > MaxLength) return CustomerErrors.NameTooLong;
        return new PersonName(f, l);
    }
}
