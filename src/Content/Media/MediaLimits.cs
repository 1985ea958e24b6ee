using System.ComponentModel.DataAnnotations;

namespace CchcSite.Content.Media;

/// <summary>How large an upload may be. Bound from the "Media" configuration section.</summary>
public sealed class MediaLimits
{
    public const string Section = "Media";

    /// <summary>The most any single upload request may carry; the web host refuses larger bodies before reading them.</summary>
    public const long RequestCeiling = 30 * 1024 * 1024;

    /// <summary>Bytes of one image; above <see cref="RequestCeiling"/> no upload could reach it.</summary>
    [Range(1, RequestCeiling, ErrorMessage = "must be a number of bytes from {1} to {2}")]
    public long MaxImageBytes { get; set; } = 10 * 1024 * 1024;
    [Range(1, RequestCeiling, ErrorMessage = "must be a number of bytes from {1} to {2}")]
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;
    /// <summary>
    /// Bytes of one video (an MP4, MOV or WebM recorded on a phone). A video comes in parts of at most
    /// <see cref="RequestCeiling"/> each (<see cref="VideoUploads"/>), so this may be far larger than one request.
    /// </summary>
    [Range(1, long.MaxValue, ErrorMessage = "must be a positive number of bytes")]
    public long MaxVideoBytes { get; set; } = 500L * 1024 * 1024;
    /// <summary>Bytes of one WebVTT caption file: a two-hour film's captions take about 150 KB.</summary>
    [Range(1, RequestCeiling, ErrorMessage = "must be a number of bytes from {1} to {2}")]
    public long MaxCaptionBytes { get; set; } = 512 * 1024;
    /// <summary>Width × height; larger images are refused before they are decoded.</summary>
    [Range(1, long.MaxValue, ErrorMessage = "must be a positive number of pixels")]
    public long MaxImagePixels { get; set; } = 50_000_000;
}
