using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Units;

namespace CchcSite.Content.Site;

// The read models a theme renders, one per public page. Plain records: a theme never sees the database.

public sealed record Breadcrumb(string Name, string? Url);

public abstract record SitePage(string Title, IReadOnlyList<Breadcrumb> Breadcrumbs)
{
    public string? Description { get; init; }
}

public sealed record HomePage(
    IReadOnlyList<PostCard> News,
    IReadOnlyList<PostCard> Documents,
    IReadOnlyList<PostCard> Videos,
    IReadOnlyList<UnitNode> Units,
    IReadOnlyList<CategoryRef> Categories)
    : SitePage("Trang chủ", [])
{
    /// <summary>The lead story: the newest post marked "Tin nổi bật", else the newest news; not repeated in <see cref="News"/>.</summary>
    public PostCard? Lead { get; init; }
}

/// <summary>A unit's CCHC section: the overview when <see cref="Tab"/> is null, else one tab's paged list.</summary>
public sealed record UnitSectionPage(
    UnitNode Unit,
    IReadOnlyList<Breadcrumb> Trail,
    PostKindSegments.KindInfo? Tab,
    PagedResult<PostCard> Posts,
    IReadOnlyList<KindPreview> Overview)
    : SitePage(Tab is null ? $"Chuyên trang CCHC – {Unit.Unit.Name}" : $"{Tab.TabName} – {Unit.Unit.ShortName}", Trail)
{
    public string BaseUrl => Tab is null ? $"/{Unit.Unit.Slug}" : $"/{Unit.Unit.Slug}/{Tab.Segment}";

    /// <summary>The year and audience a tab's list is narrowed to.</summary>
    public ListForm Form { get; init; } = new();

    /// <summary>The years the tab has posts in, newest first, for its year filter.</summary>
    public IReadOnlyList<int> Years { get; init; } = [];

    /// <summary>
    /// The overview's lead story: the unit's newest post marked "Tin nổi bật", else the newest post of its first kind that
    /// has posts; not repeated in <see cref="Overview"/>.
    /// </summary>
    public PostCard? Lead { get; init; }
}

/// <summary>A unit's header and tabs; <see cref="Current"/> is the segment of the tab shown, null for the overview.</summary>
public sealed record UnitTabs(UnitNode Unit, string? Current);

public sealed record KindPreview(PostKindSegments.KindInfo Kind, IReadOnlyList<PostCard> Latest);

public sealed record PostPage(PostDetail Post, IReadOnlyList<Breadcrumb> Trail) : SitePage(Post.Card.Title, Trail)
{
    /// <summary>Shown above a post that was withdrawn: the page stays, with the unit's explanation.</summary>
    public string? WithdrawnNotice { get; init; }
}

public sealed record CategoryPage(CategoryRef Category, PagedResult<PostCard> Posts, IReadOnlyList<CategoryRef> All, IReadOnlyList<Breadcrumb> Trail)
    : SitePage($"Lĩnh vực: {Category.Name}", Trail)
{
    public string BaseUrl => $"/linh-vuc/{Category.Slug}";

    public ListForm Form { get; init; } = new();

    /// <summary>The years the field has posts in, newest first, for its year filter.</summary>
    public IReadOnlyList<int> Years { get; init; } = [];
}

/// <summary>
/// The filter form above a list at <see cref="Path"/>; <see cref="ByKind"/> when the list mixes kinds; <see cref="Years"/>
/// the years the list has posts in, newest first.
/// </summary>
public sealed record ListFilters(ListForm Form, string Path, bool ByKind, IReadOnlyList<int> Years);

/// <summary>The published posts carrying one tag: <c>/the/{slug}</c>.</summary>
public sealed record TagPage(TagRef Tag, PagedResult<PostCard> Posts, ListForm Form, IReadOnlyList<Breadcrumb> Trail)
    : SitePage($"Từ khóa: {Tag.Name}", Trail)
{
    public const string Prefix = "/the";

    public string BaseUrl => Tag.Url;

    /// <summary>The years the tag's posts were published in, newest first, for its year filter.</summary>
    public IReadOnlyList<int> Years { get; init; } = [];
}

/// <summary>A reform field on the fields' index: its description and how many published posts it has.</summary>
public sealed record CategorySummary(string Slug, string Name, string? Description, int PostCount)
{
    public string Url => $"/linh-vuc/{Slug}";
}

public sealed record CategoryIndexPage(IReadOnlyList<CategorySummary> All)
    : SitePage("Lĩnh vực cải cách hành chính", [new("Trang chủ", "/"), new("Lĩnh vực CCHC", null)]);

public sealed record ErrorPage(string Heading, string Message) : SitePage(Heading, [new("Trang chủ", "/"), new(Heading, null)]);

/// <summary>What the layout shows on every page; configured by the host.</summary>
public sealed record SiteIdentity(string Name)
{
    /// <summary>Where the site's own mark is served (<see cref="SiteOptions.MarkPath"/>); null: the theme's default mark.</summary>
    public string? MarkUrl { get; init; }
}

/// <summary>Page links for a list at <see cref="BaseUrl"/>, the page number in the "trang" query value.</summary>
public sealed record Pager(string BaseUrl, int Page, int TotalPages)
{
    public string UrlFor(int page) => page == 1 ? BaseUrl : $"{BaseUrl}{(BaseUrl.Contains('?') ? '&' : '?')}trang={page}";

    /// <summary>The first, the last and the pages near the current one; null marks a gap.</summary>
    public IEnumerable<int?> Links()
    {
        int? previous = null;
        for (var p = 1; p <= TotalPages; p++)
        {
            if (p != 1 && p != TotalPages && Math.Abs(p - Page) > 2)
                continue;
            if (previous is { } last && p - last > 1)
                yield return null;
            yield return p;
            previous = p;
        }
    }
}
