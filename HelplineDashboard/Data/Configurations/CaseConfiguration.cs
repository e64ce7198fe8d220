using HelplineDashboard.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelplineDashboard.Data.Configurations;

public sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.Property(c => c.Line).HasMaxLength(8);
        builder.Property(c => c.OwnerId).HasMaxLength(64);
        builder.Property(c => c.OwnerName).HasMaxLength(128);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(48);
        builder.Property(c => c.ClosingSummary).HasMaxLength(4000);

        builder.HasIndex(c => new { c.OwnerId, c.Status });
        builder.HasIndex(c => new { c.Line, c.Status });
        builder.HasIndex(c => new { c.Status, c.AnonymisedAt, c.ClosedAt });

        builder.HasMany(c => c.Notes)
            .WithOne()
            .HasForeignKey(n => n.CaseId)
            .OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(c => c.Escalations)
            .WithOne()
            .HasForeignKey(e => e.CaseId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
