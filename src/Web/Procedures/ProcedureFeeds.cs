using System.ServiceModel.Syndication;
using CchcSite.Content.Procedures;
using CchcSite.Content.Site;
using CchcSite.Web.Feeds;
using CchcSite.Web.Hosting;

namespace CchcSite.Web.Procedures;

/// <summary>
/// The RSS feed of the change list: one item per announcing decision, naming what it made new, amended, replaced or
/// abolished, so a subscriber learns of a decision once. Cached and tagged from the page model it shows.
/// </summary>
public static class ProcedureFeeds
{
    public static IEndpointRouteBuilder MapProcedureFeeds(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").CachePublicAnswers().ExcludeFromDescription();
        group.MapGet(ProcedureAddresses.ChangesFeedUrl(null), (PublicProcedures procedures, SiteIdentity site, PublicUrls urls, CancellationToken ct) =>
            FeedAsync(procedures, site, urls, null, ct));
        group.MapGet("/{unit:unit}/" + ProcedureAddresses.Segment + "/" + ProcedureAddresses.ChangesSegment + "/rss",
            (string unit, PublicProcedures procedures, SiteIdentity site, PublicUrls urls, CancellationToken ct) => FeedAsync(procedures, site, urls, unit, ct));
        return app;
    }

    private static async Task<IResult> FeedAsync(PublicProcedures procedures, SiteIdentity site, PublicUrls urls, string? unit, CancellationToken ct)
    {
        if (await procedures.ChangesPageAsync(unit, ct) is not { } page)
            return Results.NotFound();
        var link = new Uri(urls.Absolute(ProcedureAddresses.ChangesUrl(unit)));
        var decisions = page.Decisions.Take(20).ToList();
        var updated = decisions.Count > 0 ? decisions.Max(d => new DateTimeOffset(d.PublishedAtUtc)) : DateTimeOffset.UnixEpoch;
        var feed = new SyndicationFeed($"{page.Title} | {site.Name}",
            "Danh mục thủ tục hành chính được công bố mới, sửa đổi, bổ sung, thay thế hoặc bãi bỏ, theo quyết định công bố.", link, link.AbsoluteUri, updated)
        {
            Language = "vi",
            Items = decisions.Select(d =>
            {
                var itemLink = new Uri(link.AbsoluteUri + "#" + d.Id);
                var date = d.Date is { } day ? $" ngày {day:dd/MM/yyyy}" : "";
                var summary = string.Join("\n", d.Changes.Select(c => $"{c.Change}: {c.Procedure.Code} – {c.Procedure.Name}"));
                var published = new DateTimeOffset(d.PublishedAtUtc);
                return new SyndicationItem($"Quyết định số {d.Number}{date}", new TextSyndicationContent(summary), itemLink, itemLink.AbsoluteUri, published)
                    { PublishDate = published };
            }).ToList(),
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(urls.Absolute(page.FeedUrl)), SiteFeeds.ContentTypeOf(FeedFormat.Rss)));
        return new XmlAnswer(SiteFeeds.ContentTypeOf(FeedFormat.Rss), page, new Rss20FeedFormatter(feed).WriteTo);
    }
}
