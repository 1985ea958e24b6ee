using CchcSite.Content.Categories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Data.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> category)
    {
        category.HasIndex(c => c.Slug).IsUnique();
        category.Property(c => c.Slug).HasMaxLength(80);
        category.Property(c => c.Name).HasMaxLength(200);
    }
}
