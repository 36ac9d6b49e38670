using PhoneNumbers;
using UnifiedCustomers.Application.Customers;

namespace UnifiedCustomers.Infrastructure.Phones;

internal sealed class PhoneNormalizer : IPhoneNormalizer
{
    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    public string? Normalize(string? phone, string country)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var written = phone.Trim();
        try
        {
            var parsed = Numbers.Parse(written, country);
            // A number that parses but is not valid (too short, unknown range) is kept as written
            // rather than dressed up as an E.164 number nobody can dial.
            return Numbers.IsValidNumber(parsed) ? Numbers.Format(parsed, PhoneNumberFormat.E164) : written;
        }
        catch (NumberParseException)
        {
            return written;
        }
    }
}
