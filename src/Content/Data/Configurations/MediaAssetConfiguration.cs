using CchcSite.Content.Media;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Data.Configurations;

internal sealed class MediaAssetConfiguration : IEntityTypeConfiguration<MediaAsset>
{
    public void Configure(EntityTypeBuilder<MediaAsset> asset)
    {
        asset.Property(a => a.FileName).HasMaxLength(200);
        asset.Property(a => a.ContentType).HasMaxLength(100);
        asset.Property(a => a.StoragePath).HasMaxLength(300);
        asset.Property(a => a.AltText).HasMaxLength(300);
        asset.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
