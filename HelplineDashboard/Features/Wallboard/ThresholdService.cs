using HelplineDashboard.Common;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Administration;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Lines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelplineDashboard.Features.Wallboard;

/// <summary>
/// Each line's wallboard thresholds: configuration gives the defaults, an administrator's stored change wins.
/// Read on every metrics computation, so kept in memory and reloaded after a change.
/// </summary>
public sealed class ThresholdService(
    IDbContextFactory<HelplineDbContext> dbFactory,
    IOptionsMonitor<WallboardOptions> options,
    LineCatalog lines,
    TimeProvider time,
    ILogger<ThresholdService> logger)
{
    private volatile IReadOnlyDictionary<string, LineThresholds>? _stored;

    /// <summary>Raised after an administrator changed a line's thresholds.</summary>
    public event Action? Changed;

    public async Task<LineThresholds> GetAsync(string line, CancellationToken cancellationToken = default)
    {
        var stored = _stored ?? await LoadAsync(cancellationToken);
        return stored.TryGetValue(line, out var thresholds) ? thresholds : options.CurrentValue.For(line);
    }

    public async Task UpdateAsync(string line, LineThresholds thresholds, Actor actor, CancellationToken cancellationToken = default)
    {
        AdministrationRules.EnsureAdmin(actor);
        if (!lines.TryGet(line, out _))
        {
            throw new HelplineRuleException("Choose a line this deployment serves.");
        }

        if (thresholds.ServiceLevelSeconds is < 1 or > 3600
            || thresholds.TargetPercent is < 1 or > 100
            || thresholds.ShortAbandonSeconds is < 0 or > 600
            || thresholds.LongestWaitAlarmSeconds is < 1 or > 86400)
        {
            throw new HelplineRuleException("Thresholds are seconds from 1 to 3600 (short abandon 0 to 600, longest wait up to a day) and a target from 1 to 100 percent.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var setting = await db.LineThresholdSettings.SingleOrDefaultAsync(s => s.Line == line, cancellationToken);
        if (setting is null)
        {
            setting = new LineThresholdSetting { Line = line, ChangedByName = actor.DisplayName };
            db.LineThresholdSettings.Add(setting);
        }

        setting.ServiceLevelSeconds = thresholds.ServiceLevelSeconds;
        setting.TargetPercent = thresholds.TargetPercent;
        setting.ShortAbandonSeconds = thresholds.ShortAbandonSeconds;
        setting.LongestWaitAlarmSeconds = thresholds.LongestWaitAlarmSeconds;
        setting.ChangedAt = time.GetUtcNow().UtcDateTime;
        setting.ChangedByName = actor.DisplayName;

        // One save: the setting and its audit line.
        AuditTrail.SettingsChanged(db, setting.ChangedAt, actor, $"thresholds:{line}", AuditPhrases.Thresholds.Format(thresholds.ServiceLevelSeconds, thresholds.TargetPercent, thresholds.ShortAbandonSeconds, thresholds.LongestWaitAlarmSeconds));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Thresholds of line {Line} changed by {ActorId}", line, actor.UserId);

        await LoadAsync(cancellationToken);
        Changed?.Invoke();
    }

    private async Task<IReadOnlyDictionary<string, LineThresholds>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.LineThresholdSettings.AsNoTracking().ToListAsync(cancellationToken);
        var loaded = stored.ToDictionary(s => s.Line, s => s.ToThresholds(), StringComparer.Ordinal);
        _stored = loaded;
        return loaded;
    }
}
