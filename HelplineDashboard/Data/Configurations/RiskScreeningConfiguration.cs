using HelplineDashboard.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelplineDashboard.Data.Configurations;

public sealed class RiskScreeningConfiguration : IEntityTypeConfiguration<RiskScreening>
{
    public void Configure(EntityTypeBuilder<RiskScreening> builder)
    {
        builder.ComplexProperty(s => s.Answers, answers =>
        {
            foreach (var property in typeof(ScreeningAnswers).GetProperties())
            {
                answers.Property(property.Name).HasConversion<string>().HasMaxLength(8);
            }
        });
        builder.Property(s => s.ComputedRisk).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Risk).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.OverrideReason).HasMaxLength(RiskRule.MaxOverrideReasonLength);
        builder.Property(s => s.AssessedById).HasMaxLength(64);
        builder.Property(s => s.AssessedByName).HasMaxLength(128);
        builder.HasIndex(s => new { s.CaseId, s.AssessedAt });
        builder.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
