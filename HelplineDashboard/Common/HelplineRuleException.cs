namespace HelplineDashboard.Common;

/// <summary>
/// A rule of the helpline refused an action (a closed case, a note too long, not your case).
/// The message is a localisation key written as readable English, shown to the person who tried.
/// </summary>
public class HelplineRuleException : Exception
{
    public HelplineRuleException(string message)
        : base(message)
    {
        Key = message;
    }

    /// <summary>A message with placeholders: <paramref name="key"/> is the localisation key, e.g. "Keep it to {0} characters.".</summary>
    public HelplineRuleException(string key, params object[] arguments)
        : base(string.Format(System.Globalization.CultureInfo.InvariantCulture, key, arguments))
    {
        Key = key;
        Arguments = arguments;
    }

    /// <summary>The localisation key of the message (the English text, with placeholders).</summary>
    public string Key { get; }

    /// <summary>The values of the key's placeholders.</summary>
    public object[] Arguments { get; } = [];
}

/// <summary>The actor may not see or touch this record. Shown as "not found" so nothing leaks.</summary>
public sealed class AccessDeniedException() : HelplineRuleException("You do not have access to this record.");
