using CchcSite.Content.Data;
using CchcSite.Content.Posts;
using CchcSite.Content.Questions;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Feeds;

/// <summary>A public address (a site path) and when what it shows last changed, in UTC; null when it shows nothing dated.</summary>
public sealed record PublicAddress(string Path, DateTime? LastModified);

/// <summary>
/// Every public address of the site, for the sitemap, in a fixed order: the pages (home, fields, tags, the Q&amp;A column,
/// each unit with its tabs and column), then each published question, then each visible post. The order never
/// depends on dates, so a slice read now and the next slice read a moment later neither skip nor repeat an address
/// unless content changed in between. Questions and posts are read a slice at a time, so a site far past the
/// sitemap's 50,000-address limit is never loaded whole.
/// </summary>
public sealed class PublicAddresses(CchcDbContext db, UnitDirectory units, TimeProvider clock)
{
    private IReadOnlyList<PublicAddress>? _pages;

    private IQueryable<Post> VisiblePosts => db.Posts.AsNoTracking().VisibleAt(clock.GetUtcNow().UtcDateTime);

    private IQueryable<Submission> Questions => db.Submissions.AsNoTracking().PublishedQuestions();

    public async Task<long> CountAsync(CancellationToken ct) =>
        (await PagesAsync(ct)).Count + (long)await Questions.CountAsync(ct) + await VisiblePosts.CountAsync(ct);

    /// <summary>The addresses from position <paramref name="skip"/> on, at most <paramref name="take"/> of them.</summary>
    public async Task<IReadOnlyList<PublicAddress>> SliceAsync(long skip, int take, CancellationToken ct)
    {
        var pages = await PagesAsync(ct);
        var slice = pages.Skip((int)Math.Min(skip, pages.Count)).Take(take).ToList();
        skip = Math.Max(0, skip - pages.Count);

        var questionCount = await Questions.CountAsync(ct);
        if (slice.Count < take && skip < questionCount)
        {
            var questions = await Questions.OrderBy(s => s.Id).Skip((int)skip).Take(take - slice.Count)
                .Select(s => new { s.Id, s.AnsweredAt, s.PublishedAt }).ToListAsync(ct);
            slice.AddRange(questions.Select(q => new PublicAddress(PublishedQuestionUrls.Of(q.Id), Latest(q.AnsweredAt, q.PublishedAt))));
        }
        skip = Math.Max(0, skip - questionCount);

        if (slice.Count < take)
        {
            var posts = await VisiblePosts.OrderBy(p => p.Id).Skip((int)skip).Take(take - slice.Count)
                .Select(p => new { UnitSlug = p.Unit.Slug, p.Kind, p.Slug, p.UpdatedAt, p.PublishAt }).ToListAsync(ct);
            slice.AddRange(posts.Select(p => new PublicAddress(PostKindSegments.PostUrl(p.UnitSlug, p.Kind, p.Slug), Latest(p.UpdatedAt, p.PublishAt))));
        }
        return slice;
    }

    /// <summary>
    /// The list pages, each dated by the newest change among the posts or questions it lists. A tab or column with
    /// nothing in it is left out: an empty list is not worth a search engine's visit.
    /// </summary>
    private async Task<IReadOnlyList<PublicAddress>> PagesAsync(CancellationToken ct)
    {
        if (_pages is not null)
            return _pages;
        // One row per unit, kind and field: a few hundred at most, however many posts there are.
        var postGroups = await VisiblePosts
            .GroupBy(p => new { p.UnitId, p.Kind, p.CategoryId })
            .Select(g => new { g.Key.UnitId, g.Key.Kind, g.Key.CategoryId, Updated = g.Max(p => p.UpdatedAt), Published = g.Max(p => p.PublishAt) })
            .ToListAsync(ct);
        var questionGroups = await Questions.GroupBy(s => s.UnitId)
            .Select(g => new { UnitId = g.Key, Answered = g.Max(s => s.AnsweredAt), Published = g.Max(s => s.PublishedAt) })
            .ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new { c.Id, c.Slug }).ToListAsync(ct);

        var posts = postGroups.Select(g => (g.UnitId, g.Kind, g.CategoryId, Changed: Latest(g.Updated, g.Published))).ToList();
        var questions = questionGroups.Select(g => (g.UnitId, Changed: Latest(g.Answered, g.Published))).ToList();

        var pages = new List<PublicAddress> { new("/", Newest(posts.Select(p => p.Changed))) };
        if (posts.Any(p => p.CategoryId is not null))
            pages.Add(new("/linh-vuc", Newest(posts.Where(p => p.CategoryId is not null).Select(p => p.Changed))));
        foreach (var category in categories)
        {
            if (Newest(posts.Where(p => p.CategoryId == category.Id).Select(p => p.Changed)) is { } changed)
                pages.Add(new($"/linh-vuc/{category.Slug}", changed));
        }
        // Each tag a visible post carries has its page (/the/{tag}): one row per tag.
        var tags = await VisiblePosts.SelectMany(p => p.Tags, (p, t) => new { t.Slug, p.UpdatedAt, p.PublishAt })
            .GroupBy(x => x.Slug).Select(g => new { Slug = g.Key, Updated = g.Max(x => x.UpdatedAt), Published = g.Max(x => x.PublishAt) })
            .ToListAsync(ct);
        pages.AddRange(tags.OrderBy(t => t.Slug, StringComparer.Ordinal)
            .Select(t => new PublicAddress(new TagRef(t.Slug, t.Slug).Url, Latest(t.Updated, t.Published))));
        if (questions.Count > 0)
            pages.Add(new(PublishedQuestionUrls.Column, Newest(questions.Select(q => q.Changed))));

        foreach (var unit in (await units.RootsAsync(ct)).SelectMany(root => root.SelfAndDescendants()))
        {
            // A unit's section and tabs list its sub-units' posts too.
            var subtree = unit.SelfAndDescendants().Select(n => n.Unit.Id).ToHashSet();
            var unitPosts = posts.Where(p => subtree.Contains(p.UnitId)).ToList();
            var unitQuestions = Newest(questions.Where(q => q.UnitId == unit.Unit.Id).Select(q => q.Changed));
            pages.Add(new($"/{unit.Unit.Slug}", Newest(unitPosts.Select(p => p.Changed).Append(unitQuestions))));
            foreach (var kind in PostKindSegments.All)
            {
                if (Newest(unitPosts.Where(p => p.Kind == kind.Kind).Select(p => p.Changed)) is { } changed)
                    pages.Add(new($"/{unit.Unit.Slug}/{kind.Segment}", changed));
            }
            if (unitQuestions is { } answered)
                pages.Add(new($"/{unit.Unit.Slug}{PublishedQuestionUrls.Column}", answered));
        }
        return _pages = pages;
    }

    /// <summary>A post's page changed when it was last saved or, scheduled after that save, when it appeared.</summary>
    private static DateTime? Latest(DateTime? a, DateTime? b) => a > b || b is null ? a : b;

    private static DateTime? Newest(IEnumerable<DateTime?> dates) => dates.Where(d => d is not null).Max();
}
