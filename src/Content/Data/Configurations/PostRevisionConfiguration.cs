using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Data.Configurations;

internal sealed class PostRevisionConfiguration : IEntityTypeConfiguration<PostRevision>
{
    public void Configure(EntityTypeBuilder<PostRevision> revision)
    {
        revision.Property(r => r.Title).HasMaxLength(400);
        revision.Property(r => r.Summary).HasMaxLength(1000);
        revision.Property(r => r.UserId).HasMaxLength(450);
        revision.HasIndex(r => new { r.PostId, r.Number }).IsUnique();
    }
}
