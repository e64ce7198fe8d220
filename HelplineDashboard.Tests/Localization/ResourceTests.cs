using Xunit.Abstractions;
using System.Text;

namespace HelplineDashboard.Tests.Localization;

/// <summary>
/// Every text people read exists in Russian, Kazakh, Kyrgyz and English, and no component writes text past the
/// resources. When a key is missing, the test writes artifacts/i18n/missing-translations.tsv: fill in the columns and
/// run <c>python3 tools/i18n/translations.py apply</c> (tools/i18n/README.md).
/// </summary>
public sealed class ResourceTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_key_used_in_the_app_has_a_text_in_English_Russian_Kazakh_and_Kyrgyz()
    {
        var used = SourceTexts.UsedKeys();
        var english = SourceTexts.ReadResx("Strings", null);
        var translated = SourceTexts.Cultures.ToDictionary(c => c, c => SourceTexts.ReadResx("Strings", c));

        var missingByCulture = new[] { ("en", english) }.Concat(translated.Select(t => (t.Key, t.Value)))
            .ToDictionary(
                c => c.Item1,
                c => used.Where(key => !c.Item2.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text)).ToList());
        var missing = missingByCulture.Values.SelectMany(keys => keys).ToHashSet(StringComparer.Ordinal);

        if (missing.Count > 0)
        {
            WriteMissingTranslations(missing.Order(StringComparer.Ordinal), english, translated);
        }

        var report = new StringBuilder();
        foreach (var (culture, keys) in missingByCulture.Where(m => m.Value.Count > 0))
        {
            report.AppendLine($"{culture}: {keys.Count} missing");
            foreach (var key in keys)
            {
                report.AppendLine($"  {key}");
            }
        }

        output.WriteLine(report.ToString());
        Assert.True(missing.Count == 0,
            $"{missing.Count} keys lack a translation. Fill in {SourceTexts.MissingTranslationsFile} and run " +
            $"`python3 tools/i18n/translations.py apply`.\n{report}");
    }

    [Fact]
    public void Translations_keep_the_placeholders_of_the_English_text()
    {
        var english = SourceTexts.ReadResx("Strings", null);
        var wrong = new List<string>();
        foreach (var culture in SourceTexts.Cultures)
        {
            foreach (var (key, text) in SourceTexts.ReadResx("Strings", culture))
            {
                if (SourceTexts.Placeholders(key) != SourceTexts.Placeholders(text))
                {
                    wrong.Add($"{culture}: \"{key}\" → \"{text}\"");
                }
            }
        }

        foreach (var (key, text) in english.Where(e => SourceTexts.Placeholders(e.Key) != SourceTexts.Placeholders(e.Value)))
        {
            wrong.Add($"en: \"{key}\" → \"{text}\"");
        }

        Assert.True(wrong.Count == 0, "Placeholders differ from the key's:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void No_two_keys_differ_only_by_case()
    {
        // The resource compiler keeps one of two names that differ only by case and drops the other (MSB3568), so the
        // dropped key would show in English.
        var clashes = SourceTexts.ReadResx("Strings", null).Keys
            .GroupBy(key => key, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .Select(group => string.Join(" / ", group))
            .ToList();

        Assert.True(clashes.Count == 0, "Keys that differ only by case:\n" + string.Join('\n', clashes));
    }

    [Fact]
    public void MudBlazor_strings_exist_in_every_language()
    {
        var english = SourceTexts.ReadResx("MudStrings", null);
        Assert.NotEmpty(english);
        var missing = SourceTexts.Cultures
            .SelectMany(culture =>
            {
                var texts = SourceTexts.ReadResx("MudStrings", culture);
                return english.Keys.Where(key => !texts.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text)).Select(key => $"{culture}: {key}");
            })
            .ToList();

        Assert.True(missing.Count == 0, "MudStrings without a translation:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void No_component_writes_user_facing_text_past_the_resources()
    {
        var found = SourceTexts.AppFiles(".razor")
            .SelectMany(file => MarkupText.Find(File.ReadAllText(file))
                .Select(hit => $"{Path.GetRelativePath(SourceTexts.RepoRoot, file)}:{hit.Line}: {hit.Text}"))
            .ToList();

        Assert.True(found.Count == 0,
            "Hard-coded text in markup (use @L[\"...\"], or add a code/number/name to MarkupText.Allowed):\n" + string.Join('\n', found));
    }

    [Theory]
    [InlineData("<MudText>@L[\"Queue\"]</MudText>", 0)]
    [InlineData("<MudTh>Line</MudTh>", 1)]
    [InlineData("<MudButton aria-label=\"Close\" OnClick=\"() => x > 1\">@L[\"Close\"]</MudButton>", 1)]
    [InlineData("<span>@context.Line · @L[\"Worked by {0}\", name]</span>", 0)]
    [InlineData("@if (x)\n{\n    <b>Waiting</b>\n}", 1)]
    [InlineData("<MudText Typo=\"Typo.h6\">HelplineDashboard</MudText>", 0)]
    [InlineData("@foreach (var q in Qs)\n{\n    var answer = q.Get(_answers);\n    <b>@answer</b>\n}", 0)]
    [InlineData("@foreach (var q in Qs)\n{\n    var answer = q.Get(_answers);\n    <b>Answer</b>\n}", 1)]
    [InlineData("<MudText>\n    @L[\"Within {0} s.\",\n       Board.Seconds]\n</MudText>", 0)]
    [InlineData("<MudText>\n    @L[\"Within {0} s.\",\n       Board.Seconds] seconds\n</MudText>", 1)]
    [InlineData("<p>Set x = 5; then wait</p>", 1)]
    [InlineData("@* Only a comment in English *@\n<div></div>", 0)]
    public void The_markup_scan_finds_text_outside_the_resources(string razor, int expected) =>
        Assert.Equal(expected, MarkupText.Find(razor).Count());

    /// <summary>key, en, ru, kk, ky; existing texts are kept so only the gaps need filling.</summary>
    private static void WriteMissingTranslations(
        IEnumerable<string> keys, IReadOnlyDictionary<string, string> english, Dictionary<string, IReadOnlyDictionary<string, string>> translated)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(SourceTexts.MissingTranslationsFile)!);
        var tsv = new StringBuilder("key\ten\tru\tkk\tky\n");
        foreach (var key in keys)
        {
            var columns = new[] { key, english.GetValueOrDefault(key, key) }
                .Concat(SourceTexts.Cultures.Select(c => translated[c].GetValueOrDefault(key, "")));
            tsv.AppendLine(string.Join('\t', columns.Select(Escape)));
        }

        File.WriteAllText(SourceTexts.MissingTranslationsFile, tsv.ToString());
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n");
}
