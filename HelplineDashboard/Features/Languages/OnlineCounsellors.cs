using System.Collections.Concurrent;
using HelplineDashboard.Common;
using HelplineDashboard.Features.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace HelplineDashboard.Features.Languages;

/// <summary>Someone who works the queue opened or closed a dashboard.</summary>
public sealed record OnlineCounsellorsChanged(int Count);

/// <summary>
/// Who works the queue right now, with their lines and languages: one entry per open dashboard (circuit).
/// Language coverage (<see cref="LanguageMatch.Uncovered{T}"/>) reads it; the supervisor's view subscribes to changes.
/// </summary>
public sealed class OnlineCounsellors(ILogger<OnlineCounsellors> logger) : Notifier<OnlineCounsellorsChanged>(logger)
{
    private readonly ConcurrentDictionary<string, OnlineCounsellor> _byCircuit = new(StringComparer.Ordinal);

    public IReadOnlyList<OnlineCounsellor> Current => _byCircuit.Values.ToList();

    public Task OpenedAsync(string circuitId, OnlineCounsellor counsellor)
    {
        _byCircuit[circuitId] = counsellor;
        return PublishAsync(new OnlineCounsellorsChanged(_byCircuit.Count));
    }

    public Task ClosedAsync(string circuitId) =>
        _byCircuit.TryRemove(circuitId, out _) ? PublishAsync(new OnlineCounsellorsChanged(_byCircuit.Count)) : Task.CompletedTask;
}

/// <summary>Registers each circuit of a counsellor or supervisor in <see cref="OnlineCounsellors"/> while it is open.</summary>
public sealed class OnlineCounsellorCircuitHandler(
    AuthenticationStateProvider authentication, UserLanguageService languages, OnlineCounsellors online) : CircuitHandler
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var actor = Actor.From(user);
        if (actor.WorksQueue)
        {
            var spoken = await languages.CounselLanguagesAsync(actor.UserId, cancellationToken);
            await online.OpenedAsync(circuit.Id, new OnlineCounsellor(actor.UserId, actor.Lines, spoken));
        }
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken) => online.ClosedAsync(circuit.Id);
}
