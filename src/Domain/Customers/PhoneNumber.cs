namespace UnifiedCustomers.Domain.Customers;

/// <summary>
/// A customer's phone as stored: E.164 when it parses for the organization's country, else as
/// written. Parsing needs libphonenumber, so the application normalises the number through its
/// port (IPhoneNormalizer) before it gets here; this type owns what any stored phone must be.
/// </summary>
public sealed record PhoneNumber : TextValue
{
    public const int MaxLength = 32;

    private PhoneNumber(string value) : base(value) { }

    /// <returns>the number, null when none is given, or <see cref="CustomerErrors.PhoneTooLong"/></returns>
    public static Result<PhoneNumber?> From(string? normalized) =>
        Read(normalized, "phone", MaxLength, CustomerErrors.PhoneTooLong).Map<PhoneNumber?>(text => text is null ? null : new PhoneNumber(text));
}
