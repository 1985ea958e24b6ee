using System.ServiceModel.Syndication;
using CchcSite.Web.Hosting;

namespace CchcSite.Web.Feeds;

/// <summary>The addresses for machines that find and follow the site: feeds, the sitemap and robots.txt.</summary>
public static class FeedEndpoints
{
    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        // Cached and tagged like the API's answers, so that a publication drops them with the lists it changes.
        var group = app.MapGroup("").CachePublicAnswers().ExcludeFromDescription();
        foreach (var format in Enum.GetValues<FeedFormat>())
        {
            var prefix = FeedScope.Site.PathOf(format);
            group.MapGet(prefix, (SiteFeeds feeds, CancellationToken ct) => FeedAsync(feeds, format, null, null, null, ct));
            group.MapGet(prefix + "/{kind}", (string kind, SiteFeeds feeds, CancellationToken ct) => FeedAsync(feeds, format, null, kind, null, ct));
            group.MapGet($"{prefix}/{FeedScope.CategorySegment}/{{category}}", (string category, SiteFeeds feeds, CancellationToken ct) =>
                FeedAsync(feeds, format, null, null, category, ct));
            group.MapGet($"{prefix}/{FeedScope.UnitSegment}/{{unit}}", (string unit, SiteFeeds feeds, CancellationToken ct) =>
                FeedAsync(feeds, format, unit, null, null, ct));
            group.MapGet($"{prefix}/{FeedScope.UnitSegment}/{{unit}}/{{kind}}", (string unit, string kind, SiteFeeds feeds, CancellationToken ct) =>
                FeedAsync(feeds, format, unit, kind, null, ct));
        }
        group.MapGet(Sitemap.Path, (Sitemap sitemap, CancellationToken ct) => sitemap.RootAsync(ct));
        group.MapGet("/sitemap/{page:int}.xml", async (int page, Sitemap sitemap, CancellationToken ct) =>
            await sitemap.PageAsync(page, ct) ?? Results.NotFound());
        group.MapGet("/robots.txt", (PublicUrls urls) => Results.Text(Robots(urls), "text/plain; charset=utf-8"));
        return app;
    }

    private static async Task<IResult> FeedAsync(SiteFeeds feeds, FeedFormat format, string? unit, string? kind, string? category, CancellationToken ct)
    {
        if (await feeds.ScopeAsync(unit, kind, category, ct) is not { } scope)
        {
            // A merged unit's feed follows it, as its pages do, so readers keep their subscription.
            return unit is not null && await feeds.SuccessorOfMergedAsync(unit, ct) is { } successor
                   && await feeds.ScopeAsync(successor, kind, category, ct) is { } moved
                ? Results.Redirect(moved.PathOf(format), permanent: true)
                : Results.NotFound();
        }
        var feed = await feeds.FeedAsync(scope, format, ct);
        SyndicationFeedFormatter formatter = format == FeedFormat.Rss ? new Rss20FeedFormatter(feed) : new Atom10FeedFormatter(feed);
        return new XmlAnswer(SiteFeeds.ContentTypeOf(format), feed, formatter.WriteTo);
    }

    /// <summary>Crawlers may read every public page; the editor area, search results and tracking lookups are not for them.</summary>
    private static string Robots(PublicUrls urls) =>
        $"""
        User-agent: *
        Disallow: /quan-tri
        Disallow: /tim-kiem
        Disallow: /tra-cuu

        Sitemap: {urls.Absolute(Sitemap.Path)}

        """;
}
