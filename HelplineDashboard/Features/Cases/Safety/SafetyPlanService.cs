using HelplineDashboard.Common;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Cases;

/// <summary>What the counsellor records about reaching the caller safely, and what the case shows of it.</summary>
public sealed record SafetyPlanDetails(
    ScreeningAnswer SafeToTalk,
    string? SafeCallbackNumber,
    TimeOnly? SafeFrom,
    TimeOnly? SafeUntil,
    string? SafeTimesNote,
    string? CodeWord,
    bool DoNotCallBack,
    bool DoNotSendSms)
{
    public static SafetyPlanDetails From(SafetyPlan p) =>
        new(p.SafeToTalk, p.SafeCallbackNumber, p.SafeFrom, p.SafeUntil, p.SafeTimesNote, p.CodeWord, p.DoNotCallBack, p.DoNotSendSms);
}

/// <summary>The caller's safety plan: only the case's owner changes it; every change is kept and audited.</summary>
public sealed class SafetyPlanService(
    IDbContextFactory<HelplineDbContext> dbFactory,
    CaseNotifier caseChanges,
    TimeProvider time,
    ILogger<SafetyPlanService> logger)
{
    public async Task<SafetyPlanDetails> SaveAsync(long caseId, SafetyPlanDetails input, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(input.SafeToTalk))
        {
            throw new HelplineRuleException("Say whether it is safe to talk now.");
        }

        if (input.SafeFrom is null != input.SafeUntil is null)
        {
            throw new HelplineRuleException("Give both ends of the safe time window, or neither.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await CaseService.LoadForWorkAsync(db, caseId, actor, cancellationToken);
        var plan = new SafetyPlan
        {
            CaseId = found.Id,
            SafeToTalk = input.SafeToTalk,
            SafeCallbackNumber = Text.Optional(input.SafeCallbackNumber, SafetyPlan.MaxNumberLength),
            SafeFrom = input.SafeFrom,
            SafeUntil = input.SafeUntil,
            SafeTimesNote = Text.Optional(input.SafeTimesNote, SafetyPlan.MaxNoteLength),
            CodeWord = Text.Optional(input.CodeWord, SafetyPlan.MaxCodeWordLength),
            DoNotCallBack = input.DoNotCallBack,
            DoNotSendSms = input.DoNotSendSms,
            RecordedById = actor.UserId,
            RecordedByName = actor.DisplayName,
            RecordedAt = time.GetUtcNow().UtcDateTime,
        };
        db.SafetyPlans.Add(plan);
        AuditTrail.Record(db, plan.RecordedAt, actor, AuditAction.SafetyPlanChanged, AuditTrail.Case(caseId), found.Line);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Safety plan of case {CaseId} changed", caseId);
        await caseChanges.PublishAsync(new CaseChanged(caseId, found.Line));
        return SafetyPlanDetails.From(plan);
    }

    /// <summary>The plan in force for a case, for services that contact the caller (follow-ups, SMS). Null: none recorded.</summary>
    public static Task<SafetyPlan?> CurrentAsync(HelplineDbContext db, long caseId, CancellationToken cancellationToken = default) =>
        db.SafetyPlans.AsNoTracking()
            .Where(p => p.CaseId == caseId)
            .OrderByDescending(p => p.RecordedAt).ThenByDescending(p => p.Id)
            .FirstOrDefaultAsync(cancellationToken);
}
