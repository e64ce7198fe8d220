using HelplineDashboard.Features.Wallboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelplineDashboard.Data.Configurations;

public sealed class LineThresholdSettingConfiguration : IEntityTypeConfiguration<LineThresholdSetting>
{
    public void Configure(EntityTypeBuilder<LineThresholdSetting> builder)
    {
        builder.HasKey(s => s.Line);
        builder.Property(s => s.Line).HasMaxLength(8);
        builder.Property(s => s.ChangedByName).HasMaxLength(128);
    }
}
