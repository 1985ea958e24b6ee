using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Data.Configurations;

internal sealed class PostSlugHistoryConfiguration : IEntityTypeConfiguration<PostSlugHistory>
{
    public void Configure(EntityTypeBuilder<PostSlugHistory> history)
    {
        history.Property(h => h.Slug).HasMaxLength(200);
        history.HasIndex(h => new { h.UnitId, h.Slug });
        history.HasOne<Post>().WithMany().HasForeignKey(h => h.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}
