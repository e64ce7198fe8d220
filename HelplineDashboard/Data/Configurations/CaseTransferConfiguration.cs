using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Cases.Transfers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelplineDashboard.Data.Configurations;

public sealed class CaseTransferConfiguration : IEntityTypeConfiguration<CaseTransfer>
{
    public void Configure(EntityTypeBuilder<CaseTransfer> builder)
    {
        builder.Property(t => t.Line).HasMaxLength(8);
        builder.Property(t => t.FromUserId).HasMaxLength(64);
        builder.Property(t => t.FromName).HasMaxLength(128);
        builder.Property(t => t.ToUserId).HasMaxLength(64);
        builder.Property(t => t.ToName).HasMaxLength(128);
        builder.Property(t => t.ToSpecialism).HasMaxLength(32);
        builder.Property(t => t.Note).HasMaxLength(CaseTransfer.MaxNoteLength);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.RespondedById).HasMaxLength(64);
        builder.Property(t => t.RespondedByName).HasMaxLength(128);
        builder.HasIndex(t => new { t.CaseId, t.Status });

        // One open question per case: two transfers pending at once would race each other to the owner.
        builder.HasIndex(t => t.CaseId).IsUnique().HasFilter("\"Status\" = 'Pending'").HasDatabaseName("IX_CaseTransfers_OnePendingPerCase");
        builder.HasIndex(t => new { t.Status, t.ToUserId });
        builder.HasIndex(t => new { t.Status, t.Line, t.ToSpecialism });
        builder.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
