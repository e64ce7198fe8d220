using HelplineDashboard.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelplineDashboard.Data.Configurations;

public sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(128);
        builder.Property(u => u.Lines).HasMaxLength(64);
        builder.Property(u => u.Specialisms).HasMaxLength(64);
        builder.Property(u => u.Languages).HasMaxLength(64);
        builder.Property(u => u.UiLanguage).HasMaxLength(8);
    }
}
