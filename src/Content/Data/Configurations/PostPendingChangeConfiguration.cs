using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Data.Configurations;

internal sealed class PostPendingChangeConfiguration : IEntityTypeConfiguration<PendingChange>
{
    public void Configure(EntityTypeBuilder<PendingChange> change)
    {
        change.ToTable("PostPendingChanges");
        change.HasKey(c => c.PostId);
        change.HasOne<Post>().WithOne(p => p.PendingChange).HasForeignKey<PendingChange>(c => c.PostId).OnDelete(DeleteBehavior.Cascade);
        change.HasOne(c => c.Revision).WithMany().HasForeignKey(c => c.RevisionId).OnDelete(DeleteBehavior.Cascade);
        change.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        change.Property(c => c.StartedById).HasMaxLength(450);
        change.Property(c => c.LastEditorId).HasMaxLength(450);
        change.Property(c => c.ReviewNote).HasMaxLength(PostWorkflow.MaxNote);
        // The review queue lists changes by state.
        change.HasIndex(c => c.Status);
    }
}
