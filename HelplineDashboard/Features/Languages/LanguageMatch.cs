namespace HelplineDashboard.Features.Languages;

/// <summary>A signed-in counsellor as language coverage sees them: the lines they serve and the languages they speak.</summary>
public sealed record OnlineCounsellor(string UserId, IReadOnlySet<string> Lines, IReadOnlySet<string> Languages);

/// <summary>
/// Who can answer whom. A counsellor whose languages are not set yet is not restricted (the queue shows everything
/// and claims need no confirmation) but does not count as covering any language. See docs/decisions/0010-ui-languages.md.
/// </summary>
public static class LanguageMatch
{
    /// <summary>Whether a counsellor with these languages may answer a contact in <paramref name="contactLanguage"/> without confirming.</summary>
    public static bool Speaks(IReadOnlySet<string> languages, string contactLanguage) =>
        languages.Count == 0 || contactLanguage == CallerLanguages.Undetermined || languages.Contains(contactLanguage);

    /// <summary>The contacts in a language the counsellor speaks, first; unless <paramref name="showAll"/>, only those.</summary>
    public static IReadOnlyList<T> ForCounsellor<T>(IEnumerable<T> ordered, Func<T, string> languageOf, IReadOnlySet<string> languages, bool showAll)
    {
        var list = ordered.ToList();
        var spoken = list.Where(c => Speaks(languages, languageOf(c)));
        return showAll ? [.. spoken, .. list.Where(c => !Speaks(languages, languageOf(c)))] : spoken.ToList();
    }

    /// <summary>
    /// The waiting contacts that no signed-in counsellor on their line speaks the language of, in the order given.
    /// A contact of undetermined language is covered by anyone signed in on its line.
    /// </summary>
    public static IReadOnlyList<T> Uncovered<T>(
        IEnumerable<T> waiting, Func<T, (string Line, string Language)> describe, IEnumerable<OnlineCounsellor> online)
    {
        var counsellors = online.ToList();
        return waiting.Where(contact =>
        {
            var (line, language) = describe(contact);
            return !counsellors.Any(c => c.Lines.Contains(line)
                && (language == CallerLanguages.Undetermined || c.Languages.Contains(language)));
        }).ToList();
    }
}
