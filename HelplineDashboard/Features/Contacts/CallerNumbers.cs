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
    public static string Mask(string from, ContactChannel channel)
    {
        if (channel == ContactChannel.Chat || !from.StartsWith('+'))
        {
            return MaskHandle(from);
        }

        try
        {
            var number = Util.Parse(from, null);
            var international = Util.Format(number, PhoneNumberFormat.INTERNATIONAL);
            var prefix = "+" + number.CountryCode + " ";
            if (!international.StartsWith(prefix, StringComparison.Ordinal))
            {
                return MaskHandle(from);
            }

            var national = international[prefix.Length..].ToCharArray();
            var digitPositions = national.Select((c, i) => (c, i)).Where(x => char.IsAsciiDigit(x.c)).Select(x => x.i).ToList();
            for (var k = 1; k < digitPositions.Count - 2; k++)
            {
                national[digitPositions[k]] = '*';
            }

            return prefix + new string(national);
        }
        catch (NumberParseException)
        {
            return MaskHandle(from);
        }
    }

    private static string MaskHandle(string handle) => handle.Length switch
    {
        0 => "",
        <= 2 => new string('*', handle.Length),
        _ => handle[0] + new string('*', Math.Min(handle.Length - 2, 6)) + handle[^1],
    };

    /// <summary>The caller's number as a person reads it, for those allowed to see it in full.</summary>
    public static string Display(string from, ContactChannel channel)
    {
        if (channel == ContactChannel.Chat || !from.StartsWith('+'))
        {
            return from;
        }

        try
        {
            return Util.Format(Util.Parse(from, null), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return from;
        }
    }
}
