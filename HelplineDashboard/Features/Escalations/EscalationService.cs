using HelplineDashboard.Common;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Lines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelplineDashboard.Features.Escalations;

/// <summary>
/// Escalations of a case to emergency services. A request is written with its delivery job in one transaction
/// (the outbox), so once the counsellor sees "Requested" it cannot be lost. See docs/decisions/0004-escalation-outbox.md.
/// </summary>
public sealed class EscalationService(
    IDbContextFactory<HelplineDbContext> dbFactory,
    LineCatalog lines,
    EscalationTargetCatalog targets,
    EscalationNotifier notifier,
    IOptionsMonitor<EscalationOptions> options,
    TimeProvider time,
    ILogger<EscalationService> logger)
{
    public const int MaxOperatorReferenceLength = 200;

    public async Task<EscalationView> RequestAsync(long caseId, EscalationRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await CaseService.LoadForWorkAsync(db, caseId, actor, cancellationToken);
        var target = targets.Find(found.Line, request.Target) ?? throw new HelplineRuleException("Choose the service to escalate to.");
        var region = lines.Get(found.Line).Regions.FirstOrDefault(r => r == request.Region?.Trim())
            ?? throw new HelplineRuleException("Choose the region where help is needed.");
        var address = Text.Required(request.Address, EscalationRequest.MaxAddressLength, "Give the address or location where help is needed.");
        var summary = Text.Required(request.Summary, EscalationRequest.MaxSummaryLength, "Say what is happening.");
        var landmarks = Text.Optional(request.Landmarks, EscalationRequest.MaxAddressLength);
        if (!Enum.IsDefined(request.Urgency))
        {
            throw new HelplineRuleException("Choose how urgent this is.");
        }

        if (request.PeopleAtRisk is < 1 or > EscalationRequest.MaxPeopleAtRisk)
        {
            throw new HelplineRuleException("Say how many people are at risk.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var hasEndpoint = !string.IsNullOrWhiteSpace(target.Endpoint);
        var escalation = new Escalation
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            CaseId = caseId,
            Line = found.Line,
            Target = target.Code,
            TargetName = target.Name,
            TargetPhone = target.Phone,
            Region = region,
            Address = address,
            Landmarks = landmarks,
            Urgency = request.Urgency,
            PeopleAtRisk = request.PeopleAtRisk,
            ChildrenPresent = request.ChildrenPresent,
            WeaponsMentioned = request.WeaponsMentioned,
            Summary = summary,
            RequestedAt = now,
            StatusChangedAt = now,
            RequestedById = actor.UserId,
            RequestedByName = actor.DisplayName,

            // Nothing can deliver it: a human phones it in, starting now.
            AlarmRaisedAt = hasEndpoint ? null : now,
        };
        escalation.Events.Add(new EscalationEvent
        {
            At = now,
            Status = EscalationStatus.Requested,
            Detail = hasEndpoint ? "requested" : "requested; the service has no endpoint, phone it in",
        });
        db.Escalations.Add(escalation);
        AuditTrail.Record(db, now, actor, AuditAction.EscalationRequested, AuditTrail.Case(caseId), found.Line, AuditPhrases.Escalated.Format(AuditTrail.Escalation(escalation.Id), target.Code));
        if (hasEndpoint)
        {
            db.EscalationDeliveries.Add(new EscalationDelivery { EscalationId = escalation.Id, CreatedAt = now, NextAttemptAt = now });
        }

        // One SaveChanges, one transaction: the escalation and its delivery job land together or not at all.
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("Escalation {EscalationId} to {Target} requested for case {CaseId}", escalation.Id, target.Code, caseId);
        await PublishAsync(escalation);
        return View(escalation);
    }

    /// <summary>A counsellor (or a supervisor of the line) phoned the service by hand: the alarm is closed.</summary>
    public async Task<EscalationView> RecordManualCallAsync(
        Guid escalationId, string? operatorReference, DateTime? calledAtUtc, Actor actor, CancellationToken cancellationToken = default)
    {
        var reference = Text.Required(operatorReference, MaxOperatorReferenceLength, "Write the operator's name or reference number.");
        var now = time.GetUtcNow().UtcDateTime;
        var calledAt = calledAtUtc ?? now;
        if (calledAt > now.AddMinutes(1))
        {
            throw new HelplineRuleException("The call cannot be in the future.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var escalation = await db.Escalations.SingleOrDefaultAsync(e => e.Id == escalationId, cancellationToken);
        var owningCase = escalation is null ? null : await db.Cases.SingleAsync(c => c.Id == escalation.CaseId, cancellationToken);
        if (escalation is null || owningCase is null || !CaseRules.MayRead(owningCase, actor) || !(owningCase.OwnerId == actor.UserId || actor.IsSupervisor))
        {
            throw new AccessDeniedException();
        }

        if (escalation.PhonedManuallyAt is not null)
        {
            throw new HelplineRuleException("The manual call is already recorded.");
        }

        escalation.PhonedManuallyAt = calledAt;
        escalation.PhonedManuallyById = actor.UserId;
        escalation.PhonedManuallyByName = actor.DisplayName;
        escalation.OperatorReference = reference;
        escalation.Events.Add(new EscalationEvent { At = now, Status = escalation.Status, Detail = $"phoned manually by {actor.DisplayName}; operator: {reference}" });

        // The service has it by phone now; a late webhook would only confuse the operator. The cancelled delivery, the
        // manual call and its audit line are one transaction: never a delivery cancelled without the call recorded.
        await AuditTrail.WriteWithLineAsync(
            db,
            ct => db.EscalationDeliveries
                .Where(d => d.EscalationId == escalationId && d.State == DeliveryState.Pending)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.State, DeliveryState.Cancelled).SetProperty(d => d.CompletedAt, now), ct),
            () => AuditTrail.Record(db, now, actor, AuditAction.EscalationPhonedManually, AuditTrail.Case(escalation.CaseId), escalation.Line, AuditTrail.Escalation(escalation.Id)),
            cancellationToken);
        logger.LogWarning("Escalation {EscalationId} phoned in manually", escalationId);
        await PublishAsync(escalation);
        return View(escalation);
    }

    /// <summary>A target reported progress through the signed status callback.</summary>
    public async Task<TargetReportResult> ApplyTargetReportAsync(Guid escalationId, EscalationStatus reported, string? detail, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var escalation = await db.Escalations.SingleOrDefaultAsync(e => e.Id == escalationId, cancellationToken);
        if (escalation is null)
        {
            return TargetReportResult.Unknown;
        }

        if (escalation.Status == reported)
        {
            return TargetReportResult.Applied;
        }

        if (!EscalationRules.TargetMayReport(escalation.Status, reported))
        {
            return TargetReportResult.Refused;
        }

        var now = time.GetUtcNow().UtcDateTime;
        escalation.Status = reported;
        escalation.StatusChangedAt = now;
        escalation.Events.Add(new EscalationEvent { At = now, Status = reported, Detail = string.IsNullOrWhiteSpace(detail) ? "target reported" : $"target: {Truncate(detail.Trim(), 500)}" });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Escalation {EscalationId} is now {Status} (target report)", escalationId, reported);
        await PublishAsync(escalation);
        return TargetReportResult.Applied;
    }

    /// <summary>Escalations of the actor's lines requested since <paramref name="sinceUtc"/>, alarms first.</summary>
    public async Task<IReadOnlyList<EscalationView>> ListForSupervisorAsync(Actor actor, DateTime sinceUtc, CancellationToken cancellationToken = default)
    {
        if (!actor.IsSupervisor)
        {
            throw new AccessDeniedException();
        }

        var served = actor.Lines.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var escalations = await db.Escalations.AsNoTracking()
            .Where(e => served.Contains(e.Line) && (e.RequestedAt >= sinceUtc || (e.PhonedManuallyAt == null && e.Status != EscalationStatus.Resolved)))
            .ToListAsync(cancellationToken);
        return escalations.Select(View)
            .OrderByDescending(e => e.Alarm)
            .ThenByDescending(e => e.Status == EscalationStatus.Failed)
            .ThenByDescending(e => e.RequestedAt)
            .ToList();
    }

    /// <summary>A starting summary for the request, from the case: the counsellor edits it.</summary>
    public async Task<string> DraftSummaryAsync(long caseId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await CaseService.LoadForWorkAsync(db, caseId, actor, cancellationToken);
        var first = await db.Contacts.AsNoTracking().Where(c => c.CaseId == caseId).OrderBy(c => c.ArrivedAt).FirstAsync(cancellationToken);
        var latestNote = await db.CaseNotes.AsNoTracking().Where(n => n.CaseId == caseId)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Select(n => n.Text).FirstOrDefaultAsync(cancellationToken);
        var parts = new List<string>
        {
            $"Line {found.Line}, {first.Channel} contact from {CallerNumbers.Display(first.From, first.Channel)}, risk {found.Risk}.",
        };
        if (!string.IsNullOrWhiteSpace(first.Message))
        {
            parts.Add($"Caller wrote: \"{first.Message}\"");
        }

        if (latestNote is not null)
        {
            parts.Add($"Counsellor's latest note: {latestNote}");
        }

        var draft = string.Join(' ', parts);
        return draft.Length <= EscalationRequest.MaxSummaryLength ? draft : draft[..EscalationRequest.MaxSummaryLength];
    }

    private static string Truncate(string value, int maxLength) => value.Length <= maxLength ? value : value[..maxLength];

    private EscalationView View(Escalation escalation) =>
        EscalationView.From(escalation, time.GetUtcNow().UtcDateTime, options.CurrentValue.FallbackAfter);

    private Task PublishAsync(Escalation escalation) =>
        notifier.PublishAsync(new EscalationChanged(escalation.Id, escalation.CaseId, escalation.Line, escalation.Status, View(escalation).Alarm));
}

public enum TargetReportResult
{
    Applied,
    Refused,
    Unknown,
}
