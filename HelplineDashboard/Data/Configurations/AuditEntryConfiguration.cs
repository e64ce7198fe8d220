using HelplineDashboard.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelplineDashboard.Data.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.ActorId).HasMaxLength(256);
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.Property(e => e.Subject).HasMaxLength(64);
        builder.Property(e => e.Line).HasMaxLength(8);
        builder.Property(e => e.Detail).HasMaxLength(AuditTrail.MaxDetailLength);
        builder.Property(e => e.Address).HasMaxLength(64);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.Line, e.At });
        builder.HasIndex(e => new { e.Subject, e.At });
        builder.HasIndex(e => new { e.ActorId, e.At });
    }
}
