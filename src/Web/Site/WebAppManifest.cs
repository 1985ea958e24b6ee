using CchcSite.Content.Site;

namespace CchcSite.Web.Site;

/// <summary>
/// The web app manifest (a phone's "add to home screen" shows the site's name and mark) and the old /favicon.ico
/// address browsers and monitors still ask for, sent to the theme's SVG mark.
/// </summary>
public static class WebAppManifest
{
    public const string IconPath = "/_content/CchcSite.Themes.Default/favicon.svg";

    public static IEndpointRouteBuilder MapWebAppManifest(this IEndpointRouteBuilder app)
    {
        app.MapGet("/manifest.webmanifest", (SiteIdentity site) => Results.Json(new
        {
            name = site.Name,
            short_name = "CCHC",
            lang = "vi",
            start_url = "/",
            display = "browser",
            background_color = "#f3f4f6",
            theme_color = "#a5161d",
            icons = new[] { new { src = IconPath, sizes = "any", type = "image/svg+xml" } },
        }, contentType: "application/manifest+json")).ExcludeFromDescription();
        app.MapGet("/favicon.ico", () => Results.Redirect(IconPath, permanent: true)).ExcludeFromDescription();
        return app;
    }
}
