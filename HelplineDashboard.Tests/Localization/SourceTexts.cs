using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace HelplineDashboard.Tests.Localization;

/// <summary>
/// Reads the app's source for localisation keys and the resx files for translations. Used by the resource tests and
/// by tools/i18n (see README "Adding a translation").
/// </summary>
public static partial class SourceTexts
{
    public static readonly IReadOnlyList<string> Cultures = ["ru", "kk", "ky"];

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string AppFolder => Path.Combine(RepoRoot, "HelplineDashboard");

    public static string LocalizationFolder => Path.Combine(AppFolder, "Localization");

    /// <summary>Where the resource test writes the keys still to translate, one row per key (see tools/i18n/README.md).</summary>
    public static string MissingTranslationsFile => Path.Combine(RepoRoot, "artifacts", "i18n", "missing-translations.tsv");

    /// <summary>Every .razor and .cs file of the app, without generated code and migrations.</summary>
    public static IEnumerable<string> AppFiles(string extension) =>
        Directory.EnumerateFiles(AppFolder, "*" + extension, SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// Keys written in the source: <c>L["..."]</c> (and the base component's <c>Texts[...]</c>, the escalation script's
    /// <c>l[...]</c>), helpline rule messages (shown translated), DataAnnotations <c>ErrorMessage</c>s, plus
    /// <see cref="HelplineDashboard.Localization.ComputedKeys"/> and the names configured in appsettings.json.
    /// </summary>
    public static SortedSet<string> UsedKeys()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in AppFiles(".razor").Concat(AppFiles(".cs")))
        {
            var text = File.ReadAllText(file);
            foreach (var regex in new[] { LocalizerKey(), RuleMessage(), ErrorMessage(), LocalizerChoice() })
            {
                foreach (Match match in regex.Matches(text))
                {
                    keys.UnionWith(match.Groups["key"].Captures.Select(c => Regex.Unescape(c.Value)));
                }
            }
        }

        keys.UnionWith(HelplineDashboard.Localization.ComputedKeys.All());
        keys.UnionWith(ConfiguredNames());
        return keys;
    }

    /// <summary>Names the UI shows from appsettings.json through <c>L[...]</c>: line names, regions, escalation targets.</summary>
    public static IEnumerable<string> ConfiguredNames()
    {
        using var settings = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppFolder, "appsettings.json")));
        var root = settings.RootElement;
        foreach (var line in root.GetProperty("Lines").EnumerateObject())
        {
            yield return line.Value.GetProperty("Name").GetString()!;
            foreach (var region in line.Value.GetProperty("Regions").EnumerateArray())
            {
                yield return region.GetString()!;
            }
        }

        foreach (var targets in root.GetProperty("Escalations").GetProperty("Targets").EnumerateObject())
        {
            foreach (var target in targets.Value.EnumerateArray())
            {
                yield return target.GetProperty("Name").GetString()!;
            }
        }
    }

    /// <summary>name → value of one resx file; empty when the file does not exist.</summary>
    public static IReadOnlyDictionary<string, string> ReadResx(string set, string? culture)
    {
        var path = ResxPath(set, culture);
        if (!File.Exists(path))
        {
            return new Dictionary<string, string>();
        }

        return XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);
    }

    public static string ResxPath(string set, string? culture) =>
        Path.Combine(LocalizationFolder, culture is null ? $"{set}.resx" : $"{set}.{culture}.resx");

    /// <summary>The numbered placeholders ({0}, {1:N0}) a text uses, e.g. "0,1".</summary>
    public static string Placeholders(string text) =>
        string.Join(',', PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal));

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HelplineDashboard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HelplineDashboard.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("""\b(?:L|Texts|l|localizer)\[\s*"(?<key>(?:[^"\\]|\\.)*)"\s*[,\]]""")]
    private static partial Regex LocalizerKey();

    /// <summary><c>L[condition ? "One text" : "Another"]</c>: both texts are keys.</summary>
    [GeneratedRegex("""\b(?:L|Texts|l|localizer)\[[^\[\]"]*\?\s*"(?<key>(?:[^"\\]|\\.)*)"\s*:\s*"(?<key>(?:[^"\\]|\\.)*)"\s*\]""")]
    private static partial Regex LocalizerChoice();

    [GeneratedRegex("""(?:HelplineRuleException\(|Text\.Required\([^;]*?,)\s*"(?<key>(?:[^"\\]|\\.)*)"\s*[,)]""")]
    private static partial Regex RuleMessage();

    [GeneratedRegex(@"ErrorMessage\s*=\s*""(?<key>(?:[^""\\]|\\.)*)""")]
    private static partial Regex ErrorMessage();

    [GeneratedRegex(@"(?<!\{)\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
