namespace HelplineDashboard.Localization;

/// <summary>
/// Marker for MudBlazor's own strings (keys are MudBlazor's, e.g. <c>MudAlert_Close</c>); translations live in
/// <c>MudStrings.{culture}.resx</c>. A key missing here falls back to MudBlazor's built-in English.
/// </summary>
public sealed class MudStrings;
