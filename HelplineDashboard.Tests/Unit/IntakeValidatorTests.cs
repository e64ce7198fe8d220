using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Intake;
using HelplineDashboard.Tests.Support;

namespace HelplineDashboard.Tests.Unit;

public sealed class IntakeValidatorTests
{
    private readonly IntakeValidator _validator = new(TestLines.Catalog);

    private static IntakeRequest Valid() => new()
    {
        Line = "111",
        Channel = "Voice",
        ExternalId = "pbx-000123",
        From = "+77011234567",
        Language = "ru",
        Message = "optional text",
        Region = "almaty",
        Urgent = true,
    };

    [Fact]
    public void A_valid_request_is_accepted_and_normalised()
    {
        var result = _validator.Validate(Valid());

        Assert.True(result.IsValid);
        Assert.Equal(new ValidIntake("111", ContactChannel.Voice, "pbx-000123", "+77011234567", "ru", "optional text", "Almaty", true), result.Value);
    }

    [Theory]
    [InlineData("line", null)]
    [InlineData("line", "112")]
    [InlineData("channel", null)]
    [InlineData("channel", "Fax")]
    [InlineData("channel", "1")]
    [InlineData("externalId", null)]
    [InlineData("externalId", "  ")]
    [InlineData("from", null)]
    [InlineData("from", "+996555123456")]
    [InlineData("language", "Russian!")]
    [InlineData("region", "Atlantis")]
    public void A_broken_rule_is_reported_under_its_field(string field, string? value)
    {
        var request = Valid();
        typeof(IntakeRequest).GetProperty(char.ToUpperInvariant(field[0]) + field[1..])!.SetValue(request, value);

        var result = _validator.Validate(request);

        Assert.False(result.IsValid);
        Assert.Equal([field], result.Errors.Keys);
    }

    [Fact]
    public void External_id_longer_than_128_characters_is_refused()
    {
        var request = Valid();
        request.ExternalId = new string('x', 129);

        Assert.Contains("externalId", _validator.Validate(request).Errors.Keys);
    }

    [Fact]
    public void External_id_of_exactly_128_characters_is_accepted()
    {
        var request = Valid();
        request.ExternalId = new string('x', 128);

        Assert.True(_validator.Validate(request).IsValid);
    }

    [Fact]
    public void Message_over_4000_characters_is_refused()
    {
        var request = Valid();
        request.Message = new string('m', 4001);

        Assert.Equal(["message"], _validator.Validate(request).Errors.Keys);
    }

    [Fact]
    public void Chat_accepts_a_handle_that_is_not_a_phone_number()
    {
        var request = Valid();
        request.Channel = "chat";
        request.From = "tg:helpme";

        var result = _validator.Validate(request);

        Assert.True(result.IsValid);
        Assert.Equal(ContactChannel.Chat, result.Value!.Channel);
        Assert.Equal("tg:helpme", result.Value.From);
    }

    [Fact]
    public void Sms_needs_a_valid_number_for_the_line()
    {
        var request = Valid();
        request.Channel = "Sms";
        request.From = "tg:helpme";

        Assert.Equal(["from"], _validator.Validate(request).Errors.Keys);
    }

    [Fact]
    public void Kyrgyz_line_accepts_a_Kyrgyz_number()
    {
        var request = Valid();
        request.Line = "117";
        request.From = "+996 555 123 456";
        request.Region = "Bishkek";

        Assert.Equal("+996555123456", _validator.Validate(request).Value?.From);
    }

    [Fact]
    public void Every_broken_field_is_reported_at_once()
    {
        var result = _validator.Validate(new IntakeRequest { Line = "111", Channel = "Voice" });

        Assert.Equal(["externalId", "from"], result.Errors.Keys.Order());
    }

    [Fact]
    public void Missing_language_and_region_are_allowed()
    {
        var request = Valid();
        request.Language = null;
        request.Region = null;

        var result = _validator.Validate(request);

        Assert.Equal(IntakeValidator.UndeterminedLanguage, result.Value?.Language);
        Assert.Null(result.Value?.Region);
    }
}
