using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.FollowUps;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelplineDashboard.Data.Configurations;

public sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.Property(f => f.Line).HasMaxLength(8);
        builder.Property(f => f.OwnerId).HasMaxLength(64);
        builder.Property(f => f.Note).HasMaxLength(FollowUp.MaxNoteLength);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(f => new { f.OwnerId, f.Status, f.DueAt });
        builder.HasIndex(f => new { f.Status, f.DueNotifiedAt, f.DueAt });
        builder.HasIndex(f => new { f.Line, f.Status, f.DueAt });
        builder.HasOne<Case>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
