using HelplineDashboard.Features.Administration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelplineDashboard.Data.Configurations;

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(ApiKeyService.MaxNameLength);
        builder.Property(k => k.Scope).HasConversion<string>().HasMaxLength(16);
        builder.Property(k => k.Lines).HasMaxLength(64);
        builder.Property(k => k.KeyHash).HasMaxLength(64);
        builder.Property(k => k.Prefix).HasMaxLength(ApiKeyService.PrefixLength);
        builder.Property(k => k.CreatedByName).HasMaxLength(128);
        builder.Property(k => k.RevokedByName).HasMaxLength(128);

        // Every authenticated request looks its key up by hash.
        builder.HasIndex(k => k.KeyHash).IsUnique();

        // One live key per name: a gateway's contacts are recorded under its name.
        builder.HasIndex(k => k.Name).IsUnique().HasFilter("\"RevokedAt\" IS NULL");
    }
}
