namespace HelplineDashboard.Features.Cases;

/// <summary>One answer of the risk screening. Unknown is not a no: the counsellor could not find out.</summary>
public enum ScreeningAnswer
{
    Unknown = 0,
    No = 1,
    Yes = 2,
}

/// <summary>The answers of one risk screening, written for this app (not a licensed checklist).</summary>
public sealed class ScreeningAnswers
{
    public ScreeningAnswer ThreatsToKill { get; set; }

    public ScreeningAnswer Strangulation { get; set; }

    public ScreeningAnswer Weapons { get; set; }

    public ScreeningAnswer Escalating { get; set; }

    public ScreeningAnswer Stalking { get; set; }

    public ScreeningAnswer RecentSeparation { get; set; }

    public ScreeningAnswer Pregnancy { get; set; }

    public ScreeningAnswer ChildrenAtRisk { get; set; }

    public ScreeningAnswer PerpetratorHasAccess { get; set; }

    public ScreeningAnswer FearForLife { get; set; }

    public ScreeningAnswers Copy() => (ScreeningAnswers)MemberwiseClone();
}

/// <summary>A question of the screening: its wording (a localisation key) and the answer it reads and writes.</summary>
public sealed record ScreeningQuestion(
    string Key,
    string Text,
    bool LethalityIndicator,
    Func<ScreeningAnswers, ScreeningAnswer> Get,
    Action<ScreeningAnswers, ScreeningAnswer> Set)
{
    /// <summary>The questions in the order the counsellor asks them.</summary>
    public static IReadOnlyList<ScreeningQuestion> All { get; } =
    [
        new("threats-to-kill", "Has the other person threatened to kill the caller or someone close to them?", true, a => a.ThreatsToKill, (a, v) => a.ThreatsToKill = v),
        new("strangulation", "Has the other person ever strangled, choked or smothered the caller?", true, a => a.Strangulation, (a, v) => a.Strangulation = v),
        new("weapons", "Does the other person have, or has used or threatened with, a weapon?", true, a => a.Weapons, (a, v) => a.Weapons = v),
        new("escalating", "Is the violence getting more frequent or more severe?", false, a => a.Escalating, (a, v) => a.Escalating = v),
        new("stalking", "Does the other person follow, watch or keep contacting the caller against their will?", false, a => a.Stalking, (a, v) => a.Stalking = v),
        new("recent-separation", "Has the caller recently separated or tried to leave?", false, a => a.RecentSeparation, (a, v) => a.RecentSeparation = v),
        new("pregnancy", "Is the caller pregnant or has recently given birth?", false, a => a.Pregnancy, (a, v) => a.Pregnancy = v),
        new("children-at-risk", "Are children harmed, threatened or present during the violence?", false, a => a.ChildrenAtRisk, (a, v) => a.ChildrenAtRisk = v),
        new("perpetrator-access", "Can the other person reach the caller now (lives together, knows where they are)?", false, a => a.PerpetratorHasAccess, (a, v) => a.PerpetratorHasAccess = v),
        new("fear-for-life", "Does the caller fear for their life?", false, a => a.FearForLife, (a, v) => a.FearForLife = v),
    ];
}
