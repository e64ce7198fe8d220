using HelplineDashboard.Features.Escalations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelplineDashboard.Data.Configurations;

public sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> builder)
    {
        builder.Property(e => e.Line).HasMaxLength(8);
        builder.Property(e => e.Target).HasMaxLength(32);
        builder.Property(e => e.TargetName).HasMaxLength(128);
        builder.Property(e => e.TargetPhone).HasMaxLength(32);
        builder.Property(e => e.Region).HasMaxLength(64);
        builder.Property(e => e.Address).HasMaxLength(EscalationRequest.MaxAddressLength);
        builder.Property(e => e.Landmarks).HasMaxLength(EscalationRequest.MaxAddressLength);
        builder.Property(e => e.Urgency).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Summary).HasMaxLength(EscalationRequest.MaxSummaryLength);
        builder.Property(e => e.RequestedById).HasMaxLength(64);
        builder.Property(e => e.RequestedByName).HasMaxLength(128);
        builder.Property(e => e.PhonedManuallyById).HasMaxLength(64);
        builder.Property(e => e.PhonedManuallyByName).HasMaxLength(128);
        builder.Property(e => e.OperatorReference).HasMaxLength(EscalationService.MaxOperatorReferenceLength);
        builder.HasIndex(e => new { e.CaseId, e.RequestedAt });
        builder.HasIndex(e => new { e.Line, e.RequestedAt });
        builder.HasIndex(e => new { e.Status, e.AlarmRaisedAt });
        builder.HasMany(e => e.Events).WithOne().HasForeignKey(ev => ev.EscalationId).OnDelete(DeleteBehavior.Restrict);
    }
}
