namespace HelplineDashboard.Common;

/// <summary>
/// A rule of the helpline refused an action (a closed case, a note too long, not your case).
/// The message is a localisation key written as readable English, shown to the person who tried.
/// </summary>
public class HelplineRuleException(string message) : Exception(message);

/// <summary>The actor may not see or touch this record. Shown as "not found" so nothing leaks.</summary>
public sealed class AccessDeniedException() : HelplineRuleException("You do not have access to this record.");
