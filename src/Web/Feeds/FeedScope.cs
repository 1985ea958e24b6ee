using CchcSite.Content.Feeds;
using CchcSite.Content.Posts;
using CchcSite.Content.Units;
using CchcSite.Web.Hosting;

namespace CchcSite.Web.Feeds;

/// <summary>The two formats every feed is offered in, each under its own first path segment.</summary>
public enum FeedFormat
{
    Rss,
    Atom,
}

/// <summary>
/// What a feed holds: the whole site, one kind, one reform field, one unit's section (with its sub-units, as the page
/// shows it) or one tab of that section. Addresses: <c>/rss</c>, <c>/rss/van-ban</c>, <c>/rss/linh-vuc/{field}</c>,
/// <c>/rss/don-vi/{unit}</c>, <c>/rss/don-vi/{unit}/van-ban</c>, and the same under <c>/atom</c>. All under words
/// no unit may take, so a feed address never shadows a unit's page or a post.
/// </summary>
public sealed record FeedScope(UnitRef? Unit = null, PostKindSegments.KindInfo? Kind = null, CategoryRef? Category = null)
{
    public const string RssPrefix = "/rss";
    public const string AtomPrefix = "/atom";
    public const string UnitSegment = "don-vi";
    public const string CategorySegment = "linh-vuc";

    public static readonly FeedScope Site = new();

    public string PathOf(FeedFormat format) => (format == FeedFormat.Rss ? RssPrefix : AtomPrefix) + Suffix;

    private string Suffix => (Unit, Kind, Category) switch
    {
        ({ } unit, { } kind, _) => $"/{UnitSegment}/{unit.Slug}/{kind.Segment}",
        ({ } unit, null, _) => $"/{UnitSegment}/{unit.Slug}",
        (null, _, { } category) => $"/{CategorySegment}/{category.Slug}",
        (null, { } kind, null) => $"/{kind.Segment}",
        _ => "",
    };

    /// <summary>The page that lists the same posts; a kind of every unit has none, so it is the home page.</summary>
    public string PagePath => (Unit, Kind, Category) switch
    {
        ({ } unit, { } kind, _) => $"/{unit.Slug}/{kind.Segment}",
        ({ } unit, null, _) => $"/{unit.Slug}",
        (null, _, { } category) => $"/linh-vuc/{category.Slug}",
        _ => "/",
    };

    /// <summary>The feed's title in Vietnamese, as a feed reader lists it.</summary>
    public string TitleFor(string siteName) => (Unit, Kind, Category) switch
    {
        ({ } unit, { } kind, _) => $"{kind.TabName} – {unit.Name}",
        ({ } unit, null, _) => $"Chuyên trang CCHC – {unit.Name}",
        (null, _, { } category) => $"Lĩnh vực {category.Name} – {siteName}",
        (null, { } kind, null) => $"{kind.TabName} – {siteName}",
        _ => $"Tin mới – {siteName}",
    };

    public FeedLink LinkFor(string siteName, PublicUrls urls) =>
        new(TitleFor(siteName), urls.Absolute(PathOf(FeedFormat.Rss)), urls.Absolute(PathOf(FeedFormat.Atom)));
}
