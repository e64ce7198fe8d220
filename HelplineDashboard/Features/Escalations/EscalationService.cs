using HelplineDashboard.Common;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Lines;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Escalations;

/// <summary>Records escalations of a case to emergency services.</summary>
public sealed class EscalationService(
    IDbContextFactory<HelplineDbContext> dbFactory,
    LineCatalog lines,
    TimeProvider time,
    ILogger<EscalationService> logger)
{
    public async Task<EscalationView> RequestAsync(long caseId, EscalationRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await CaseService.LoadForWorkAsync(db, caseId, actor, cancellationToken);
        var target = EscalationTargets.Find(request.Target) ?? throw new HelplineRuleException("Choose the service to escalate to.");
        var line = lines.Get(found.Line);
        var region = line.Regions.FirstOrDefault(r => r == request.Region?.Trim())
            ?? throw new HelplineRuleException("Choose the region where help is needed.");
        var address = Required(request.Address, EscalationRequest.MaxAddressLength, "Give the address or location where help is needed.");
        var reason = Required(request.Reason, EscalationRequest.MaxReasonLength, "Say why help is needed.");
        var landmarks = Optional(request.Landmarks, EscalationRequest.MaxAddressLength);
        if (!Enum.IsDefined(request.Urgency))
        {
            throw new HelplineRuleException("Choose how urgent this is.");
        }

        var escalation = new Escalation
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            CaseId = caseId,
            Target = target.Code,
            TargetPhone = target.Phone,
            Region = region,
            Address = address,
            Landmarks = landmarks,
            Urgency = request.Urgency,
            Reason = reason,
            Status = EscalationStatus.Requested,
            RequestedAt = time.GetUtcNow().UtcDateTime,
            RequestedById = actor.UserId,
            RequestedByName = actor.DisplayName,
        };
        db.Escalations.Add(escalation);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("Escalation {EscalationId} to {Target} requested for case {CaseId}", escalation.Id, target.Code, caseId);
        return EscalationView.From(escalation);
    }

    private static string Required(string? value, int maxLength, string whenMissing)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new HelplineRuleException(whenMissing);
        }

        return trimmed.Length <= maxLength
            ? trimmed
            : throw new HelplineRuleException($"Keep it to {maxLength} characters.");
    }

    private static string? Optional(string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length <= maxLength ? trimmed : throw new HelplineRuleException($"Keep it to {maxLength} characters.");
    }
}
