using CchcSite.Content.Data;
using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Site;

/// <summary>Builds each public page's read model from the published content.</summary>
public sealed class SitePageBuilder(CchcDbContext db, UnitDirectory units, PublishedPosts posts)
{
    public const int HomeListSize = 6;
    public const int PreviewSize = 4;
    /// <summary>News under the home page's lead, and its videos: one row of four on a wide screen, two of two or four of one narrower.</summary>
    public const int HomeNewsSize = 4;

    public async Task<HomePage> HomeAsync(CancellationToken ct)
    {
        var news = new PostFilter(Kind: PostKind.Article);
        var lead = await LeadAsync(new PostFilter(), news, ct);
        return new HomePage(
            await posts.LatestAsync(news with { ExceptPostId = lead?.Id }, HomeNewsSize, ct),
            await posts.LatestAsync(new PostFilter(Kind: PostKind.Document), HomeListSize, ct),
            await posts.LatestAsync(new PostFilter(Kind: PostKind.Video), HomeNewsSize, ct),
            await units.RootsAsync(ct),
            await CategoriesAsync(ct)) { Lead = lead };
    }

    /// <summary>
    /// The lead story of a page listing <paramref name="scope"/>: its newest post marked "Tin nổi bật", else the newest
    /// post of <paramref name="fallback"/>.
    /// </summary>
    private async Task<PostCard?> LeadAsync(PostFilter scope, PostFilter fallback, CancellationToken ct) =>
        (await posts.LatestAsync(scope with { FeaturedOnly = true }, 1, ct)).FirstOrDefault()
        ?? (await posts.LatestAsync(fallback, 1, ct)).FirstOrDefault();

    public async Task<UnitSectionPage?> UnitSectionAsync(string unitSlug, PostKindSegments.KindInfo? tab, int page, ListForm form, CancellationToken ct)
    {
        var unit = await units.FindAsync(unitSlug, ct);
        if (unit is null)
            return null;
        var trail = await UnitTrailAsync(unitSlug, ct);
        if (tab is null)
        {
            // The lead: the unit's newest featured post, else the newest of its first kind that has posts; left out of the lists.
            var section = new PostFilter(unit.Unit.Id);
            var lead = (await posts.LatestAsync(section with { FeaturedOnly = true }, 1, ct)).FirstOrDefault();
            foreach (var kind in PostKindSegments.All)
                lead ??= (await posts.LatestAsync(section with { Kind = kind.Kind }, 1, ct)).FirstOrDefault();
            var overview = new List<KindPreview>();
            foreach (var kind in PostKindSegments.All)
                overview.Add(new KindPreview(kind, await posts.LatestAsync(section with { Kind = kind.Kind, ExceptPostId = lead?.Id }, PreviewSize, ct)));
            var empty = new PagedResult<PostCard>([], 1, PageRequest.DefaultSize, 0);
            return new UnitSectionPage(unit, [.. trail[..^1], new(unit.Unit.ShortName, null)], null, empty, overview) { Lead = lead };
        }
        var filter = new PostFilter(unit.Unit.Id, Kind: tab.Kind) { Page = new PageRequest(page) };
        var list = await posts.ListAsync(form.Apply(filter), ct);
        return new UnitSectionPage(unit, [.. trail, new(tab.TabName, null)], tab, list, []) { Form = form, Years = await posts.YearsAsync(filter, ct) };
    }

    public async Task<PostPage?> PostAsync(string unitSlug, PostKind kind, string slug, CancellationToken ct)
    {
        var post = await posts.FindAsync(unitSlug, slug, ct);
        return post is null || post.Card.Kind != kind ? null : await PostPageAsync(post, ct);
    }

    public async Task<PostPage> PostPageAsync(PostDetail post, CancellationToken ct)
    {
        var unitSlug = post.Card.Unit.Slug;
        var info = PostKindSegments.Of(post.Card.Kind);
        var trail = await UnitTrailAsync(unitSlug, ct);
        return new PostPage(post, [.. trail, new(info.TabName, $"/{unitSlug}/{info.Segment}"), new(post.Card.Title, null)]);
    }

    public async Task<CategoryPage?> CategoryAsync(string slug, int page, ListForm form, CancellationToken ct)
    {
        var all = await CategoriesAsync(ct);
        var category = all.FirstOrDefault(c => c.Slug == slug);
        if (category is null)
            return null;
        var filter = new PostFilter(CategorySlug: slug) { Page = new PageRequest(page) };
        var list = await posts.ListAsync(form.Apply(filter), ct);
        var description = await db.Categories.Where(c => c.Slug == slug).Select(c => c.Description).SingleAsync(ct);
        return new CategoryPage(category, list, all, [new("Trang chủ", "/"), new("Lĩnh vực CCHC", "/linh-vuc"), new(category.Name, null)])
        {
            Form = form, Years = await posts.YearsAsync(filter, ct), Description = description,
        };
    }

    /// <summary>The posts carrying the tag; null when no published post carries it.</summary>
    public async Task<TagPage?> TagAsync(string slug, int page, ListForm form, CancellationToken ct)
    {
        if (await posts.FindTagAsync(slug, ct) is not { } tag)
            return null;
        var filter = new PostFilter { TagSlug = slug, Page = new PageRequest(page) };
        var list = await posts.ListAsync(form.Apply(filter), ct);
        return new TagPage(tag, list, form, [new("Trang chủ", "/"), new($"Từ khóa: {tag.Name}", null)]) { Years = await posts.YearsAsync(filter, ct) };
    }

    public async Task<CategoryIndexPage> CategoryIndexAsync(CancellationToken ct) => new(await CategorySummariesAsync(ct));

    /// <summary>Every reform field in its order, with its description and its count of published posts (site, API).</summary>
    public async Task<IReadOnlyList<CategorySummary>> CategorySummariesAsync(CancellationToken ct)
    {
        var counts = await posts.CountsByCategoryAsync(ct);
        var fields = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new { c.Slug, c.Name, c.Description }).ToListAsync(ct);
        return fields.Select(c => new CategorySummary(c.Slug, c.Name, c.Description, counts.GetValueOrDefault(c.Slug))).ToList();
    }


    public async Task<IReadOnlyList<CategoryRef>> CategoriesAsync(CancellationToken ct) =>
        await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new CategoryRef(c.Slug, c.Name)).ToListAsync(ct);

    /// <summary>Home, then each unit from the root down to this one, all linked.</summary>
    public async Task<List<Breadcrumb>> UnitTrailAsync(string unitSlug, CancellationToken ct) =>
    [
        new("Trang chủ", "/"),
        .. (await units.AncestryAsync(unitSlug, ct)).Select(u => new Breadcrumb(u.ShortName, $"/{u.Slug}")),
    ];
}
