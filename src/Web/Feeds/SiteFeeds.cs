using System.ServiceModel.Syndication;
using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Site;
using CchcSite.Content.Units;
using CchcSite.Web.Hosting;

namespace CchcSite.Web.Feeds;

/// <summary>
/// The feeds: the newest public posts of a scope, read through <see cref="PublishedPosts"/> like every public list,
/// so a draft, a post scheduled for later or one taken down never appears in them.
/// </summary>
public sealed class SiteFeeds(PublishedPosts posts, UnitDirectory units, SitePageBuilder pages, SiteIdentity site, PublicUrls urls, TimeProvider clock)
{
    /// <summary>Enough for a reader polling daily on the busiest site; older posts are on the pages.</summary>
    public const int Size = 20;

    /// <summary>The scope the address names; null when a unit, kind or field in it does not exist.</summary>
    public async Task<FeedScope?> ScopeAsync(string? unitSlug, string? kindSegment, string? categorySlug, CancellationToken ct)
    {
        UnitRef? unit = null;
        if (unitSlug is not null && (unit = (await units.FindAsync(unitSlug, ct))?.Unit) is null)
            return null;
        PostKindSegments.KindInfo? kind = null;
        if (kindSegment is not null && (kind = PostKindSegments.FromSegment(kindSegment)) is null)
            return null;
        CategoryRef? category = null;
        if (categorySlug is not null && (category = (await pages.CategoriesAsync(ct)).FirstOrDefault(c => c.Slug == categorySlug)) is null)
            return null;
        return new FeedScope(unit, kind, category);
    }

    /// <summary>The unit that took over a merged unit, whose feed the old address now answers with.</summary>
    public Task<string?> SuccessorOfMergedAsync(string unitSlug, CancellationToken ct) => units.SuccessorOfMergedAsync(unitSlug, ct);

    public async Task<SyndicationFeed> FeedAsync(FeedScope scope, FeedFormat format, CancellationToken ct)
    {
        var filter = new PostFilter(scope.Unit?.Id, Kind: scope.Kind?.Kind, CategorySlug: scope.Category?.Slug) { Page = new PageRequest(1, Size) };
        var cards = (await posts.ListAsync(filter, ct)).Items;
        var page = new Uri(urls.Absolute(scope.PagePath));
        var updated = cards.Count > 0 ? cards.Max(c => Utc(c.PublishedAt)) : clock.GetUtcNow();
        var feed = new SyndicationFeed(scope.TitleFor(site.Name), $"Tin, bài, văn bản mới đăng trên {site.Name}.", page, page.AbsoluteUri, updated)
        {
            Language = "vi",
            Items = cards.Select(Item).ToList(),
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(urls.Absolute(scope.PathOf(format))), ContentTypeOf(format)));
        return feed;
    }

    public static string ContentTypeOf(FeedFormat format) => format == FeedFormat.Rss ? "application/rss+xml" : "application/atom+xml";

    private SyndicationItem Item(PostCard card)
    {
        var link = new Uri(urls.Absolute(card.Url));
        var published = Utc(card.PublishedAt);
        var item = new SyndicationItem(card.Title, (SyndicationContent?)null, link, link.AbsoluteUri, published) { PublishDate = published };
        if (!string.IsNullOrWhiteSpace(card.Summary))
            item.Summary = new TextSyndicationContent(card.Summary);
        // Atom requires an author for every entry; the issuing unit is the author of what it publishes.
        item.Authors.Add(new SyndicationPerson { Name = card.IssuingUnitName, Uri = urls.Absolute("/" + card.Unit.Slug) });
        item.Categories.Add(new SyndicationCategory(PostKindSegments.Of(card.Kind).SingularName));
        if (card.Category is { } category)
            item.Categories.Add(new SyndicationCategory(category.Name));
        return item;
    }

    private static DateTimeOffset Utc(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));
}
