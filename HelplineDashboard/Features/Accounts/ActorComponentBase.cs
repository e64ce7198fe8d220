using HelplineDashboard.Common;
using HelplineDashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace HelplineDashboard.Features.Accounts;

/// <summary>A component that acts for the signed-in person: it hands services the <see cref="Actor"/>, never raw claims.</summary>
public abstract class ActorComponentBase : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private ISnackbar Notices { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Strings> Texts { get; set; } = default!;

    /// <summary>True while an <see cref="AttemptAsync"/> is under way: buttons use it so a double click acts once.</summary>
    protected bool Working { get; private set; }

    protected async Task<Actor> GetActorAsync() => Actor.From((await AuthenticationState).User);

    /// <summary>
    /// Does what the person asked, as them. A helpline rule that refuses it becomes a warning they can read;
    /// returns whether it went through.
    /// </summary>
    protected async Task<bool> AttemptAsync(Func<Actor, Task> action)
    {
        Working = true;
        try
        {
            await action(await GetActorAsync());
            return true;
        }
        catch (HelplineRuleException ex)
        {
            Notices.Add(Texts[ex.Key, ex.Arguments], Severity.Warning);
            return false;
        }
        finally
        {
            Working = false;
        }
    }
}
