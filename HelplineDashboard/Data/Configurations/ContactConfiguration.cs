using HelplineDashboard.Features.Contacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelplineDashboard.Data.Configurations;

public sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.Property(c => c.Line).HasMaxLength(8);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(8);
        builder.Property(c => c.Gateway).HasMaxLength(64);
        builder.Property(c => c.ExternalId).HasMaxLength(128);
        builder.Property(c => c.From).HasMaxLength(128);
        builder.Property(c => c.Language).HasMaxLength(16);
        builder.Property(c => c.Message).HasMaxLength(4000);
        builder.Property(c => c.Region).HasMaxLength(64);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ClaimedById).HasMaxLength(64);
        builder.Property(c => c.ClaimedByName).HasMaxLength(128);
        builder.Property(c => c.RequestFingerprint).HasMaxLength(64);
        builder.Property(c => c.CallerKey).HasMaxLength(64);
        builder.HasIndex(c => new { c.CallerKey, c.ArrivedAt });

        // A gateway's retry must find the first post, and two posts can never both land.
        builder.HasIndex(c => new { c.Gateway, c.ExternalId }).IsUnique();

        // The live queue: waiting contacts of a line in queue order (risk, urgency, arrival). Urgent is in the index so
        // intake counts a batch's queue positions from the index alone (docs/decisions/0017-intake-serial-section.md).
        builder.HasIndex(c => new { c.Status, c.Line, c.Risk, c.Urgent, c.ArrivedAt });

        // The wallboard (today, last hour) and reports (a date range) read a line's contacts by arrival. The index also
        // holds every column they count, so a 30-day report reads it alone, never the contacts' wide rows with their
        // encrypted numbers and messages (docs/decisions/0016-report-grouping-in-sqlite.md).
        builder.HasIndex(c => new { c.Line, c.ArrivedAt, c.Status, c.ClaimedAt, c.AbandonedAt, c.Channel, c.Region, c.Risk, c.Urgent, c.CaseId })
            .HasDatabaseName("IX_Contacts_Line_ArrivedAt_Counted");

        builder.HasOne(c => c.Case)
            .WithMany(c => c.Contacts)
            .HasForeignKey(c => c.CaseId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
