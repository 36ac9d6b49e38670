namespace UnifiedCustomers.Application.Customers;

/// <summary>Turns a phone number as typed into E.164 when it parses for the organization's country.</summary>
public interface IPhoneNormalizer
{
    /// <param name="country">the organization's two-letter ISO 3166 code, for numbers written without a country code</param>
    /// <returns>the E.164 form of a possible number, else the number trimmed as written; null for blank input</returns>
    string? Normalize(string? phone, string country);

    /// <summary>
    /// The digits a stored phone of the same person may consist of, however either was typed: the
    /// E.164 digits, the national number with its trunk prefix, and the digits as written.
    /// </summary>
    IReadOnlyList<string> DigitForms(string phone, string country);
}
