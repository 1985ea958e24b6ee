namespace CchcSite.Content.Media;

/// <summary>A stored file (image, document attachment, video, captions) owned by a unit.</summary>
public class MediaAsset
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    /// <summary>Path relative to the media root; never shown to users. For an image: its full-size variant in the fallback format.</summary>
    public required string StoragePath { get; set; }
    public string? AltText { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Pixel size of the stored full-size image; null for other files.</summary>
    public int? Width { get; set; }
    public int? Height { get; set; }
    /// <summary>The re-encoded copies of an image (thumbnail, card, full; fallback format and WebP). Empty for other files.</summary>
    public List<MediaVariant> Variants { get; set; } = [];

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}
