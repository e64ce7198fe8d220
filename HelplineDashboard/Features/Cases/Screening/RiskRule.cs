namespace HelplineDashboard.Features.Cases;

/// <summary>
/// Computes a risk level from a screening. The rule (also in README "Risk screening"):
/// <list type="number">
/// <item>Immediate danger: the caller fears for their life and at least one lethality indicator (threats to kill,
/// strangulation or choking, weapons) is yes; or two or more lethality indicators are yes and the other person can
/// reach the caller now.</item>
/// <item>High: any lethality indicator is yes; or four or more answers are yes.</item>
/// <item>Medium: any answer is yes; or a lethality indicator is unknown (unknown is not a no).</item>
/// <item>Standard: otherwise.</item>
/// </list>
/// The counsellor may override the computed level with a written reason; the rule never lowers on its own what they chose.
/// </summary>
public static class RiskRule
{
    public const int MaxOverrideReasonLength = 2000;

    public static RiskLevel Compute(ScreeningAnswers answers)
    {
        var lethal = ScreeningQuestion.All.Where(q => q.LethalityIndicator).Select(q => q.Get(answers)).ToList();
        var lethalYes = lethal.Count(a => a == ScreeningAnswer.Yes);
        var yes = ScreeningQuestion.All.Count(q => q.Get(answers) == ScreeningAnswer.Yes);

        if ((answers.FearForLife == ScreeningAnswer.Yes && lethalYes >= 1) ||
            (lethalYes >= 2 && answers.PerpetratorHasAccess == ScreeningAnswer.Yes))
        {
            return RiskLevel.ImmediateDanger;
        }

        if (lethalYes >= 1 || yes >= 4)
        {
            return RiskLevel.High;
        }

        if (yes >= 1 || lethal.Contains(ScreeningAnswer.Unknown))
        {
            return RiskLevel.Medium;
        }

        return RiskLevel.Standard;
    }
}
