namespace HelplineDashboard.Features.Cases;

/// <summary>
/// How the helpline may reach the caller without putting them in danger. Append-only like notes: each change is a
/// new row, the latest is in force. The callback number, safe times note and code word are encrypted at rest.
/// Follow-ups and any outbound contact ask <see cref="AllowsCallbackAt"/> and <see cref="AllowsSms"/> first.
/// </summary>
public sealed class SafetyPlan
{
    public const int MaxNumberLength = 32;
    public const int MaxNoteLength = 500;
    public const int MaxCodeWordLength = 100;

    public long Id { get; set; }

    public long CaseId { get; set; }

    /// <summary>Can the caller talk freely right now.</summary>
    public ScreeningAnswer SafeToTalk { get; set; }

    public string? SafeCallbackNumber { get; set; }

    /// <summary>Start of the safe window for callbacks, in the line's local time.</summary>
    public TimeOnly? SafeFrom { get; set; }

    /// <summary>End of the safe window; before <see cref="SafeFrom"/> means the window runs over midnight.</summary>
    public TimeOnly? SafeUntil { get; set; }

    /// <summary>Free words about safe times ("weekdays while he is at work").</summary>
    public string? SafeTimesNote { get; set; }

    /// <summary>A word the caller says when they cannot talk; counsellors ask for it or listen for it.</summary>
    public string? CodeWord { get; set; }

    public bool DoNotCallBack { get; set; }

    public bool DoNotSendSms { get; set; }

    public required string RecordedById { get; set; }

    public required string RecordedByName { get; set; }

    public DateTime RecordedAt { get; set; }

    /// <summary>No SMS when the caller asked for none.</summary>
    public bool AllowsSms => !DoNotSendSms;

    /// <summary>
    /// Whether the helpline may phone the caller at <paramref name="utc"/>: never when they asked not to be called back;
    /// otherwise only inside the safe window (in the line's time zone), when one is set.
    /// </summary>
    public bool AllowsCallbackAt(DateTime utc, TimeZoneInfo lineTimeZone)
    {
        if (DoNotCallBack)
        {
            return false;
        }

        if (SafeFrom is not { } from || SafeUntil is not { } until)
        {
            return true;
        }

        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), lineTimeZone));
        return from <= until
            ? local >= from && local < until
            : local >= from || local < until;
    }
}
