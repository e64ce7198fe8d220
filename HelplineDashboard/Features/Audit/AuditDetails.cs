namespace HelplineDashboard.Features.Audit;

/// <summary>
/// Audit details that are fixed phrases, without ids or values. Writers use these constants; the audit log shows them
/// in the reader's language (their keys are in Localization/ComputedKeys.cs), also after the "subject: " that a settings
/// change puts first (<see cref="AuditTrail.SettingsChanged"/>). Any other detail names records and values
/// ("opened case:42") and is shown as stored.
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

    /// <summary>The detail as the audit log shows it: its fixed phrase translated by <paramref name="translate"/>, anything else as stored.</summary>
    public static string? Display(string? subject, string? detail, Func<string, string> translate)
    {
        if (detail is null)
        {
            return null;
        }

        if (IsFixed(detail))
        {
            return translate(detail);
        }

        var prefix = subject + ": ";
        return subject is not null && detail.StartsWith(prefix, StringComparison.Ordinal) && IsFixed(detail[prefix.Length..])
            ? prefix + translate(detail[prefix.Length..])
            : detail;
    }
}
