using Microsoft.Extensions.Options;

namespace HelplineDashboard.Features.Escalations;

/// <summary>The configured targets of each line, read when asked so rotated secrets apply without a restart.</summary>
public sealed class EscalationTargetCatalog(IOptionsMonitor<EscalationOptions> options)
{
    public IReadOnlyList<EscalationTargetOptions> ForLine(string line) =>
        options.CurrentValue.Targets.TryGetValue(line, out var targets) ? targets : [];

    public EscalationTargetOptions? Find(string line, string? code) =>
        ForLine(line).FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.Ordinal));
}
