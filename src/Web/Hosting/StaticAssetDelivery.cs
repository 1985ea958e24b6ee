namespace CchcSite.Web.Hosting;

/// <summary>
/// Theme CSS and scripts come from the theme's Razor class library: from its folder when the site runs from a build
/// (<c>dotnet run</c>, <c>bin/</c>), from <c>wwwroot/_content</c> when it runs from a publish. Either way they are
/// served by MapStaticAssets from the build's manifest: fingerprinted addresses, <c>immutable</c> for a year, ETags
/// and precompressed files.
/// </summary>
public static class StaticAssetDelivery
{
    /// <summary>The setting by which MapStaticAssets re-reads and re-hashes every file on every request.</summary>
    private const string ReloadAtRuntime = "ReloadStaticAssetsAtRuntime";

    public static WebApplicationBuilder UseThemeStaticAssets(this WebApplicationBuilder builder)
    {
        // Without it the library's files are found only in a publish output; with no runtime manifest (a publish) it does nothing.
        builder.WebHost.UseStaticWebAssets();
        // MapStaticAssets turns its development handler on for any build-output manifest, whatever the environment:
        // it then checks each file's size and time on every request, re-hashes and re-"compresses" (stored, larger)
        // a file whose time is off by a fraction of a second, answers no-cache and never a 304 — and, for the Brotli
        // endpoint, sends that gzip body labelled `br`, which a browser cannot decode (the site then shows unstyled).
        // So the manifest is served as built in every environment, Development included; a theme author who wants
        // edits picked up without a restart sets ReloadStaticAssetsAtRuntime=true (and Accept-Encoding is then best gzip).
        if (builder.Configuration[ReloadAtRuntime] is null)
            builder.Configuration[ReloadAtRuntime] = "false";
        return builder;
    }
}
