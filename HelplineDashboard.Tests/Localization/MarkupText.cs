using System.Text.RegularExpressions;

namespace HelplineDashboard.Tests.Localization;

/// <summary>
/// Finds text a person would read that is written straight into a component's markup instead of coming through
/// <c>L[...]</c>: text between tags and literal values of attributes people read (Label, Title, aria-label, ...).
/// </summary>
public static partial class MarkupText
{
    /// <summary>Text that is the same in every language: the product's name, units and codes.</summary>
    public static readonly IReadOnlySet<string> Allowed = new HashSet<string>(StringComparer.Ordinal)
    {
        "HelplineDashboard",
        "UTC",
    };

    private static readonly HashSet<string> CodeKeywords = new(StringComparer.Ordinal)
    {
        "if", "else", "foreach", "for", "while", "switch", "case", "do", "try", "catch", "finally", "using", "lock",
    };

    private static readonly string[] ReadAttributes =
    [
        "Label", "Title", "Text", "Placeholder", "HelperText", "Message", "ConfirmLabel", "RequiredError",
        "aria-label", "title", "alt", "placeholder", "AriaLabel",
    ];

    /// <summary>(line number, text) of each hard-coded text in one .razor file.</summary>
    public static IEnumerable<(int Line, string Text)> Find(string razor)
    {
        var markup = WithoutCode(razor);
        var hits = new List<(int, string)>();

        // Tags may span lines: read their attributes, then replace each by a marker that keeps the line count.
        var text = Tag().Replace(markup, tag =>
        {
            var line = LineOf(markup, tag.Index);
            foreach (Match attribute in LiteralAttribute().Matches(tag.Value))
            {
                if (ReadAttributes.Contains(attribute.Groups["name"].Value, StringComparer.Ordinal) && IsText(attribute.Groups["value"].Value))
                {
                    hits.Add((line, $"{attribute.Groups["name"].Value}=\"{attribute.Groups["value"].Value}\""));
                }
            }

            return "\u0001" + new string('\n', tag.Value.Count(c => c == '\n'));
        });

        // A Razor expression may span lines (@L["...",\n args]): drop each one whole, keeping the line count.
        // Code keywords (@if, @foreach) stay for the line-by-line check below.
        text = RazorExpression().Replace(text, expression => CodeKeywords.Contains(expression.Value[1..])
            ? expression.Value
            : " " + new string('\n', expression.Value.Count(c => c == '\n')));

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            hits.AddRange(TextNodes(lines[i]).Select(found => (i + 1, found)));
        }

        return hits.OrderBy(h => h.Item1);
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    private static IEnumerable<string> TextNodes(string line)
    {
        foreach (var piece in line.Split('\u0001'))
        {
            var text = piece.Trim();
            if (text.StartsWith('@') && CodeLine().IsMatch(text) || text.StartsWith('}') || text.StartsWith('{')
                || text.StartsWith("else", StringComparison.Ordinal) || text.StartsWith("//", StringComparison.Ordinal)
                || LocalDeclaration().IsMatch(text))
            {
                // Razor code (@if, @foreach, braces, else, a local in a loop's body) holds no text of its own.
                continue;
            }

            var stripped = Entity().Replace(RazorExpression().Replace(text, " "), " ").Trim();
            if (IsText(stripped))
            {
                yield return stripped;
            }
        }
    }

    private static bool IsText(string value) =>
        !value.StartsWith('@') && Allowed.Aggregate(value, (rest, allowed) => rest.Replace(allowed, "", StringComparison.Ordinal)).Any(char.IsLetter);

    /// <summary>The markup of a component: no @code block, comments or directives.</summary>
    private static string WithoutCode(string razor)
    {
        var text = RazorComment().Replace(razor, m => new string('\n', m.Value.Count(c => c == '\n')));
        var code = CodeBlock().Match(text);
        if (code.Success)
        {
            text = text[..code.Index];
        }

        return Directive().Replace(text, "");
    }

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    [GeneratedRegex(@"^@(code|functions)\s*\{", RegexOptions.Multiline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"^\s*@(page|using|inject|inherits|attribute|implements|layout|typeparam|rendermode|namespace)\b.*$", RegexOptions.Multiline)]
    private static partial Regex Directive();

    /// <summary>A tag, with quoted attribute values that may hold "&gt;" (lambdas) or nested quotes (@L["..."]).</summary>
    [GeneratedRegex("""<[/!]?[A-Za-z][^>"]*(?:"[^"]*"[^>"]*)*/?>""")]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?<![\w-])(?<name>[A-Za-z][\w-]*)=""(?<value>[^""@]*)""")]
    private static partial Regex LiteralAttribute();

    /// <summary>@L["..."], @(...), @Identifier.Member(...)[...] and the like.</summary>
    [GeneratedRegex("""@(?:\((?:[^()]|\([^()]*\))*\)|[A-Za-z_][\w.]*(?:\((?:[^()]|\([^()]*\))*\)|\[(?:[^\[\]]|\[[^\[\]]*\])*\])*(?:\??\.[A-Za-z_]\w*(?:\((?:[^()]|\([^()]*\))*\))?)*)""")]
    private static partial Regex RazorExpression();

    [GeneratedRegex(@"^@(if|else|foreach|for|while|switch|case|do|try|catch|finally|using|lock|\{)\b?")]
    private static partial Regex CodeLine();

    /// <summary>A C# local inside a Razor code block, e.g. <c>var answer = question.Get(_answers);</c>.</summary>
    [GeneratedRegex(@"^(?:var|[A-Z][\w.]*(?:<[\w.,\s?]+>)?\??)\s+[a-z_]\w*\s*=\s*[^<>]+;$")]
    private static partial Regex LocalDeclaration();

    [GeneratedRegex("&[a-z]+;|&#\\d+;")]
    private static partial Regex Entity();
}
