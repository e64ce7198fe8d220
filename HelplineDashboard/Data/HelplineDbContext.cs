using HelplineDashboard.Data.Protection;
using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Audit;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Escalations;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HelplineDashboard.Data;

public sealed class HelplineDbContext(DbContextOptions<HelplineDbContext> options, FieldProtector fieldProtector)
    : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();

    public DbSet<RiskScreening> RiskScreenings => Set<RiskScreening>();

    public DbSet<SafetyPlan> SafetyPlans => Set<SafetyPlan>();

    public DbSet<Features.Categories.Category> Categories => Set<Features.Categories.Category>();

    public DbSet<Features.Categories.CaseCategory> CaseCategories => Set<Features.Categories.CaseCategory>();

    public DbSet<Escalation> Escalations => Set<Escalation>();

    public DbSet<EscalationDelivery> EscalationDeliveries => Set<EscalationDelivery>();

    public DbSet<EscalationEvent> EscalationEvents => Set<EscalationEvent>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Features.Administration.ApiKey> ApiKeys => Set<Features.Administration.ApiKey>();

    public DbSet<Features.Cases.Transfers.CaseTransfer> CaseTransfers => Set<Features.Cases.Transfers.CaseTransfer>();

    public DbSet<Features.Referrals.SupportService> SupportServices => Set<Features.Referrals.SupportService>();

    public DbSet<Features.Referrals.Referral> Referrals => Set<Features.Referrals.Referral>();

    public DbSet<Features.FollowUps.FollowUp> FollowUps => Set<Features.FollowUps.FollowUp>();
    public DbSet<Features.Wallboard.LineThresholdSetting> LineThresholdSettings => Set<Features.Wallboard.LineThresholdSetting>();

    internal FieldProtector FieldProtector => fieldProtector;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(HelplineDbContext).Assembly);
        EncryptSurvivorData(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC; SQLite forgets the kind, so restore it on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <summary>The columns that hold what a caller said or where they are. See docs/decisions/0005-encryption-at-rest.md.</summary>
    private void EncryptSurvivorData(ModelBuilder builder)
    {
        var protector = fieldProtector;
        ValueConverter encrypted = new ValueConverter<string, string>(v => protector.Protect(v), v => protector.Unprotect(v));
        builder.Entity<Contact>().Property(c => c.From).HasConversion(encrypted);
        builder.Entity<Contact>().Property(c => c.Message).HasConversion(encrypted);
        builder.Entity<CaseNote>().Property(n => n.Text).HasConversion(encrypted);
        builder.Entity<Case>().Property(c => c.ClosingSummary).HasConversion(encrypted);
        builder.Entity<RiskScreening>().Property(s => s.OverrideReason).HasConversion(encrypted);
        builder.Entity<SafetyPlan>().Property(p => p.SafeCallbackNumber).HasConversion(encrypted);
        builder.Entity<SafetyPlan>().Property(p => p.SafeTimesNote).HasConversion(encrypted);
        builder.Entity<SafetyPlan>().Property(p => p.CodeWord).HasConversion(encrypted);
        builder.Entity<Escalation>().Property(e => e.Address).HasConversion(encrypted);
        builder.Entity<Escalation>().Property(e => e.Landmarks).HasConversion(encrypted);
        builder.Entity<Escalation>().Property(e => e.Summary).HasConversion(encrypted);
        builder.Entity<Features.Cases.Transfers.CaseTransfer>().Property(t => t.Note).HasConversion(encrypted);
        builder.Entity<Features.FollowUps.FollowUp>().Property(f => f.Note).HasConversion(encrypted);
    }
}

/// <summary>One EF model per key ring: the encrypting converters close over the app's <see cref="FieldProtector"/>.</summary>
public sealed class HelplineModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is HelplineDbContext helpline
            ? (context.GetType(), helpline.FieldProtector.InstanceId, designTime)
            : (context.GetType(), designTime);
}
