namespace CchcSite.Web.Hosting;

public sealed class SiteOptions
{
    public const string Section = "Site";

    public string Name { get; set; } = "Cổng thông tin cải cách hành chính";
    /// <summary>The active theme: the assembly CchcSite.Themes.{Theme} under themes/.</summary>
    public string Theme { get; set; } = "Default";
    /// <summary>Relative paths are resolved against the content root.</summary>
    public string MediaPath { get; set; } = "App_Data/media";
    public string SeedPath { get; set; } = "../../seed";
    /// <summary>
    /// The address citizens reach the site at, e.g. https://cchc.soctrang.gov.vn: the base of every absolute link
    /// (receipt mails, the OpenAPI document) and the host name the site answers to. Never taken from a request.
    /// </summary>
    public string? PublicUrl { get; set; }
}
