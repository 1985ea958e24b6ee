namespace CchcSite.Content.Media;

/// <summary>How large an upload may be. Bound from the "Media" configuration section.</summary>
public sealed class MediaLimits
{
    public const string Section = "Media";

    /// <summary>The most any single upload request may carry; the web host refuses larger bodies before reading them.</summary>
    public const long RequestCeiling = 30 * 1024 * 1024;

    public long MaxImageBytes { get; set; } = 10 * 1024 * 1024;
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;
    /// <summary>Width × height; larger images are refused before they are decoded.</summary>
    public long MaxImagePixels { get; set; } = 50_000_000;
}
