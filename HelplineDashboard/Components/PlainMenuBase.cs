using HelplineDashboard.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace HelplineDashboard.Components;

/// <summary>
/// An app-bar menu as plain markup (a button, and while open a list of <c>menuitem</c>s with MudBlazor's menu classes)
/// instead of a <c>MudMenu</c>: every open page keeps each component's render tree on the server, and a MudMenu with
/// its popover, list, items and key interceptor cost every circuit several of them. Keyboard (arrows, Home/End,
/// Enter/Space on an item, Escape, ArrowDown on the button) is one page-wide listener in <c>wwwroot/app.js</c>; this
/// base opens and closes the menu, focuses the first item on opening and gives focus back to the button on closing.
/// See docs/decisions/0023-css-drawer-and-plain-menus.md.
/// </summary>
public abstract class PlainMenuBase : ActorComponentBase
{
    private enum Focus { None, FirstItem, Button }

    private Focus _focus;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>Whether the menu's list is shown.</summary>
    protected bool IsOpen { get; private set; }

    /// <summary>The menu's button (<c>@ref</c>), where focus returns on closing.</summary>
    protected ElementReference MenuButton { get; set; }

    /// <summary>The open menu's list (<c>@ref</c>), whose first item gets focus on opening.</summary>
    protected ElementReference MenuList { get; set; }

    /// <summary>The button's click: opens a closed menu, closes an open one (Escape and Tab click it too).</summary>
    protected void Toggle()
    {
        IsOpen = !IsOpen;
        _focus = IsOpen ? Focus.FirstItem : Focus.Button;
    }

    /// <summary>Closes the menu (a click outside it, or after an item was chosen).</summary>
    protected void Close()
    {
        if (IsOpen)
        {
            IsOpen = false;
            _focus = Focus.Button;
        }
    }

    /// <summary>Runs an item's action, then closes the menu.</summary>
    protected async Task ChooseItemAsync(Func<Task> action)
    {
        await action();
        Close();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        var focus = _focus;
        _focus = Focus.None;
        try
        {
            switch (focus)
            {
                case Focus.FirstItem when IsOpen:
                    await JS.InvokeVoidAsync("hdMenu.focusFirst", MenuList);
                    break;
                case Focus.Button when !IsOpen:
                    await JS.InvokeVoidAsync("hdMenu.focus", MenuButton);
                    break;
            }
        }
        catch (JSDisconnectedException)
        {
            // The page is gone: nothing to focus.
        }
    }
}
