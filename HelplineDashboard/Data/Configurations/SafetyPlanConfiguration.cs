using HelplineDashboard.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelplineDashboard.Data.Configurations;

public sealed class SafetyPlanConfiguration : IEntityTypeConfiguration<SafetyPlan>
{
    public void Configure(EntityTypeBuilder<SafetyPlan> builder)
    {
        builder.Property(p => p.SafeToTalk).HasConversion<string>().HasMaxLength(8);

        // Encrypted columns hold more than the plain text.
        builder.Property(p => p.SafeCallbackNumber).HasMaxLength(512);
        builder.Property(p => p.SafeTimesNote).HasMaxLength(2048);
        builder.Property(p => p.CodeWord).HasMaxLength(512);
        builder.Property(p => p.RecordedById).HasMaxLength(64);
        builder.Property(p => p.RecordedByName).HasMaxLength(128);
        builder.HasIndex(p => new { p.CaseId, p.RecordedAt });
        builder.HasOne<Case>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
