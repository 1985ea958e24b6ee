namespace CchcSite.Content.Media;

/// <summary>The widths an uploaded image is re-encoded to. Never upscaled: a small image gives smaller variants.</summary>
public enum ImageSize
{
    Thumbnail,
    Card,
    Full,
}

/// <summary>One re-encoded copy of an image, metadata stripped, in one size and one format.</summary>
public class MediaVariant
{
    public int Id { get; set; }
    public int MediaAssetId { get; set; }
    public ImageSize Size { get; set; }
    public required string ContentType { get; set; }
    /// <summary>The name it is served under: the asset's name with the extension of this format.</summary>
    public required string FileName { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public long Length { get; set; }
    public required string StoragePath { get; set; }
}

public static class ImageSizes
{
    /// <summary>The largest width of each size, in pixels.</summary>
    public static int MaxWidth(this ImageSize size) => size switch
    {
        ImageSize.Thumbnail => 320,
        ImageSize.Card => 640,
        _ => 1600,
    };

    /// <summary>The address segment of each size: /tep/{id}/{segment}/{file}.</summary>
    public static string Segment(this ImageSize size) => size switch
    {
        ImageSize.Thumbnail => "nho",
        ImageSize.Card => "vua",
        _ => "lon",
    };

    public static ImageSize? FromSegment(string segment) => segment switch
    {
        "nho" => ImageSize.Thumbnail,
        "vua" => ImageSize.Card,
        "lon" => ImageSize.Full,
        _ => null,
    };
}
