using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Languages;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace HelplineDashboard.Features.Presence;

/// <summary>
/// Counts each signed-in person's live browser connections for <see cref="PresenceService"/>: one handler per circuit.
/// A dropped connection counts as gone; if it comes back within the grace period nothing changes.
/// </summary>
public sealed class PresenceCircuitHandler(PresenceService presence, AuthenticationStateProvider authentication, UserLanguageService languages) : CircuitHandler
{
    private string? _userId;

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_userId is not null)
        {
            return;
        }

        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var actor = Actor.From(user);
            if (actor.WorksQueue)
            {
                _userId = actor.UserId;
                await presence.CircuitUpAsync(actor, await languages.CounselLanguagesAsync(actor.UserId, cancellationToken));
            }
        }
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Down();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Down();
        return Task.CompletedTask;
    }

    private void Down()
    {
        if (Interlocked.Exchange(ref _userId, null) is { } userId)
        {
            presence.CircuitDown(userId);
        }
    }
}
