using HelplineDashboard.Common;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Queue;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Cases;

/// <summary>What the counsellor submits: the answers and, optionally, another level with the reason for it.</summary>
public sealed record ScreeningInput(ScreeningAnswers Answers, RiskLevel? Override = null, string? OverrideReason = null);

public sealed record RiskScreeningView(
    long Id,
    ScreeningAnswers Answers,
    RiskLevel ComputedRisk,
    RiskLevel Risk,
    string? OverrideReason,
    string AssessedByName,
    DateTime AssessedAt)
{
    public static RiskScreeningView From(RiskScreening s) =>
        new(s.Id, s.Answers.Copy(), s.ComputedRisk, s.Risk, s.OverrideReason, s.AssessedByName, s.AssessedAt);
}

/// <summary>Risk screening of a case: only its owner screens; each screening is kept and the latest sets the case's risk.</summary>
public sealed class RiskScreeningService(
    IDbContextFactory<HelplineDbContext> dbFactory,
    QueueNotifier queueNotifier,
    ScreeningsUnderWay screeningsUnderWay,
    CaseNotifier caseChanges,
    TimeProvider time,
    ILogger<RiskScreeningService> logger)
{
    public async Task<RiskScreeningView> ScreenAsync(long caseId, ScreeningInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        var answers = ValidAnswers(input.Answers);
        var computed = RiskRule.Compute(answers);
        var (risk, reason) = ValidOverride(computed, input.Override, input.OverrideReason);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await CaseService.LoadForWorkAsync(db, caseId, actor, cancellationToken);
        var screening = new RiskScreening
        {
            CaseId = found.Id,
            Answers = answers,
            ComputedRisk = computed,
            Risk = risk,
            OverrideReason = reason,
            AssessedById = actor.UserId,
            AssessedByName = actor.DisplayName,
            AssessedAt = time.GetUtcNow().UtcDateTime,
        };
        db.RiskScreenings.Add(screening);
        found.Risk = risk;
        List<ContactRiskChanged> raised;
        AuditTrail.Record(db, screening.AssessedAt, actor, AuditAction.RiskScreened, AuditTrail.Case(caseId), found.Line,
            (reason is null ? AuditPhrases.Screened : AuditPhrases.ScreenedOverridden).Format(computed, risk));
        using (screeningsUnderWay.Begin())
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            raised = await RaiseWaitingContactsAsync(db, found, risk, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        logger.LogInformation("Case {CaseId} screened: computed {Computed}, in force {Risk}", caseId, computed, risk);
        await caseChanges.PublishAsync(new CaseChanged(caseId, found.Line));
        foreach (var contact in raised)
        {
            await queueNotifier.PublishAsync(contact);
        }

        return RiskScreeningView.From(screening);
    }

    /// <summary>
    /// The caller's contacts still waiting on the case's line (same <see cref="Contact.CallerKey"/>) take the new risk
    /// when it is higher than theirs, so they move up the queue now rather than at their next contact. Never lowered:
    /// a lower screening leaves a waiting contact where it is.
    /// </summary>
    private static async Task<List<ContactRiskChanged>> RaiseWaitingContactsAsync(HelplineDbContext db, Case found, RiskLevel risk, CancellationToken cancellationToken)
    {
        var keys = await db.Contacts.AsNoTracking()
            .Where(c => c.CaseId == found.Id && c.CallerKey != "")
            .Select(c => c.CallerKey).Distinct()
            .ToListAsync(cancellationToken);
        var candidates = await db.Contacts.AsNoTracking()
            .Where(c => keys.Contains(c.CallerKey) && c.Line == found.Line && c.Status == ContactStatus.Waiting && c.Risk < risk)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        var raised = new List<ContactRiskChanged>();
        foreach (var contactId in candidates)
        {
            // Conditional, like a claim: a contact claimed or abandoned meanwhile is left alone.
            var updated = await db.Contacts
                .Where(c => c.Id == contactId && c.Status == ContactStatus.Waiting && c.Risk < risk)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Risk, risk), cancellationToken);
            if (updated == 1)
            {
                raised.Add(new ContactRiskChanged(contactId, found.Line, risk));
            }
        }

        return raised;
    }

    internal static ScreeningAnswers ValidAnswers(ScreeningAnswers? answers)
    {
        if (answers is null || ScreeningQuestion.All.Any(q => !Enum.IsDefined(q.Get(answers))))
        {
            throw new HelplineRuleException("Answer each screening question with yes, no or unknown.");
        }

        return answers.Copy();
    }

    /// <summary>An override needs a level and a written reason; choosing the computed level is no override.</summary>
    internal static (RiskLevel Risk, string? Reason) ValidOverride(RiskLevel computed, RiskLevel? chosen, string? reason)
    {
        if (chosen is null || chosen == computed)
        {
            return (computed, null);
        }

        if (!Enum.IsDefined(chosen.Value))
        {
            throw new HelplineRuleException("Choose a known risk level.");
        }

        return (chosen.Value, Text.Required(reason, RiskRule.MaxOverrideReasonLength, "Write why you chose another risk level than the screening gives."));
    }
}
