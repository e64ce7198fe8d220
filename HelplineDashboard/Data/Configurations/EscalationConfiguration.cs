using HelplineDashboard.Features.Escalations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelplineDashboard.Data.Configurations;

public sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> builder)
    {
        builder.Property(e => e.Target).HasMaxLength(32);
        builder.Property(e => e.TargetPhone).HasMaxLength(32);
        builder.Property(e => e.Region).HasMaxLength(64);
        builder.Property(e => e.Address).HasMaxLength(500);
        builder.Property(e => e.Landmarks).HasMaxLength(500);
        builder.Property(e => e.Urgency).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Reason).HasMaxLength(2000);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.RequestedById).HasMaxLength(64);
        builder.Property(e => e.RequestedByName).HasMaxLength(128);
        builder.HasIndex(e => new { e.CaseId, e.RequestedAt });
        builder.HasIndex(e => new { e.Status, e.RequestedAt });
    }
}
