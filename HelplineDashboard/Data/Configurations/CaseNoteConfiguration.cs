using HelplineDashboard.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelplineDashboard.Data.Configurations;

public sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> builder)
    {
        builder.Property(n => n.AuthorId).HasMaxLength(64);
        builder.Property(n => n.AuthorName).HasMaxLength(128);
        builder.Property(n => n.Text).HasMaxLength(CaseNote.MaxLength);
        builder.HasIndex(n => new { n.CaseId, n.CreatedAt });
        builder.HasOne<CaseNote>().WithMany().HasForeignKey(n => n.AmendsNoteId).OnDelete(DeleteBehavior.Restrict);
    }
}
