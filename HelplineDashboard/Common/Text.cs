namespace HelplineDashboard.Common;

/// <summary>Trimming and length rules for free text that people type.</summary>
public static class Text
{
    public static string Required(string? value, int maxLength, string whenMissing) =>
        Optional(value, maxLength) ?? throw new HelplineRuleException(whenMissing);

    public static string? Optional(string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length <= maxLength
            ? trimmed
            : throw new HelplineRuleException("Keep it to {0} characters.", maxLength);
    }
}
