namespace UnifiedCustomers.Application.Customers;

/// <summary>Turns a phone number as typed into E.164 when it parses for the organization's country.</summary>
public interface IPhoneNormalizer
{
    /// <param name="country">the organization's two-letter ISO 3166 code, for numbers written without a country code</param>
    /// <returns>the E.164 form of a valid number, else the number trimmed as written; null for blank input</returns>
    string? Normalize(string? phone, string country);
}
