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
        asset.Ignore(a => a.IsImage);
        asset.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        asset.HasIndex(a => new { a.UnitId, a.CreatedAt });
        asset.HasMany(a => a.Variants).WithOne().HasForeignKey(v => v.MediaAssetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MediaVariantConfiguration : IEntityTypeConfiguration<MediaVariant>
{
    public void Configure(EntityTypeBuilder<MediaVariant> variant)
    {
        variant.ToTable("MediaVariants");
        variant.Property(v => v.ContentType).HasMaxLength(100);
        variant.Property(v => v.FileName).HasMaxLength(200);
        variant.Property(v => v.StoragePath).HasMaxLength(300);
        variant.HasIndex(v => new { v.MediaAssetId, v.Size, v.ContentType }).IsUnique();
    }
}
