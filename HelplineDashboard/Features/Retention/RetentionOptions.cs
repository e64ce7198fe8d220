namespace HelplineDashboard.Features.Retention;

/// <summary>How long survivor data of closed cases is kept, under <c>Retention</c>.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Closed cases are anonymised this many days after closing.</summary>
    public int AnonymiseClosedCasesAfterDays { get; set; } = 365;

    /// <summary>How often the retention job runs.</summary>
    public int RunEveryHours { get; set; } = 24;
}
