using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Data.Configurations;

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> tag)
    {
        tag.HasIndex(t => t.Slug).IsUnique();
        tag.Property(t => t.Slug).HasMaxLength(PostDraft.MaxTag);
        tag.Property(t => t.Name).HasMaxLength(PostDraft.MaxTag);
    }
}
