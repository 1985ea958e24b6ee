using CchcSite.Content.Media;
using CchcSite.Content.Videos;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Data.Configurations;

internal sealed class VideoTranscodeConfiguration : IEntityTypeConfiguration<VideoTranscode>
{
    public void Configure(EntityTypeBuilder<VideoTranscode> job)
    {
        job.ToTable("VideoTranscodes");
        job.HasOne(j => j.MediaAsset).WithMany().HasForeignKey(j => j.MediaAssetId).OnDelete(DeleteBehavior.Cascade);
        job.HasIndex(j => j.MediaAssetId).IsUnique();
        job.HasOne(j => j.Poster).WithMany().HasForeignKey(j => j.PosterId).OnDelete(DeleteBehavior.SetNull);
        job.HasOne(j => j.Captions).WithMany().HasForeignKey(j => j.CaptionsId).OnDelete(DeleteBehavior.SetNull);
        job.Property(j => j.Failure).HasMaxLength(1000);
        job.HasIndex(j => new { j.State, j.QueuedAt });
        job.HasMany(j => j.Renditions).WithOne().HasForeignKey(r => r.VideoTranscodeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VideoRenditionConfiguration : IEntityTypeConfiguration<VideoRendition>
{
    public void Configure(EntityTypeBuilder<VideoRendition> rendition)
    {
        rendition.ToTable("VideoRenditions");
        rendition.Property(r => r.FileName).HasMaxLength(200);
        rendition.Property(r => r.StoragePath).HasMaxLength(300);
        rendition.HasIndex(r => new { r.VideoTranscodeId, r.Height }).IsUnique();
    }
}
