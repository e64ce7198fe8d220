using HelplineDashboard.Features.Accounts;
using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Contacts;
using HelplineDashboard.Features.Escalations;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HelplineDashboard.Data;

public sealed class HelplineDbContext(DbContextOptions<HelplineDbContext> options)
    : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();

    public DbSet<Escalation> Escalations => Set<Escalation>();

    public DbSet<EscalationDelivery> EscalationDeliveries => Set<EscalationDelivery>();

    public DbSet<EscalationEvent> EscalationEvents => Set<EscalationEvent>();

    public DbSet<Features.Administration.ApiKey> ApiKeys => Set<Features.Administration.ApiKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(HelplineDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC; SQLite forgets the kind, so restore it on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
