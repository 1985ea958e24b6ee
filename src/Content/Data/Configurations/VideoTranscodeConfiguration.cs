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

internal sealed class VideoCaptionConfiguration : IEntityTypeConfiguration<VideoCaption>
{
    public void Configure(EntityTypeBuilder<VideoCaption> caption)
    {
        caption.ToTable("VideoCaptions");
        caption.HasOne<MediaAsset>().WithMany().HasForeignKey(c => c.VideoId).OnDelete(DeleteBehavior.Cascade);
        caption.HasOne(c => c.MediaAsset).WithMany().HasForeignKey(c => c.MediaAssetId).OnDelete(DeleteBehavior.Cascade);
        caption.Property(c => c.Language).HasMaxLength(VideoOptions.MaxLanguageCode);
        caption.Property(c => c.Label).HasMaxLength(VideoOptions.MaxLanguageLabel);
        caption.HasIndex(c => new { c.VideoId, c.Language }).IsUnique();
    }
}
