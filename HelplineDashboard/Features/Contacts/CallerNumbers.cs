using PhoneNumbers;

namespace HelplineDashboard.Features.Contacts;

/// <summary>Validation, normalisation and masking of callers' numbers (libphonenumber).</summary>
public static class CallerNumbers
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// Parses <paramref name="raw"/> as a number of <paramref name="country"/> and returns it in E.164,
    /// or null when it is not a valid number of that country.
    /// </summary>
    public static string? NormaliseForCountry(string raw, string country)
    {
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 32)
        {
            return null;
        }

        try
        {
            var number = Util.Parse(raw, country);
            return Util.IsValidNumberForRegion(number, country)
                ? Util.Format(number, PhoneNumberFormat.E164)
                : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>
    /// What the queue shows of a caller: country code, the first digit and the last two,
    /// e.g. <c>+7 7** *** ** 67</c>. Chat handles keep their first and last character.
    /// </summary>
    public static string Mask(string from, ContactChannel channel) =>
        TryGroup(from, channel, out var countryCode, out var national)
            ? $"+{countryCode} {MaskDigits(national)}"
            : MaskHandle(from);

    /// <summary>The caller's number as a person reads it, for those allowed to see it in full.</summary>
    public static string Display(string from, ContactChannel channel) =>
        TryGroup(from, channel, out var countryCode, out var national) ? $"+{countryCode} {national}" : from;

    /// <summary>Groups the national number as people in the region write it: 701 123 45 67 (KZ), 555 123 456 (KG).</summary>
    private static bool TryGroup(string from, ContactChannel channel, out int countryCode, out string national)
    {
        countryCode = 0;
        national = "";
        if (channel == ContactChannel.Chat || !from.StartsWith('+'))
        {
            return false;
        }

        try
        {
            var number = Util.Parse(from, null);
            var digits = Util.GetNationalSignificantNumber(number);
            int[] groups = digits.Length switch
            {
                10 => [3, 3, 2, 2],
                9 => [3, 3, 3],
                _ => [digits.Length],
            };
            var parts = new List<string>();
            var at = 0;
            foreach (var size in groups)
            {
                parts.Add(digits.Substring(at, size));
                at += size;
            }

            countryCode = number.CountryCode;
            national = string.Join(' ', parts);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    private static string MaskDigits(string grouped)
    {
        var chars = grouped.ToCharArray();
        var digitPositions = Enumerable.Range(0, chars.Length).Where(i => char.IsAsciiDigit(chars[i])).ToList();
        foreach (var position in digitPositions.Skip(1).SkipLast(2))
        {
            chars[position] = '*';
        }

        return new string(chars);
    }

    private static string MaskHandle(string handle) => handle.Length switch
    {
        0 => "",
        <= 2 => new string('*', handle.Length),
        _ => handle[0] + new string('*', Math.Min(handle.Length - 2, 6)) + handle[^1],
    };
}
