using HelplineDashboard.Common;
using HelplineDashboard.Data;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Administration;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Lines;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Features.Referrals;

/// <summary>
/// Referrals of a case to support services from the directory, and the directory itself (administrators edit it).
/// A referral is only Made or Confirmed with the caller's consent.
/// </summary>
public sealed class ReferralService(
    IDbContextFactory<HelplineDbContext> dbFactory,
    LineCatalog lines,
    CaseNotifier caseChanges,
    TimeProvider time,
    ILogger<ReferralService> logger)
{
    /// <summary>Active services of a line: those of the region first, then the line's other entries.</summary>
    public async Task<IReadOnlyList<SupportServiceView>> DirectoryAsync(string line, string? region, SupportServiceKind? kind, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdmin && !actor.Serves(line))
        {
            throw new AccessDeniedException();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.SupportServices.AsNoTracking().Where(s => s.Line == line && s.Active);
        if (kind is { } wanted)
        {
            query = query.Where(s => s.Kind == wanted);
        }

        if (!string.IsNullOrEmpty(region))
        {
            query = query.Where(s => s.Region == region || s.Region == null);
        }

        var services = await query.ToListAsync(cancellationToken);
        return services
            .OrderBy(s => s.Region == region ? 0 : 1)
            .ThenBy(s => s.Region)
            .ThenBy(s => s.Kind)
            .ThenBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(SupportServiceView.From)
            .ToList();
    }

    /// <summary>The whole directory of a line, retired entries included, for the administrator.</summary>
    public async Task<IReadOnlyList<SupportServiceView>> ListForAdministrationAsync(string line, Actor actor, CancellationToken cancellationToken = default)
    {
        AdministrationRules.EnsureAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var services = await db.SupportServices.AsNoTracking().Where(s => s.Line == line).ToListAsync(cancellationToken);
        return services.OrderBy(s => s.Region).ThenBy(s => s.Kind).Select(SupportServiceView.From).ToList();
    }

    /// <summary>Adds (<paramref name="serviceId"/> null) or changes a directory entry.</summary>
    public async Task<SupportServiceView> SaveServiceAsync(int? serviceId, SupportServiceEdit edit, Actor actor, CancellationToken cancellationToken = default)
    {
        AdministrationRules.EnsureAdmin(actor);
        if (!lines.TryGet(edit.Line, out var line))
        {
            throw new HelplineRuleException("Choose a line.");
        }

        var region = Text.Optional(edit.Region, 64);
        if (region is not null && !line.Regions.Contains(region))
        {
            throw new HelplineRuleException("Choose a region of the line.");
        }

        if (!Enum.IsDefined(edit.Kind))
        {
            throw new HelplineRuleException("Choose the kind of service.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var service = serviceId is { } id
            ? await db.SupportServices.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new HelplineRuleException("This entry no longer exists.")
            : db.SupportServices.Add(new SupportService { Line = line.Code, Name = "", Phone = "" }).Entity;
        service.Line = line.Code;
        service.Region = region;
        service.Kind = edit.Kind;
        service.Name = Text.Required(edit.Name, SupportService.MaxNameLength, "Give the service's name.");
        service.Phone = Text.Required(edit.Phone, SupportService.MaxPhoneLength, "Give the service's phone number.");
        service.Address = Text.Optional(edit.Address, SupportService.MaxAddressLength);
        service.Hours = Text.Optional(edit.Hours, SupportService.MaxHoursLength);
        service.Active = edit.Active;
        await AuditTrail.SaveWithLineAsync(
            db,
            () => AuditTrail.SettingsChanged(db, time.GetUtcNow().UtcDateTime, actor, $"support-service:{service.Id}", (serviceId is null ? AuditPhrases.SupportServiceAdded : AuditPhrases.SupportServiceChanged).Format(service.Line)),
            cancellationToken);
        return SupportServiceView.From(service);
    }

    /// <summary>The owner refers the caller to a service of the case's line. Made or Confirmed needs the caller's consent.</summary>
    public async Task<ReferralView> ReferAsync(long caseId, int serviceId, bool consentGiven, ReferralStatus status, Actor actor, CancellationToken cancellationToken = default)
    {
        EnsureConsent(status, consentGiven);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await CaseService.LoadForWorkAsync(db, caseId, actor, cancellationToken);
        var service = await db.SupportServices.AsNoTracking().SingleOrDefaultAsync(s => s.Id == serviceId && s.Line == found.Line && s.Active, cancellationToken)
            ?? throw new HelplineRuleException("Choose a service from this line's directory.");
        var now = time.GetUtcNow().UtcDateTime;
        var referral = new Referral
        {
            CaseId = caseId,
            Line = found.Line,
            ServiceId = service.Id,
            ServiceName = service.Name,
            ConsentGiven = consentGiven,
            Status = status,
            ReferredById = actor.UserId,
            ReferredByName = actor.DisplayName,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Referrals.Add(referral);

        // The audit line names the referral's id, so the referral is saved first, but never without it.
        await AuditTrail.SaveWithLineAsync(
            db,
            () => AuditTrail.Record(db, now, actor, AuditAction.ReferralRecorded, AuditTrail.Case(caseId), found.Line,
                (consentGiven ? AuditPhrases.ReferralConsentGiven : AuditPhrases.ReferralNoConsent).Format(referral.Id, $"support-service:{service.Id}", status)),
            cancellationToken);
        logger.LogInformation("Referral {ReferralId} recorded on case {CaseId}", referral.Id, caseId);
        await caseChanges.PublishAsync(new CaseChanged(caseId, found.Line));
        return ReferralView.From(referral);
    }

    /// <summary>The owner records where a referral stands, and whether the caller has now consented.</summary>
    public async Task<ReferralView> UpdateAsync(long referralId, ReferralStatus status, bool consentGiven, Actor actor, CancellationToken cancellationToken = default)
    {
        EnsureConsent(status, consentGiven);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId, cancellationToken) ?? throw new AccessDeniedException();
        var found = await CaseService.LoadForWorkAsync(db, referral.CaseId, actor, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        referral.Status = status;
        referral.ConsentGiven = consentGiven;
        referral.UpdatedAt = now;
        AuditTrail.Record(db, now, actor, AuditAction.ReferralStatusChanged, AuditTrail.Case(found.Id), found.Line,
            (consentGiven ? AuditPhrases.ReferralNowConsentGiven : AuditPhrases.ReferralNowNoConsent).Format(referral.Id, status));
        await db.SaveChangesAsync(cancellationToken);
        await caseChanges.PublishAsync(new CaseChanged(found.Id, found.Line));
        return ReferralView.From(referral);
    }

    /// <summary>A case's referrals, newest first, for whoever may read the case; also the case timeline's source.</summary>
    public async Task<IReadOnlyList<ReferralView>> ListForCaseAsync(long caseId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await CaseService.LoadForReadAsync(db, caseId, actor, cancellationToken);

        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => r.CaseId == caseId)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .ToListAsync(cancellationToken);
        return referrals.Select(ReferralView.From).ToList();
    }

    private static void EnsureConsent(ReferralStatus status, bool consentGiven)
    {
        if (!Enum.IsDefined(status))
        {
            throw new HelplineRuleException("Choose where the referral stands.");
        }

        if (status is ReferralStatus.Made or ReferralStatus.Confirmed && !consentGiven)
        {
            throw new HelplineRuleException("A referral is only made with the caller's consent.");
        }
    }
}
