using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace HelplineDashboard.Features.Accounts;

/// <summary>A component that acts for the signed-in person: it hands services the <see cref="Actor"/>, never raw claims.</summary>
public abstract class ActorComponentBase : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected async Task<Actor> GetActorAsync() => Actor.From((await AuthenticationState).User);
}
