namespace CchcSite.Content.Media;

/// <summary>A stored file (image, document attachment, video, captions) owned by a unit.</summary>
public class MediaAsset
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    /// <summary>Path relative to the media root; never shown to users.</summary>
    public required string StoragePath { get; set; }
    public string? AltText { get; set; }
    public DateTime CreatedAt { get; set; }
}
