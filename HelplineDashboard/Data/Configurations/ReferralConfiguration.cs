using HelplineDashboard.Features.Cases;
using HelplineDashboard.Features.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelplineDashboard.Data.Configurations;

public sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.Property(r => r.Line).HasMaxLength(8);
        builder.Property(r => r.ServiceName).HasMaxLength(SupportService.MaxNameLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.ReferredById).HasMaxLength(64);
        builder.Property(r => r.ReferredByName).HasMaxLength(128);
        builder.HasIndex(r => new { r.CaseId, r.CreatedAt });
        builder.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SupportService>().WithMany().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.Restrict);
    }
}
