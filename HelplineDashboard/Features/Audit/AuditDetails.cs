namespace HelplineDashboard.Features.Audit;

/// <summary>
/// Audit details that are fixed phrases, without ids or values. Writers use these constants; the audit log shows them
/// in the reader's language (their keys are in Localization/ComputedKeys.cs), also after the "subject: " that a settings
/// change puts first (<see cref="AuditTrail.SettingsChanged"/>). A detail with values in it is an
/// <see cref="AuditPhrase"/> (<see cref="AuditPhrases"/>).
/// </summary>
public static class AuditDetails
{
    public const string NumberShownInFull = "caller's number shown in full";
    public const string TwoFactorTurnedOn = "two-factor sign-in turned on";
    public const string PasswordReset = "password reset";
    public const string AccountDisabled = "account disabled";
    public const string AccountEnabled = "account enabled";
    public const string KeyRotated = "key rotated";
    public const string KeyRevoked = "key revoked";
    public const string CategoryAdded = "category added";
    public const string CategoryRenamed = "category renamed";
    public const string CategoryRetired = "category retired";
    public const string CategoryRestored = "category restored";

    public static IReadOnlyList<string> Fixed { get; } =
    [
        NumberShownInFull, TwoFactorTurnedOn, PasswordReset, AccountDisabled, AccountEnabled, KeyRotated, KeyRevoked,
        CategoryAdded, CategoryRenamed, CategoryRetired, CategoryRestored,
    ];

    public static bool IsFixed(string? detail) => detail is not null && Fixed.Contains(detail, StringComparer.Ordinal);

    /// <summary>
    /// The detail as the audit log shows it, in the reader's language (<paramref name="translate"/> is the localizer: a
    /// key and its arguments): a fixed phrase translated, a phrase with values (<see cref="AuditPhrases"/>) translated
    /// around them, also after the "subject: " a settings change puts first; anything else as stored.
    /// </summary>
    public static string? Display(string? subject, string? detail, Func<string, object[], string> translate)
    {
        if (detail is null)
        {
            return null;
        }

        var prefix = subject + ": ";
        return subject is not null && detail.StartsWith(prefix, StringComparison.Ordinal) && Translated(detail[prefix.Length..], translate) is { } rest
            ? prefix + rest
            : Translated(detail, translate) ?? detail;
    }

    private static string? Translated(string detail, Func<string, object[], string> translate) =>
        IsFixed(detail)
            ? translate(detail, [])
            : AuditPhrases.All.Select(phrase => phrase.Display(detail, translate)).FirstOrDefault(shown => shown is not null);
}
