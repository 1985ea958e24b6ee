using System.Linq.Expressions;
using CchcSite.Content.Data;
using CchcSite.Content.Media;
using CchcSite.Content.Paging;
using CchcSite.Content.Proposals;
using CchcSite.Content.Rendering;
using CchcSite.Content.Text;
using CchcSite.Content.Units;
using CchcSite.Content.Videos;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Posts;

/// <summary>
/// Every read of public content goes through here, so the visibility rule is applied in one place
/// for the site, the API and the feeds.
/// </summary>
public sealed class PublishedPosts(CchcDbContext db, UnitDirectory units, MarkdownRenderer markdown, VideoPlayback playback, VideoEmbeds embeds,
    PostCardCache cardCache, TimeProvider clock)
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
        p.IssuingUnitName,
        p.Audience,
        p.Video == null ? null : new VideoCard(
            p.Video.Poster == null ? null : MediaUrls.For(p.Video.Poster.Id, p.Video.Poster.FileName), p.Video.DurationSeconds, p.Video.FileId))
    {
        Featured = p.Featured,
    };

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private readonly Dictionary<int, IReadOnlyList<int>> acceptedInto = [];

    private IQueryable<Post> Visible => db.Posts.AsNoTracking().VisibleAt(Now);

    public async Task<PagedResult<PostCard>> ListAsync(PostFilter filter, CancellationToken ct)
    {
        var page = await Newest(await FilteredAsync(filter, ct)).ToPageAsync(filter.Page, ct);
        return page with { Items = await CompletedAsync(page.Items, filter, ct) };
    }

    /// <summary>The newest <paramref name="count"/> posts of the list, without counting the list: a page's preview or lead.</summary>
    public async Task<IReadOnlyList<PostCard>> LatestAsync(PostFilter filter, int count, CancellationToken ct) =>
        await CompletedAsync(await Newest(await FilteredAsync(filter, ct)).Take(count).ToListAsync(ct), filter, ct);

    private static IQueryable<PostCard> Newest(IQueryable<Post> query) =>
        query.OrderByDescending(p => p.PublishAt).ThenByDescending(p => p.Id).Select(ToCard);

    private async Task<IReadOnlyList<PostCard>> CompletedAsync(IReadOnlyList<PostCard> cards, PostFilter filter, CancellationToken ct)
    {
        cards = await playback.CompleteCardsAsync(cards, ct);
        return filter.UnitId is { } section ? await AsListedInAsync(cards, section, ct) : cards;
    }

    /// <summary>
    /// The Vietnamese calendar years in which the list of <paramref name="filter"/> (its dates and audience left out) has
    /// posts, newest first: what a list's year filter offers, so that no choice leads to an empty page.
    /// </summary>
    public async Task<IReadOnlyList<int>> YearsAsync(PostFilter filter, CancellationToken ct)
    {
        var query = await FilteredAsync(filter with { From = null, To = null, Audience = null }, ct);
        var hours = VietnamTime.Offset.TotalHours;
        return await query.Where(p => p.PublishAt != null).Select(p => p.PublishAt!.Value.AddHours(hours).Year)
            .Distinct().OrderByDescending(year => year).ToListAsync(ct);
    }

    /// <summary>How many visible posts each reform field has, by the field's slug (fields without any are absent).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountsByCategoryAsync(CancellationToken ct) =>
        await Visible.Where(p => p.Category != null).GroupBy(p => p.Category!.Slug)
            .Select(g => new { Slug = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Slug, x => x.Count, ct);

    private async Task<IQueryable<Post>> FilteredAsync(PostFilter filter, CancellationToken ct)
    {
        var query = Visible;
        if (filter.UnitId is { } unitId)
        {
            // A section lists its own posts, its sub-units' when it takes them automatically, and those its board accepted.
            // Most sections have accepted none: then the list is "these units' posts", which the index on (unit, kind,
            // status, time) answers by reading only the page's rows. With the accepted posts OR-ed in as a subquery,
            // SQLite walked every published post by date instead: 260 ms per list for a quiet unit at 20,000 posts.
            var unit = await units.FindAsync(unitId, ct);
            var ids = unit is null || !filter.IncludeSubUnits ? [unitId] : unit.SectionUnitIds();
            var accepted = filter.IncludeSubUnits ? await AcceptedIntoAsync(unitId, ct) : [];
            query = accepted.Count == 0
                ? query.Where(p => ids.Contains(p.UnitId))
                : query.Where(p => ids.Contains(p.UnitId) || accepted.Contains(p.Id));
        }
        if (filter.Kind is { } kind)
            query = query.Where(p => p.Kind == kind);
        if (filter.CategorySlug is { } category)
            query = query.Where(p => p.Category != null && p.Category.Slug == category);
        if (filter.TagSlug is { } tag)
            query = query.Where(p => p.Tags.Any(t => t.Slug == tag));
        if (filter.Audience is { } audience)
            query = query.Where(p => p.Audience == audience || p.Audience == Audience.All);
        if (filter.FeaturedOnly)
            query = query.Where(p => p.Featured);
        if (filter.ExceptPostId is { } except)
            query = query.Where(p => p.Id != except);
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
        return query;
    }

    /// <summary>The posts the board of <paramref name="unitId"/> accepted into its section, read once per request (a unit's
    /// page lists several kinds).</summary>
    private async Task<IReadOnlyList<int>> AcceptedIntoAsync(int unitId, CancellationToken ct)
    {
        if (!acceptedInto.TryGetValue(unitId, out var accepted))
        {
            accepted = await db.PostProposals.AsNoTracking().Where(x => x.TargetUnitId == unitId && x.State == ProposalState.Accepted)
                .Select(x => x.PostId).ToListAsync(ct);
            acceptedInto[unitId] = accepted;
        }
        return accepted;
    }

    /// <summary>
    /// The cards as the section of <paramref name="unitId"/> shows them: a sub-unit's post named as from its unit, with the
    /// title and summary the section's board gave it on accepting it, when it gave them. Also for a search filtered on the unit.
    /// </summary>
    public async Task<IReadOnlyList<PostCard>> AsListedInAsync(IReadOnlyList<PostCard> cards, int unitId, CancellationToken ct)
    {
        var others = cards.Where(c => c.Unit.Id != unitId).Select(c => c.Id).ToList();
        if (others.Count == 0)
            return cards;
        var chosen = await db.PostProposals.AsNoTracking()
            .Where(x => x.TargetUnitId == unitId && x.State == ProposalState.Accepted && others.Contains(x.PostId))
            .Select(x => new { x.PostId, x.Title, x.Summary }).ToDictionaryAsync(x => x.PostId, ct);
        return cards.Select(c => c.Unit.Id == unitId ? c
            : chosen.GetValueOrDefault(c.Id) is { } board
                ? c with { Title = board.Title ?? c.Title, Summary = board.Summary ?? c.Summary, FromSubUnit = true }
                : c with { FromSubUnit = true }).ToList();
    }

    /// <summary>The tag with this slug, when a visible post carries it (a tag only drafts carry is not public).</summary>
    public Task<TagRef?> FindTagAsync(string slug, CancellationToken ct) =>
        Visible.SelectMany(p => p.Tags).Where(t => t.Slug == slug).Select(t => new TagRef(t.Slug, t.Name)).FirstOrDefaultAsync(ct);

    /// <summary>The cards of the visible posts among <paramref name="ids"/>, in the order given (search results come ranked).</summary>
    public async Task<IReadOnlyList<PostCard>> CardsAsync(IReadOnlyList<int> ids, CancellationToken ct)
    {
        var kept = cardCache.Current;
        var missing = ids.Where(id => !kept.Cards.ContainsKey(id)).Distinct().ToArray();
        var read = missing.Length == 0 ? [] : await CardsOf(db, missing).ToListAsync(ct);
        cardCache.Offer(kept, read);
        var found = read.ToDictionary(c => c.Card.Id);
        var now = Now;
        var visible = ids.Select(id => found.GetValueOrDefault(id) ?? kept.Cards.GetValueOrDefault(id))
            .Where(c => c is not null && c.IsVisibleAt(now)).Select(c => c!.Card).ToList();
        return await playback.CompleteCardsAsync(visible, ct);
    }

    // Compiled once, as the post page's queries: every search reads its page of cards here, those not kept (PostCardCache).
    private static readonly Expression<Func<Post, CachedCard>> ToCachedCard = WithVisibility(ToCard);

    private static readonly Func<CchcDbContext, int[], IAsyncEnumerable<CachedCard>> CardsOf =
        EF.CompileAsyncQuery((CchcDbContext db, int[] ids) => db.Posts.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(ToCachedCard));

    /// <summary>The card with the values <see cref="PostVisibility"/>'s rule reads, so a kept card is shown only while visible.</summary>
    private static Expression<Func<Post, CachedCard>> WithVisibility(Expression<Func<Post, PostCard>> card)
    {
        var post = card.Parameters[0];
        return Expression.Lambda<Func<Post, CachedCard>>(
            Expression.New(typeof(CachedCard).GetConstructors().Single(), card.Body, Expression.Property(post, nameof(Post.Status)),
                Expression.Property(post, nameof(Post.PublishAt)), Expression.Property(post, nameof(Post.UnpublishAt))),
            post);
    }

    /// <summary>A post's public page: the one read every uncached page view makes, so its queries are compiled (see <see cref="DetailBySlug"/>).</summary>
    public async Task<PostDetail?> FindAsync(string unitSlug, string slug, CancellationToken ct) =>
        await DetailAsync(await DetailBySlug(db, unitSlug, slug, Now, ct), ct);

    public async Task<PostDetail?> FindAsync(int id, CancellationToken ct) =>
        await DetailAsync(await DetailById(db, id, Now, ct), ct);

    /// <summary>A post in any state, exactly as its public page would show it. Only for the editor area, after an authorization check.</summary>
    public async Task<PostDetail?> PreviewAsync(int id, CancellationToken ct) =>
        await DetailAsync(await DetailInAnyState(db, id, ct), ct);

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
    public async Task<bool> IsMediaPublicAsync(int assetId, CancellationToken ct)
    {
        // An image inserted into the body (the editor's image dialog writes ![alt](/tep/{id}/{file})) is used by the post too.
        var inBody = $"{MediaUrls.Prefix}/{assetId}/";
        return await Visible.AnyAsync(p => p.CoverImageId == assetId || p.BodyMarkdown.Contains(inBody)
                              || p.Attachments.Any(a => a.MediaAssetId == assetId)
                              || (p.Video != null && (p.Video.FileId == assetId || p.Video.PosterId == assetId || p.Video.CaptionsId == assetId)), ct)
            // The poster the transcoding made and the captions attached to the video show with it, not named by the post.
            || await db.Set<VideoTranscode>().AnyAsync(j => j.PosterId == assetId
                && Visible.Any(p => p.Video != null && p.Video.FileId == j.MediaAssetId), ct)
            || await db.Set<VideoCaption>().AnyAsync(c => c.MediaAssetId == assetId
                && Visible.Any(p => p.Video != null && p.Video.FileId == c.VideoId), ct);
    }

    /// <summary>
    /// Everything a post's page shows, no-tracking: its card, stored body, document fields, video and whether it has
    /// attachments in one query, then its tags and (when it has any) its attachments by the post's id (the documents it is
    /// linked to, for a document, in one more). Joined into the
    /// one query, the two lists made SQLite read every post's tags and attachments into a temporary table on each page
    /// view (a LEFT JOIN to a joined subquery cannot use their indexes): 0.5 ms at 73 posts, 49 ms at 20,000.
    /// </summary>
    private async Task<PostDetail?> DetailAsync(DetailRow? row, CancellationToken ct)
    {
        if (row is null)
            return null;
        var id = row.Card.Id;
        var card = row.Card;
        List<TagRef> tags;
        if (row.CoverImageId is { } coverId && card.Cover is { } cover)
        {
            var lists = await TagsAndCoverSourcesOf(db, id, coverId).ToListAsync(ct);
            tags = lists.Where(r => r.IsTag).Select(r => new TagRef(r.Text, r.Detail)).ToList();
            // In the order the cover's index gives (size, then format), as the card's own query read them.
            var sources = lists.Where(r => !r.IsTag).OrderBy(r => r.Size).ThenBy(r => r.Detail, StringComparer.Ordinal)
                .Select(r => new ImageSource(MediaUrls.For(coverId, r.Size, r.Text), r.Detail, r.Width, r.Height)).ToList();
            card = card with { Cover = cover with { Sources = sources } };
        }
        else
            tags = await TagsOf(db, id).ToListAsync(ct);
        // Most posts have no attachments (65 of the seed's 70): the post's query says so and their statement is not sent.
        IReadOnlyList<FileRef> attachments = row.HasAttachments ? await AttachmentsOf(db, id).ToListAsync(ct) : [];
        return new PostDetail(
            card,
            row.BodyIsHtml ? row.Body : markdown.ToHtml(row.Body),
            row.Audience,
            tags.OrderBy(t => t.Name).ToList(),
            row.UpdatedAt,
            row.Document is null ? null : await DocumentViewAsync(row.Card.Id, row.Document, ct),
            row.Video is { } video && row.VideoFileId is { } fileId ? await playback.CompleteAsync(video, fileId, row.VideoCaptionsUrl, ct)
                : row.Video is { } external ? external with { Embed = embeds.For(external.ExternalUrl) } : null,
            attachments);
    }

    /// <summary>The body stored at save time, or the Markdown when an older renderer made it (rendered on read until refreshed).</summary>
    // The card's cover comes without its variants: a collection in the post's query made EF Core wrap the query in a subquery
    // joined to the variants and ordered by eight keys, which cost SQLite more than a third of the statement's preparing
    // (about 65 of 175 µs, docs/perf.md). They are read with the tags instead (TagsAndCoverSourcesOf).
    private static readonly Expression<Func<Post, DetailRow>> ToDetailRow = CoverSourcesLeftOut.From(CardInliner.Inline<DetailRow>(p => new DetailRow(
        CardInliner.Card(p),
        p.BodyHtmlVersion == MarkdownRenderer.Version && p.BodyHtml != null ? p.BodyHtml : p.BodyMarkdown,
        p.BodyHtmlVersion == MarkdownRenderer.Version && p.BodyHtml != null,
        p.Audience,
        p.UpdatedAt,
        p.Document,
        p.Video == null ? null : new VideoView(
            p.Video.File == null ? null : MediaUrls.For(p.Video.File.Id, p.Video.File.FileName),
            p.Video.File == null ? null : p.Video.File.ContentType,
            p.Video.ExternalUrl,
            p.Video.Poster == null ? null : MediaUrls.For(p.Video.Poster.Id, p.Video.Poster.FileName),
            p.Video.DurationSeconds),
        p.Video == null ? null : p.Video.FileId,
        p.Video == null || p.Video.Captions == null ? null : MediaUrls.For(p.Video.Captions.Id, p.Video.Captions.FileName),
        p.Attachments.Any(),
        p.CoverImageId)));

    // Compiled once: each uncached page view skips EF Core's translation pipeline (the expression funcletizer and the
    // query cache lookup were 9 % of the page's CPU); the reads by id (the API, the editor's preview) likewise. The
    // visibility rule is placed in by PostVisibility.Inline.
    private static readonly Func<CchcDbContext, string, string, DateTime, CancellationToken, Task<DetailRow?>> DetailBySlug =
        EF.CompileAsyncQuery(PostVisibility.Inline<Func<CchcDbContext, string, string, DateTime, CancellationToken, DetailRow?>>(
            (db, unitSlug, slug, now, ct) => db.Posts.AsNoTracking().VisibleAt(now)
                .Where(p => p.Unit.Slug == unitSlug && p.Slug == slug).Select(ToDetailRow).FirstOrDefault()));

    private static readonly Func<CchcDbContext, int, DateTime, CancellationToken, Task<DetailRow?>> DetailById =
        EF.CompileAsyncQuery(PostVisibility.Inline<Func<CchcDbContext, int, DateTime, CancellationToken, DetailRow?>>(
            (db, id, now, ct) => db.Posts.AsNoTracking().VisibleAt(now).Where(p => p.Id == id).Select(ToDetailRow).FirstOrDefault()));

    private static readonly Func<CchcDbContext, int, CancellationToken, Task<DetailRow?>> DetailInAnyState = EF.CompileAsyncQuery(
        (CchcDbContext db, int id, CancellationToken ct) => db.Posts.AsNoTracking().Where(p => p.Id == id).Select(ToDetailRow).FirstOrDefault());

    private static readonly Func<CchcDbContext, int, IAsyncEnumerable<TagRef>> TagsOf = EF.CompileAsyncQuery(
        (CchcDbContext db, int id) => db.Posts.AsNoTracking().Where(p => p.Id == id).SelectMany(p => p.Tags.Select(t => new TagRef(t.Slug, t.Name))));

    /// <summary>A post's tags and its cover's variants in one statement, so that a post with a cover still sends two.</summary>
    private static readonly Func<CchcDbContext, int, int, IAsyncEnumerable<ListRow>> TagsAndCoverSourcesOf = EF.CompileAsyncQuery(
        (CchcDbContext db, int id, int coverId) => db.Posts.AsNoTracking().Where(p => p.Id == id)
            .SelectMany(p => p.Tags.Select(t => new { IsTag = true, Text = t.Slug, Detail = t.Name, Size = ImageSize.Thumbnail, Width = 0, Height = 0 }))
            .Concat(db.Set<MediaVariant>().AsNoTracking().Where(v => v.MediaAssetId == coverId)
                .Select(v => new { IsTag = false, Text = v.FileName, Detail = v.ContentType, v.Size, v.Width, v.Height }))
            // EF Core translates a set operation of anonymous rows only; the record is made after it.
            .Select(r => new ListRow(r.IsTag, r.Text, r.Detail, r.Size, r.Width, r.Height)));

    /// <summary>A row of <see cref="TagsAndCoverSourcesOf"/>: a tag (slug, name) or a variant (file name, format, size, pixels).</summary>
    private sealed record ListRow(bool IsTag, string Text, string Detail, ImageSize Size, int Width, int Height);

    private static readonly Func<CchcDbContext, int, IAsyncEnumerable<FileRef>> AttachmentsOf = EF.CompileAsyncQuery(
        (CchcDbContext db, int id) => db.Attachments.AsNoTracking().Where(a => a.PostId == id).OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
            .Select(a => new FileRef(a.Title, MediaUrls.For(a.MediaAsset.Id, a.MediaAsset.FileName), a.MediaAsset.FileName, a.MediaAsset.ContentType, a.MediaAsset.Length)));

    private sealed record DetailRow(PostCard Card, string Body, bool BodyIsHtml, Audience Audience, DateTime UpdatedAt,
        DocumentInfo? Document, VideoView? Video, int? VideoFileId, string? VideoCaptionsUrl, bool HasAttachments, int? CoverImageId);

    /// <summary>A projection with the cover's variants (the <see cref="ImageRef"/>'s sources) left out of it.</summary>
    private sealed class CoverSourcesLeftOut : ExpressionVisitor
    {
        private static readonly int Sources = typeof(ImageRef).GetConstructors().Single().GetParameters()
            .Single(p => p.Name == nameof(ImageRef.Sources)).Position;

        public static Expression<Func<Post, T>> From<T>(Expression<Func<Post, T>> projection) =>
            (Expression<Func<Post, T>>)new CoverSourcesLeftOut().Visit(projection);

        protected override Expression VisitNew(NewExpression node) =>
            node.Constructor?.DeclaringType == typeof(ImageRef)
                ? node.Update(node.Arguments.Select((argument, i) => i == Sources ? Expression.Constant(null, argument.Type) : Visit(argument)))
                : base.VisitNew(node);
    }

    /// <summary>Lets a projection include <see cref="ToCard"/>, so the card is defined once and still read in the same query.</summary>
    private sealed class CardInliner : ExpressionVisitor
    {
        /// <summary>Stands for the card of <paramref name="post"/> inside a projection given to <see cref="Inline{T}"/>; never called.</summary>
        public static PostCard Card(Post post) => throw new InvalidOperationException("Only inside a projection given to CardInliner.Inline.");

        public static Expression<Func<Post, T>> Inline<T>(Expression<Func<Post, T>> projection) =>
            (Expression<Func<Post, T>>)new CardInliner().Visit(projection);

        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Method.DeclaringType == typeof(CardInliner) && node.Method.Name == nameof(Card)
                ? new ParameterReplacer(ToCard.Parameters[0], Visit(node.Arguments[0])).Visit(ToCard.Body)
                : base.VisitMethodCall(node);

        private sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
        {
            protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
        }
    }

    private async Task<DocumentView> DocumentViewAsync(int postId, DocumentInfo document, CancellationToken ct)
    {
        var visible = Visible;
        var outgoing = await db.DocumentRelations.AsNoTracking().Where(r => r.FromPostId == postId)
            .Join(visible, r => r.ToPostId, p => p.Id, (r, p) => new RelationRow(r.Kind, true, p.Title, p.Document!.Number, p.Unit.Slug, p.Kind, p.Slug))
            .ToListAsync(ct);
        var incoming = await db.DocumentRelations.AsNoTracking().Where(r => r.ToPostId == postId)
            .Join(visible, r => r.FromPostId, p => p.Id, (r, p) => new RelationRow(r.Kind, false, p.Title, p.Document!.Number, p.Unit.Slug, p.Kind, p.Slug))
            .ToListAsync(ct);
        var related = outgoing.Concat(incoming).Select(r => new RelatedDocument(
            r.Forward ? r.Relation.Vietnamese().Forward : r.Relation.Vietnamese().Backward,
            r.Title, r.Number, PostKindSegments.PostUrl(r.UnitSlug, r.Kind, r.Slug))).ToList();
        return new DocumentView(document, related);
    }

    private sealed record RelationRow(DocumentRelationKind Relation, bool Forward, string Title, string? Number, string UnitSlug, PostKind Kind, string Slug);
}
