using HelplineDashboard.Features.Categories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelplineDashboard.Data.Configurations;

public sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.Property(c => c.Group).HasMaxLength(Category.MaxNameLength);
        builder.Property(c => c.Name).HasMaxLength(Category.MaxNameLength);
        builder.HasIndex(c => new { c.Group, c.Name }).IsUnique();
        builder.HasData(CategorySeed.All);
    }
}
