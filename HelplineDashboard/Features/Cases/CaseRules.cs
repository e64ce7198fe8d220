using HelplineDashboard.Common;
using HelplineDashboard.Features.Accounts;

namespace HelplineDashboard.Features.Cases;

/// <summary>The rules of case work, free of storage so they can be tested on their own.</summary>
public static class CaseRules
{
    public const int MaxClosingSummaryLength = 4000;

    /// <summary>The owner reads their case; a supervisor reads every case of the lines they supervise.</summary>
    public static bool MayRead(Case @case, Actor actor) =>
        @case.OwnerId == actor.UserId || (actor.IsSupervisor && actor.Serves(@case.Line));

    /// <summary>Only the owner works an open case.</summary>
    public static bool MayWork(Case @case, Actor actor) =>
        @case.Status == CaseStatus.Open && @case.OwnerId == actor.UserId;

    public static void EnsureWorkable(Case @case, Actor actor)
    {
        if (@case.Status != CaseStatus.Open)
        {
            throw new HelplineRuleException("This case is closed; nothing more can be added to it.");
        }

        if (@case.OwnerId != actor.UserId)
        {
            throw new HelplineRuleException("Only the counsellor working this case can change it.");
        }
    }

    public static string ValidNoteText(string? text) =>
        Text.Required(text, CaseNote.MaxLength, "A note cannot be empty.");

    public static string? ValidClosingSummary(string? summary) =>
        Text.Optional(summary, MaxClosingSummaryLength);

    public static void EnsureKnownOutcome(CaseOutcome outcome)
    {
        if (!Enum.IsDefined(outcome))
        {
            throw new HelplineRuleException("Choose how the case ended.");
        }
    }
}
