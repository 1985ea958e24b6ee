using System.Linq.Expressions;
using CchcSite.Content.Data;
using CchcSite.Content.Media;
using CchcSite.Content.Paging;
using CchcSite.Content.Rendering;
using CchcSite.Content.Text;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Posts;

/// <summary>
/// Every read of public content goes through here, so the visibility rule is applied in one place
/// for the site, the API and the feeds.
/// </summary>
public sealed class PublishedPosts(CchcDbContext db, UnitDirectory units, MarkdownRenderer markdown, TimeProvider clock)
{
    private static readonly Expression<Func<Post, PostCard>> ToCard = p => new PostCard(
        p.Id, p.Kind, p.Slug, p.Title, p.Summary, p.PublishAt ?? p.UpdatedAt,
        new UnitRef(p.Unit.Id, p.Unit.Slug, p.Unit.Name, p.Unit.ShortName, p.Unit.Kind),
        p.Category == null ? null : new CategoryRef(p.Category.Slug, p.Category.Name),
        p.CoverImage == null ? null : new ImageRef(MediaUrls.Prefix + "/" + p.CoverImage.Id + "/" + p.CoverImage.FileName, p.CoverImage.AltText ?? "",
            p.CoverImage.Width, p.CoverImage.Height,
            p.CoverImage.Variants.Select(v => new ImageSource(MediaUrls.For(v.MediaAssetId, v.Size, v.FileName), v.ContentType, v.Width, v.Height)).ToList()),
        p.Document == null ? null : p.Document.Number,
        p.Document == null ? null : p.Document.Type,
        p.Document == null ? null : p.Document.IssuedOn,
        p.IssuingUnitName);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<Post> Visible => db.Posts.AsNoTracking().VisibleAt(Now);

    public async Task<PagedResult<PostCard>> ListAsync(PostFilter filter, CancellationToken ct)
    {
        var query = Visible;
        if (filter.UnitId is { } unitId)
        {
            var unit = await units.FindAsync(unitId, ct);
            var ids = unit is null ? [unitId]
                : filter.IncludeSubUnits ? unit.SelfAndDescendants().Select(n => n.Unit.Id).ToList()
                : [unitId];
            query = query.Where(p => ids.Contains(p.UnitId));
        }
        if (filter.Kind is { } kind)
            query = query.Where(p => p.Kind == kind);
        if (filter.CategorySlug is { } category)
            query = query.Where(p => p.Category != null && p.Category.Slug == category);
        if (filter.From is { } from)
        {
            var start = VietnamTime.StartOfDayUtc(from);
            query = query.Where(p => p.PublishAt >= start);
        }
        if (filter.To is { } to)
        {
            var end = VietnamTime.StartOfDayUtc(to.AddDays(1));
            query = query.Where(p => p.PublishAt < end);
        }
        return await query.OrderByDescending(p => p.PublishAt).ThenByDescending(p => p.Id)
            .Select(ToCard).ToPageAsync(filter.Page, ct);
    }

    /// <summary>The cards of the visible posts among <paramref name="ids"/>, in the order given (search results come ranked).</summary>
    public async Task<IReadOnlyList<PostCard>> CardsAsync(IReadOnlyList<int> ids, CancellationToken ct)
    {
        var cards = await Visible.Where(p => ids.Contains(p.Id)).Select(ToCard).ToDictionaryAsync(c => c.Id, ct);
        return ids.Where(cards.ContainsKey).Select(id => cards[id]).ToList();
    }

    public Task<PostDetail?> FindAsync(string unitSlug, string slug, CancellationToken ct) =>
        DetailAsync(Visible.Where(p => p.Unit.Slug == unitSlug && p.Slug == slug), ct);

    public Task<PostDetail?> FindAsync(int id, CancellationToken ct) => DetailAsync(Visible.Where(p => p.Id == id), ct);

    /// <summary>A post in any state, exactly as its public page would show it. Only for the editor area, after an authorization check.</summary>
    public Task<PostDetail?> PreviewAsync(int id, CancellationToken ct) => DetailAsync(db.Posts.AsNoTracking().Where(p => p.Id == id), ct);

    /// <summary>
    /// What an address answers when no live post has it: a post taken down with a reason, or an old slug of a
    /// live post. Null when the address never was a post's.
    /// </summary>
    public async Task<RetiredAnswer?> FindRetiredAsync(string unitSlug, string slug, CancellationToken ct)
    {
        var retired = await db.Posts.AsNoTracking()
            .Where(p => p.Unit.Slug == unitSlug && p.Slug == slug && p.Retirement != null
                        && (p.Status == PostStatus.Unpublished || p.Status == PostStatus.Archived))
            .Select(p => new { p.Id, p.Retirement, p.ReplacedByPostId, p.ReviewNote })
            .FirstOrDefaultAsync(ct);
        if (retired is not null)
        {
            return retired.Retirement switch
            {
                RetirementReason.Replaced when await UrlOfVisibleAsync(retired.ReplacedByPostId, ct) is { } url => new RetiredAnswer.MovedTo(url),
                RetirementReason.Withdrawn => new RetiredAnswer.WithdrawnNotice((await PreviewAsync(retired.Id, ct))!, retired.ReviewNote ?? ""),
                _ => new RetiredAnswer.Gone(),
            };
        }
        var renamed = await db.Set<PostSlugHistory>().AsNoTracking()
            .Where(h => h.Slug == slug && db.Units.Any(u => u.Id == h.UnitId && u.Slug == unitSlug))
            .OrderByDescending(h => h.Id).Select(h => (int?)h.PostId).FirstOrDefaultAsync(ct);
        return await UrlOfVisibleAsync(renamed, ct) is { } current ? new RetiredAnswer.MovedTo(current) : null;
    }

    private async Task<string?> UrlOfVisibleAsync(int? postId, CancellationToken ct)
    {
        if (postId is null)
            return null;
        var post = await Visible.Where(p => p.Id == postId).Select(p => new { UnitSlug = p.Unit.Slug, p.Kind, p.Slug }).FirstOrDefaultAsync(ct);
        return post is null ? null : PostKindSegments.PostUrl(post.UnitSlug, post.Kind, post.Slug);
    }

    /// <summary>True when a visible post uses the asset, so that files of drafts are never served.</summary>
    public Task<bool> IsMediaPublicAsync(int assetId, CancellationToken ct)
    {
        // An image inserted into the body (the editor's image dialog writes ![alt](/tep/{id}/{file})) is used by the post too.
        var inBody = $"{MediaUrls.Prefix}/{assetId}/";
        return Visible.AnyAsync(p => p.CoverImageId == assetId || p.BodyMarkdown.Contains(inBody)
                              || p.Attachments.Any(a => a.MediaAssetId == assetId)
                              || (p.Video != null && (p.Video.FileId == assetId || p.Video.PosterId == assetId || p.Video.CaptionsId == assetId)), ct);
    }

    private async Task<PostDetail?> DetailAsync(IQueryable<Post> query, CancellationToken ct)
    {
        var post = await query
            .Include(p => p.Unit).Include(p => p.Category).Include(p => p.CoverImage).Include(p => p.Tags)
            .Include(p => p.Attachments).ThenInclude(a => a.MediaAsset)
            .Include(p => p.Video!.File).Include(p => p.Video!.Poster).Include(p => p.Video!.Captions)
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct);
        if (post is null)
            return null;

        var card = await db.Posts.AsNoTracking().Where(p => p.Id == post.Id).Select(ToCard).SingleAsync(ct);
        return new PostDetail(
            card,
            markdown.ToHtml(post.BodyMarkdown),
            post.Audience,
            post.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
            post.UpdatedAt,
            post.Document is null ? null : await DocumentViewAsync(post, ct),
            post.Video is null ? null : new VideoView(
                post.Video.File is null ? null : MediaUrls.For(post.Video.File),
                post.Video.File?.ContentType,
                post.Video.ExternalUrl,
                post.Video.Poster is null ? null : MediaUrls.For(post.Video.Poster),
                post.Video.Captions is null ? null : MediaUrls.For(post.Video.Captions),
                post.Video.DurationSeconds),
            post.Attachments.OrderBy(a => a.SortOrder).Select(a => new FileRef(
                a.Title, MediaUrls.For(a.MediaAsset), a.MediaAsset.FileName, a.MediaAsset.ContentType, a.MediaAsset.Length)).ToList());
    }

    private async Task<DocumentView> DocumentViewAsync(Post post, CancellationToken ct)
    {
        var visible = Visible;
        var outgoing = await db.DocumentRelations.AsNoTracking().Where(r => r.FromPostId == post.Id)
            .Join(visible, r => r.ToPostId, p => p.Id, (r, p) => new RelationRow(r.Kind, true, p.Title, p.Document!.Number, p.Unit.Slug, p.Kind, p.Slug))
            .ToListAsync(ct);
        var incoming = await db.DocumentRelations.AsNoTracking().Where(r => r.ToPostId == post.Id)
            .Join(visible, r => r.FromPostId, p => p.Id, (r, p) => new RelationRow(r.Kind, false, p.Title, p.Document!.Number, p.Unit.Slug, p.Kind, p.Slug))
            .ToListAsync(ct);
        var related = outgoing.Concat(incoming).Select(r => new RelatedDocument(
            r.Forward ? r.Relation.Vietnamese().Forward : r.Relation.Vietnamese().Backward,
            r.Title, r.Number, PostKindSegments.PostUrl(r.UnitSlug, r.Kind, r.Slug))).ToList();
        return new DocumentView(post.Document!, related);
    }

    private sealed record RelationRow(DocumentRelationKind Relation, bool Forward, string Title, string? Number, string UnitSlug, PostKind Kind, string Slug);
}
