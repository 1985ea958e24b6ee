using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Data.Configurations;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> attachment)
    {
        attachment.Property(a => a.Title).HasMaxLength(PostDraft.MaxAttachmentTitle);
        attachment.HasOne(a => a.MediaAsset).WithMany().HasForeignKey(a => a.MediaAssetId).OnDelete(DeleteBehavior.Restrict);
    }
}
