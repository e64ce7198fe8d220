using System.Globalization;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelplineDashboard.Features.Retention;

/// <summary>
/// Anonymises closed cases after the retention period: numbers, messages, notes, addresses and summaries are
/// replaced and the caller key is cleared, so the case can no longer be tied to a person or to their later calls.
/// What statistics need stays: line, channel, region, times, risk, outcome. This is the one sanctioned exception to
/// append-only notes. Each run is audited.
/// </summary>
public sealed class RetentionService(
    IDbContextFactory<HelplineDbContext> dbFactory,
    IOptionsMonitor<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionService> logger) : BackgroundService
{
    public const string Removed = "[removed after the retention period]";
    private const int BatchSize = 200;
    private readonly SemaphoreSlim _onePass = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await AnonymiseDueAsync(stoppingToken);
                await Task.Delay(TimeSpan.FromHours(Math.Max(1, options.CurrentValue.RunEveryHours)), time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Retention run failed; next try in an hour");
                await Task.Delay(TimeSpan.FromHours(1), time, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Anonymises every case closed longer ago than the retention period; returns how many. One pass at a time: two
    /// overlapping passes would read the same due cases and write each one's audit line twice.
    /// </summary>
    public async Task<int> AnonymiseDueAsync(CancellationToken cancellationToken = default)
    {
        await _onePass.WaitAsync(cancellationToken);
        try
        {
            return await AnonymiseDueOnceAsync(cancellationToken);
        }
        finally
        {
            _onePass.Release();
        }
    }

    private async Task<int> AnonymiseDueOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var closedBefore = now.AddDays(-options.CurrentValue.AnonymiseClosedCasesAfterDays);
        var total = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var due = await db.Cases
                .Where(c => c.Status == CaseStatus.Closed && c.AnonymisedAt == null && c.ClosedAt < closedBefore)
                .OrderBy(c => c.ClosedAt)
                .Take(BatchSize)
                .Include(c => c.Contacts)
                .Include(c => c.Notes)
                .Include(c => c.Escalations)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                break;
            }

            foreach (var closed in due)
            {
                Anonymise(closed, now);
            }

            await CaseWorkRetention.AnonymiseAsync(db, due.Select(c => c.Id).ToList(), Removed, cancellationToken);

            db.AuditEntries.Add(new AuditEntry
            {
                At = now,
                Action = AuditAction.Anonymised,
                ActorId = "system:retention",
                ActorName = "Retention",
                Detail = AuditPhrases.Anonymised.Format(due.Count, closedBefore.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), string.Join(", ", due.Select(c => AuditTrail.Case(c.Id)))),
            });
            await db.SaveChangesAsync(cancellationToken);
            total += due.Count;
        }

        if (total > 0)
        {
            logger.LogInformation("Retention anonymised {Count} closed cases", total);
        }

        return total;
    }

    private static void Anonymise(Case closed, DateTime now)
    {
        closed.AnonymisedAt = now;
        closed.ClosingSummary = closed.ClosingSummary is null ? null : Removed;
        foreach (var contact in closed.Contacts)
        {
            contact.From = Removed;
            contact.CallerKey = "";
            contact.Message = contact.Message is null ? null : Removed;
        }

        foreach (var note in closed.Notes)
        {
            note.Text = Removed;
        }

        foreach (var escalation in closed.Escalations)
        {
            escalation.Address = Removed;
            escalation.Landmarks = escalation.Landmarks is null ? null : Removed;
            escalation.Summary = Removed;
            escalation.OperatorReference = escalation.OperatorReference is null ? null : Removed;
        }
    }
}
