using CchcSite.Content.Site;
using Microsoft.Extensions.Options;

namespace CchcSite.Web.Site;

/// <summary>
/// The web app manifest (a phone's "add to home screen" shows the site's name and mark), the old /favicon.ico
/// address browsers and monitors still ask for, sent to the theme's SVG mark, and the site's configured mark.
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
        var site = app.ServiceProvider.GetRequiredService<IOptions<SiteOptions>>().Value;
        if (site is { MarkPath: { } markPath, MarkAddress: { } markAddress })
        {
            // The site's own mark, from its own address: a page never loads an image from another server.
            var type = SiteOptions.MarkTypes[Path.GetExtension(markPath)];
            app.MapGet(markAddress, (HttpContext http) =>
            {
                // An SVG opened on its own runs nothing and loads nothing.
                http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
                http.Response.Headers.CacheControl = "public, max-age=3600";
                return Results.File(markPath, type, enableRangeProcessing: false);
            }).ExcludeFromDescription();
        }
        return app;
    }
}
