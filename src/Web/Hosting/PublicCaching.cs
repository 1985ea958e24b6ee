using CchcSite.Content.Data;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcSite.Web.Hosting;

/// <summary>
/// Public pages and API answers are cached in memory and dropped as soon as content changes. The short
/// lifetime bounds how late a scheduled post (which appears by the clock, not by a save) can show.
/// </summary>
public static class PublicCaching
{
    public const string Pages = "public-page";
    public const string Api = "public-api";
    private const string ContentTag = "content";
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddPublicCaching(this IServiceCollection services) =>
        services.AddOutputCache(options =>
        {
            options.AddPolicy(Pages, policy => policy.Expire(Lifetime).Tag(ContentTag).SetVaryByQuery("trang", "linh-vuc"));
            options.AddPolicy(Api, policy => policy.Expire(Lifetime).Tag(ContentTag).SetVaryByQuery("*"));
        });

    /// <summary>Evicts the cached answers whenever the content change signal fires.</summary>
    public static WebApplication UsePublicCaching(this WebApplication app)
    {
        app.UseOutputCache();
        var store = app.Services.GetRequiredService<IOutputCacheStore>();
        app.Services.GetRequiredService<ContentChangeSignal>().Changed +=
            () => store.EvictByTagAsync(ContentTag, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return app;
    }
}
