using HelplineDashboard.Features.Escalations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelplineDashboard.Data.Configurations;

public sealed class EscalationDeliveryConfiguration : IEntityTypeConfiguration<EscalationDelivery>
{
    public void Configure(EntityTypeBuilder<EscalationDelivery> builder)
    {
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.LastError).HasMaxLength(500);
        builder.HasIndex(d => d.EscalationId).IsUnique();
        builder.HasIndex(d => new { d.State, d.NextAttemptAt });
        builder.HasOne(d => d.Escalation).WithMany().HasForeignKey(d => d.EscalationId).OnDelete(DeleteBehavior.Restrict);
    }
}
