using HelplineDashboard.Common;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Wallboard;

/// <summary>A supervisor hands an open case of their line to another counsellor of that line, with a reason; audited.</summary>
public sealed class CaseReassignmentService(
    IDbContextFactory<HelplineDbContext> dbFactory,
    WallboardMetrics metrics,
    CasePresence presence,
    TimeProvider time,
    ILogger<CaseReassignmentService> logger)
{
    public const int MaxReasonLength = 200;

    public async Task ReassignAsync(long caseId, string toUserId, string? reason, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsSupervisor)
        {
            throw new AccessDeniedException();
        }

        var why = (reason ?? "").Trim();
        if (why.Length == 0)
        {
            throw new HelplineRuleException("Say why the case moves to someone else.");
        }

        if (why.Length > MaxReasonLength)
        {
            throw new HelplineRuleException("Keep the reason short (up to 200 characters), and nothing about the caller.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.Cases.AsNoTracking()
            .Where(c => c.Id == caseId)
            .Select(c => new { c.Line, c.OwnerId, c.Status })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null || !actor.Serves(found.Line))
        {
            throw new AccessDeniedException();
        }

        if (found.Status != CaseStatus.Open)
        {
            throw new HelplineRuleException("This case is already closed.");
        }

        if (found.OwnerId == toUserId)
        {
            throw new HelplineRuleException("The case already belongs to this counsellor.");
        }

        var target = await db.Users.AsNoTracking()
            .Where(u => u.Id == toUserId)
            .Select(u => new { u.Id, u.DisplayName, u.Lines })
            .SingleOrDefaultAsync(cancellationToken);
        var targetRoles = await db.UserRoles
            .Where(r => r.UserId == toUserId)
            .Join(db.Roles, ur => ur.RoleId, role => role.Id, (_, role) => role.Name)
            .ToListAsync(cancellationToken);
        var worksLine = target is not null
            && target.Lines.Split(',', StringSplitOptions.TrimEntries).Contains(found.Line)
            && targetRoles.Any(r => r is Roles.Counsellor or Roles.Supervisor);
        if (!worksLine)
        {
            throw new HelplineRuleException("Choose a counsellor who works this line.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Conditional on the owner the supervisor saw: two supervisors moving the same case cannot both win.
        var moved = await db.Cases
            .Where(c => c.Id == caseId && c.Status == CaseStatus.Open && c.OwnerId == found.OwnerId)
            .ExecuteUpdateAsync(
                update => update
                    .SetProperty(c => c.OwnerId, target!.Id)
                    .SetProperty(c => c.OwnerName, target!.DisplayName),
                cancellationToken);
        if (moved != 1)
        {
            throw new HelplineRuleException("The case changed meanwhile; look again.");
        }

        AuditTrail.Record(db, now, actor, AuditAction.CaseReassigned, AuditTrail.Case(caseId), found.Line, AuditPhrases.Reassigned.Format(found.OwnerId, target!.Id, why));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Case {CaseId} reassigned by {ActorId} to {UserId}", caseId, actor.UserId, target.Id);
        await presence.HandedOverAsync(found.OwnerId, target.Id, cancellationToken);
        metrics.RequestRefresh();
    }
}
