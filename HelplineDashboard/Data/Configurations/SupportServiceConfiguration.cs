using HelplineDashboard.Features.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelplineDashboard.Data.Configurations;

public sealed class SupportServiceConfiguration : IEntityTypeConfiguration<SupportService>
{
    public void Configure(EntityTypeBuilder<SupportService> builder)
    {
        builder.Property(s => s.Line).HasMaxLength(8);
        builder.Property(s => s.Region).HasMaxLength(64);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.Name).HasMaxLength(SupportService.MaxNameLength);
        builder.Property(s => s.Phone).HasMaxLength(SupportService.MaxPhoneLength);
        builder.Property(s => s.Address).HasMaxLength(SupportService.MaxAddressLength);
        builder.Property(s => s.Hours).HasMaxLength(SupportService.MaxHoursLength);
        builder.HasIndex(s => new { s.Line, s.Region, s.Kind });
        builder.HasData(ServiceDirectorySeed.Entries());
    }
}
