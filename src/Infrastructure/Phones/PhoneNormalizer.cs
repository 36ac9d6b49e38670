using PhoneNumbers;
using UnifiedCustomers.Application.Customers;

namespace UnifiedCustomers.Infrastructure.Phones;

/// <summary>
/// libphonenumber, as the legacy consolidation uses it: a number that is possible for the country
/// (the right length) is stored in E.164, so `07700 900123` in a UK studio is `+447700900123`
/// whichever way it came in. A number that does not parse is kept as written.
/// </summary>
internal sealed class PhoneNormalizer : IPhoneNormalizer
{
    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    public string? Normalize(string? phone, string country)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var written = phone.Trim();
        return Parse(written, country) is { } parsed ? Numbers.Format(parsed, PhoneNumberFormat.E164) : written;
    }

    public IReadOnlyList<string> DigitForms(string phone, string country)
    {
        var forms = new List<string>(3);
        var written = phone.Trim();
        if (Parse(written, country) is { } parsed)
        {
            forms.Add(Digits(Numbers.Format(parsed, PhoneNumberFormat.E164)));
            forms.Add(Digits(Numbers.Format(parsed, PhoneNumberFormat.NATIONAL)));
        }
        forms.Add(Digits(written));
        return forms.Where(f => f.Length > 0).Distinct().ToList();
    }

    private static PhoneNumber? Parse(string written, string country)
    {
        try
        {
            var parsed = Numbers.Parse(written, country);
            return Numbers.IsPossibleNumber(parsed) ? parsed : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    private static string Digits(string text) => new(text.Where(char.IsAsciiDigit).ToArray());
}
