using HelplineDashboard.Common;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Tests.Support;

namespace HelplineDashboard.Tests.Unit;

public sealed class RiskRuleTests
{
    private static ScreeningAnswers Answers(ScreeningAnswer rest, params string[] yes) => Screenings.Answers(rest, yes);

    [Fact]
    public void All_no_is_standard_risk()
    {
        Assert.Equal(RiskLevel.Standard, RiskRule.Compute(Answers(ScreeningAnswer.No)));
    }

    [Fact]
    public void An_unknown_lethality_indicator_is_at_least_medium_because_unknown_is_not_no()
    {
        var answers = Answers(ScreeningAnswer.No);
        answers.Weapons = ScreeningAnswer.Unknown;

        Assert.Equal(RiskLevel.Medium, RiskRule.Compute(answers));
        Assert.Equal(RiskLevel.Medium, RiskRule.Compute(new ScreeningAnswers()));
    }

    [Theory]
    [InlineData("stalking")]
    [InlineData("pregnancy", "recent-separation", "escalating")]
    public void Up_to_three_yes_answers_without_a_lethality_indicator_are_medium(params string[] yes)
    {
        Assert.Equal(RiskLevel.Medium, RiskRule.Compute(Answers(ScreeningAnswer.No, yes)));
    }

    [Theory]
    [InlineData("threats-to-kill")]
    [InlineData("strangulation")]
    [InlineData("weapons", "perpetrator-access")]
    [InlineData("stalking", "pregnancy", "recent-separation", "escalating")]
    public void A_lethality_indicator_or_four_yes_answers_are_high(params string[] yes)
    {
        Assert.Equal(RiskLevel.High, RiskRule.Compute(Answers(ScreeningAnswer.No, yes)));
    }

    [Theory]
    [InlineData("fear-for-life", "strangulation")]
    [InlineData("fear-for-life", "threats-to-kill")]
    [InlineData("weapons", "threats-to-kill", "perpetrator-access")]
    public void Fear_for_life_with_a_lethality_indicator_or_two_indicators_with_access_are_immediate_danger(params string[] yes)
    {
        Assert.Equal(RiskLevel.ImmediateDanger, RiskRule.Compute(Answers(ScreeningAnswer.No, yes)));
    }

    [Fact]
    public void Fear_for_life_alone_is_not_immediate_danger()
    {
        Assert.Equal(RiskLevel.Medium, RiskRule.Compute(Answers(ScreeningAnswer.No, "fear-for-life")));
    }

    [Fact]
    public void An_override_to_another_level_needs_a_written_reason()
    {
        Assert.Throws<HelplineRuleException>(() => RiskScreeningService.ValidOverride(RiskLevel.Medium, RiskLevel.High, "  "));
        Assert.Equal((RiskLevel.High, "Caller says he bought a gun"), RiskScreeningService.ValidOverride(RiskLevel.Medium, RiskLevel.High, " Caller says he bought a gun "));
        Assert.Equal((RiskLevel.Medium, null), RiskScreeningService.ValidOverride(RiskLevel.Medium, RiskLevel.Medium, null));
        Assert.Equal((RiskLevel.Medium, null), RiskScreeningService.ValidOverride(RiskLevel.Medium, null, "ignored"));
    }

    [Fact]
    public void An_answer_outside_yes_no_unknown_is_refused()
    {
        var answers = Answers(ScreeningAnswer.No);
        answers.Stalking = (ScreeningAnswer)42;

        Assert.Throws<HelplineRuleException>(() => RiskScreeningService.ValidAnswers(answers));
    }
}
