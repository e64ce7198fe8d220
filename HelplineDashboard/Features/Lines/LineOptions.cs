namespace HelplineDashboard.Features.Lines;

/// <summary>One helpline as configured under <c>Lines:{code}</c>.</summary>
public sealed class LineOptions
{
    public const string SectionName = "Lines";

    /// <summary>The short number callers dial, e.g. 111.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>ISO 3166 country of the line, used for phone numbering (KZ, KG).</summary>
    public string Country { get; set; } = "";

    /// <summary>IANA time zone for "today" on this line.</summary>
    public string TimeZone { get; set; } = "UTC";

    public List<string> Languages { get; set; } = [];

    public List<string> Regions { get; set; } = [];
}
