using HelplineDashboard.Features.Contacts;

namespace HelplineDashboard.Tests.Unit;

public sealed class CallerNumbersTests
{
    [Theory]
    [InlineData("+77011234567", "KZ", "+77011234567")]
    [InlineData("+7 701 123 45 67", "KZ", "+77011234567")]
    [InlineData("87011234567", "KZ", "+77011234567")]
    [InlineData("+996555123456", "KG", "+996555123456")]
    [InlineData("0555 123 456", "KG", "+996555123456")]
    public void A_valid_number_of_the_lines_country_is_normalised_to_E164(string raw, string country, string expected)
    {
        Assert.Equal(expected, CallerNumbers.NormaliseForCountry(raw, country));
    }

    [Theory]
    [InlineData("+74951234567", "KZ")] // Moscow: +7, but Russia, not Kazakhstan
    [InlineData("+77011234567", "KG")] // Kazakh mobile on the Kyrgyz line
    [InlineData("+99655512", "KG")] // too short
    [InlineData("call me", "KZ")]
    [InlineData("", "KZ")]
    [InlineData("+7701123456789012345678901234567890", "KZ")]
    public void A_number_that_is_not_valid_for_the_lines_country_is_refused(string raw, string country)
    {
        Assert.Null(CallerNumbers.NormaliseForCountry(raw, country));
    }

    [Fact]
    public void The_queue_mask_keeps_country_code_first_digit_and_last_two_digits()
    {
        Assert.Equal("+7 7** *** ** 67", CallerNumbers.Mask("+77011234567", ContactChannel.Voice));
    }

    [Fact]
    public void The_mask_works_for_Kyrgyz_numbers()
    {
        var masked = CallerNumbers.Mask("+996555123456", ContactChannel.Sms);

        Assert.StartsWith("+996 5", masked);
        Assert.EndsWith("56", masked);
        Assert.DoesNotContain("123", masked);
    }

    [Fact]
    public void A_chat_handle_is_masked_too()
    {
        var masked = CallerNumbers.Mask("chat:survivor2026", ContactChannel.Chat);

        Assert.Equal('c', masked[0]);
        Assert.Equal('6', masked[^1]);
        Assert.DoesNotContain("survivor", masked);
    }

    [Fact]
    public void The_full_number_reads_in_international_format()
    {
        Assert.Equal("+7 701 123 45 67", CallerNumbers.Display("+77011234567", ContactChannel.Voice));
    }
}
