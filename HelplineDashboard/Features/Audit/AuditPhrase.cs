using System.Globalization;
using System.Text.RegularExpressions;

namespace HelplineDashboard.Features.Audit;

/// <summary>
/// One kind of value in an audit phrase: what it looks like when stored (a pattern that tells phrases apart), and, for
/// a value made of words (an outcome, a risk level, roles), how it is shown: <see cref="Show"/> gets the stored value
/// and the localizer and returns the text, or null to show it as stored. <see cref="Example"/> is a stored value of its
/// kind (documentation, and the tests' check that every phrase reads back what it wrote).
/// </summary>
public sealed record AuditArg(string Pattern, string Example, Func<string, Func<string, string>, string?>? Show = null)
{
    private const string CommaList = @"[^\s,]*(,[^\s,]+)*";

    /// <summary>A number: an id, a count, seconds.</summary>
    public static AuditArg Number { get; } = new(@"\d+", "42");

    /// <summary>A record reference as the audit log's subjects write it: <c>case:42</c>, <c>user:…</c>, <c>escalation:…</c>.</summary>
    public static AuditArg Record { get; } = new(@"[a-z-]+:[0-9A-Za-z-]+", "case:42");

    /// <summary>One stored token without spaces (a date, a code, an id).</summary>
    public static AuditArg Token { get; } = new(@"\S+", "2026-12-06");

    /// <summary>A comma-separated list of codes, maybe empty (lines, languages, category ids).</summary>
    public static AuditArg Codes { get; } = new(CommaList, "111,117");

    /// <summary>Free text a person typed (a reason, a key's name): shown as typed.</summary>
    public static AuditArg Text { get; } = new(".+", "caller asked for a woman: (safer), to 117");

    /// <summary>An enum value stored by name, shown by its label (a key the resource files translate).</summary>
    public static AuditArg Named<TEnum>(Func<TEnum, string> label)
        where TEnum : struct, Enum =>
        new(@"\w+", Enum.GetValues<TEnum>()[^1].ToString(), (stored, translate) =>
            Enum.TryParse<TEnum>(stored, ignoreCase: false, out var value) && Enum.IsDefined(value) ? translate(label(value)) : null);

    /// <summary>A comma-separated list of words that are their own keys (roles, specialisms), each shown translated.</summary>
    public static AuditArg ListOf(IReadOnlyList<string> keys) =>
        new(CommaList, string.Join(',', keys), (stored, translate) =>
            string.Join(", ", stored.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(word => keys.Contains(word) ? translate(word) : word)));
}

/// <summary>
/// An audit detail with values in it ("opened case:42"). Writers store it in English, filled in with invariant
/// formatting (<see cref="Format"/>), so the log stays one language in the database and in exports. The audit log
/// shows it in the reader's language: the stored text is matched against the template again, the phrase's
/// <see cref="Key"/> is translated, and each value is shown as stored or, for a word, by its own translated label.
/// </summary>
public sealed partial class AuditPhrase
{
    private readonly AuditArg[] _args;
    private readonly Regex _stored;

    public AuditPhrase(string template, params AuditArg[] args)
    {
        Template = template;
        Key = template;
        _args = args;
        var parts = Placeholder().Split(template); // literal, index, literal, index, … literal
        var pattern = new System.Text.StringBuilder("^");
        for (var i = 0; i < parts.Length; i++)
        {
            pattern.Append(i % 2 == 0 ? Regex.Escape(parts[i]) : $"(?<a{parts[i]}>{args[int.Parse(parts[i], CultureInfo.InvariantCulture)].Pattern})");
        }

        _stored = new Regex(pattern.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    /// <summary>The English template, as stored.</summary>
    public string Template { get; }

    /// <summary>Its localisation key: the template, unless another text of the UI differs from it only by case.</summary>
    public string Key { get; init; }

    /// <summary>What each value looks like stored.</summary>
    public IReadOnlyList<AuditArg> Args => _args;

    /// <summary>The detail as stored: the template filled in with <paramref name="values"/>, formatted invariantly.</summary>
    public string Format(params object?[] values) => string.Format(CultureInfo.InvariantCulture, Template, values);

    /// <summary>
    /// The stored <paramref name="detail"/> in the reader's language (<paramref name="translate"/> is the localizer:
    /// a key and its arguments), or null when the detail is not this phrase.
    /// </summary>
    public string? Display(string detail, Func<string, object[], string> translate)
    {
        var match = _stored.Match(detail);
        if (!match.Success)
        {
            return null;
        }

        var values = new object[_args.Length];
        for (var i = 0; i < _args.Length; i++)
        {
            var stored = match.Groups[$"a{i}"].Value;
            values[i] = _args[i].Show?.Invoke(stored, key => translate(key, [])) ?? stored;
        }

        return translate(Key, values);
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
