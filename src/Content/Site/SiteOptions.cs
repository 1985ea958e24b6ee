using System.ComponentModel.DataAnnotations;

namespace CchcSite.Content.Site;

/// <summary>
/// Bound from the "Site" configuration section. The content core reads the name and the folders; the web host reads
/// the theme and the public address (and checks that address when the site starts).
/// </summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    [Required(AllowEmptyStrings = false, ErrorMessage = "must name the site")]
    public string Name { get; set; } = "Cổng thông tin cải cách hành chính";
    /// <summary>The active theme: the assembly CchcSite.Themes.{Theme} under themes/.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "must name a theme built under themes/, e.g. Default")]
    public string Theme { get; set; } = "Default";
    /// <summary>Where uploaded and seeded files are stored; the web host resolves a relative path against its content root.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "must be a folder")]
    public string MediaPath { get; set; } = "App_Data/media";
    /// <summary>The seed folder used on the first start; relative as <see cref="MediaPath"/>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "must be a folder")]
    public string SeedPath { get; set; } = "../../seed";
    /// <summary>
    /// The address citizens reach the site at, e.g. https://cchc.soctrang.gov.vn: the base of every absolute link
    /// (receipt mails, the OpenAPI document) and the host name the site answers to. Never taken from a request.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// The site's mark (an emblem or logo) shown in the header: an SVG, PNG, JPEG or WebP file on this server, relative
    /// as <see cref="MediaPath"/>, served from the site's own address (<see cref="MarkAddress"/>), never linked from
    /// elsewhere. None: the theme's default mark.
    /// </summary>
    public string? MarkPath { get; set; }

    /// <summary>The file types a mark may have, by extension, with the type it is served as.</summary>
    public static readonly IReadOnlyDictionary<string, string> MarkTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".svg"] = "image/svg+xml", [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".webp"] = "image/webp",
    };

    /// <summary>The address the configured mark is served at: one word and its extension, which no unit address can be.</summary>
    public string? MarkAddress => string.IsNullOrWhiteSpace(MarkPath) ? null : "/dau-hieu" + Path.GetExtension(MarkPath).ToLowerInvariant();
}
