namespace HelplineDashboard.Localization;

/// <summary>
/// Marker for the UI's shared string table. Keys are the English text; translations live in
/// <c>Strings.{culture}.resx</c> beside this file, and a missing translation falls back to the key.
/// </summary>
public sealed class Strings;
