using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace HelplineDashboard.Components;

/// <summary>
/// MudBlazor's look (its CSS classes) without MudBlazor components, for markup repeated on every row of a live list.
/// Every component instance a circuit keeps costs it a few kilobytes of render tree, however small its output; an icon
/// or a chip rendered as plain markup lives in its parent's render tree instead. See docs/decisions/0013-lean-circuits.md.
/// </summary>
public static class PlainMarkup
{
    /// <summary>A small MudBlazor SVG icon (<c>Icons.Material.*</c>), as <c>MudIcon Size="Size.Small"</c> renders it.</summary>
    public static RenderFragment Icon(string svg, string? extraClass = null) => builder => AddIcon(builder, svg, extraClass);

    /// <summary>A medium MudBlazor SVG icon, as <c>MudIcon</c> (or an icon button, a nav link) renders it.</summary>
    public static RenderFragment MediumIcon(string svg, string? extraClass = null) => builder => AddIcon(builder, svg, extraClass, "medium");

    /// <summary>A small filled chip, as <c>MudChip Size="Size.Small" Variant="Variant.Filled"</c> renders it.</summary>
    public static RenderFragment Chip(string text, Color color, string? icon, params (string Name, object? Value)[] attributes) => builder =>
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", $"mud-chip mud-chip-filled mud-chip-size-small mud-chip-color-{CssName(color)}");
        foreach (var (name, value) in attributes)
        {
            builder.AddAttribute(2, name, value);
        }

        if (icon is not null)
        {
            builder.OpenRegion(3);
            AddIcon(builder, icon, "mud-chip-icon");
            builder.CloseRegion();
        }

        builder.OpenElement(4, "span");
        builder.AddAttribute(5, "class", "mud-chip-content");
        builder.AddContent(6, text);
        builder.CloseElement();
        builder.CloseElement();
    };

    /// <summary>The CSS name MudBlazor gives a colour (<c>mud-chip-color-warning</c>, <c>mud-button-filled-primary</c>).</summary>
    public static string CssName(Color color) => color.ToString().ToLowerInvariant();

    private static void AddIcon(RenderTreeBuilder builder, string svg, string? extraClass, string size = "small")
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", extraClass is null
            ? $"mud-icon-root mud-svg-icon mud-icon-size-{size}"
            : $"mud-icon-root mud-svg-icon mud-icon-size-{size} {extraClass}");
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddMarkupContent(5, svg);
        builder.CloseElement();
    }
}
