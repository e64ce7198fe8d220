using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HelplineDashboard.Components;

/// <summary>
/// MudBlazor's look (its CSS classes) without MudBlazor components, for markup repeated on every row of a live list
/// and in the layout. Every component instance a circuit keeps costs it a few kilobytes of render tree, however small
/// its output; an icon or a chip rendered as plain markup lives in its parent's render tree instead, as one markup
/// frame whose string every page showing the same piece shares. See docs/decisions/0013-lean-circuits.md and
/// docs/decisions/0019-lean-layout.md.
/// </summary>
public static class PlainMarkup
{
    /// <summary>At most this many distinct pieces are kept for sharing (labels × colours × UI languages stay far below).</summary>
    private const int SharedLimit = 4096;

    private static readonly ConcurrentDictionary<string, string> Shared = new(StringComparer.Ordinal);

    /// <summary>A small MudBlazor SVG icon (<c>Icons.Material.*</c>), as <c>MudIcon Size="Size.Small"</c> renders it.</summary>
    public static RenderFragment Icon(string svg, string? extraClass = null) => Markup(IconHtml(svg, extraClass, "small"));

    /// <summary>A medium MudBlazor SVG icon, as <c>MudIcon</c> (or an icon button, a nav link) renders it.</summary>
    public static RenderFragment MediumIcon(string svg, string? extraClass = null) => Markup(IconHtml(svg, extraClass, "medium"));

    /// <summary>A small filled chip, as <c>MudChip Size="Size.Small" Variant="Variant.Filled"</c> renders it.</summary>
    public static RenderFragment Chip(string text, Color color, string? icon, params (string Name, object? Value)[] attributes)
    {
        var html = new StringBuilder();
        html.Append("<div class=\"mud-chip mud-chip-filled mud-chip-size-small mud-chip-color-").Append(CssName(color)).Append('"');
        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                html.Append(' ').Append(name).Append("=\"").Append(WebUtility.HtmlEncode(value.ToString())).Append('"');
            }
        }

        html.Append('>');
        if (icon is not null)
        {
            html.Append(IconHtml(icon, "mud-chip-icon", "small"));
        }

        html.Append("<span class=\"mud-chip-content\">").Append(WebUtility.HtmlEncode(text)).Append("</span></div>");
        return Markup(html.ToString());
    }

    /// <summary>A <c>span</c> with a class and a text, e.g. a button's label (<c>mud-button-label</c>).</summary>
    public static RenderFragment Span(string? cssClass, string text, string? testId = null) =>
        Markup(SpanHtml(cssClass, text, testId));

    /// <summary>The markup of <see cref="Span"/>, to build a larger piece.</summary>
    public static string SpanHtml(string? cssClass, string text, string? testId = null) =>
        $"<span{(cssClass is null ? "" : $" class=\"{cssClass}\"")}{(testId is null ? "" : $" data-testid=\"{testId}\"")}>{WebUtility.HtmlEncode(text)}</span>";

    /// <summary>The CSS name MudBlazor gives a colour (<c>mud-chip-color-warning</c>, <c>mud-button-filled-primary</c>).</summary>
    public static string CssName(Color color) => color.ToString().ToLowerInvariant();

    /// <summary>
    /// Trusted markup (built here, texts encoded) as one frame. Equal markup is one string for all pages: a frame keeps
    /// a reference to it, not a copy.
    /// </summary>
    public static RenderFragment Markup(string html)
    {
        var shared = Shared.TryGetValue(html, out var known) ? known
            : Shared.Count < SharedLimit ? Shared.GetOrAdd(html, html)
            : html;
        return builder => builder.AddMarkupContent(0, shared);
    }

    /// <summary>An icon's SVG as <c>MudIcon</c> renders it (the icon string is MudBlazor's own trusted markup).</summary>
    public static string IconHtml(string svg, string? extraClass, string size) =>
        $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{size}{(extraClass is null ? "" : " " + extraClass)}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{svg}</svg>";
}
