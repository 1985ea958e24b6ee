using System.Runtime.CompilerServices;
using CchcSite.Content.Data;
using CchcSite.Content.Media;
using CchcSite.Content.Posts;
using CchcSite.Content.Proposals;
using CchcSite.Content.Questions;
using CchcSite.Content.Rendering;
using CchcSite.Content.Videos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CchcSite.Content.Search;

public sealed record RebuildProgress(int Indexed, int Total);

/// <summary>
/// Keeps the index true to the database: applies the outbox in order, or rebuilds everything. One at a time,
/// so that a rebuild and the outbox never interleave their commits. Each node of a site has its own index and indexer;
/// they keep in step through <see cref="SearchState"/>: a rebuild started on one node raises the generation and every
/// other node rebuilds when it sees it, and a node whose cursor is behind the outbox clean-up rebuilds too.
/// </summary>
public sealed class SearchIndexer(SearchIndex index, MediaStore media, MarkdownRenderer markdown, IEnumerable<ISearchSource> sources,
    ILogger<SearchIndexer> logger)
{
    private readonly Dictionary<string, ISearchSource> _sources = sources.ToDictionary(s => s.Name, StringComparer.Ordinal);

    private const int BatchSize = 200;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public SearchIndex Index => index;

    /// <summary>
    /// A full rebuild someone asked for (the editor area's button, the command): raises the generation, so that every
    /// other node rebuilds its own index as well, then rebuilds this one.
    /// </summary>
    public async Task RebuildAsync(CchcDbContext db, IProgress<RebuildProgress>? progress, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await db.SearchState.Where(s => s.Id == SearchState.RowId)
                .ExecuteUpdateAsync(s => s.SetProperty(state => state.Generation, state => state.Generation + 1), ct);
            await RebuildUnderGateAsync(db, await StateAsync(db, ct), progress, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Rebuilds this node's index only, under the current generation: one missing or unreadable on start.</summary>
    public async Task RebuildHereAsync(CchcDbContext db, IProgress<RebuildProgress>? progress, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await RebuildUnderGateAsync(db, await StateAsync(db, ct), progress, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static Task<SearchState> StateAsync(CchcDbContext db, CancellationToken ct) =>
        db.SearchState.AsNoTracking().SingleAsync(s => s.Id == SearchState.RowId, ct);

    /// <summary>
    /// Indexes every published post and question, and every item of the other sources, again. The outbox position is read first: changes made during the rebuild
    /// are then applied again afterwards, which is harmless because applying a change is idempotent. No row below it can
    /// still commit (<see cref="Nodes.OutboxOrder"/>), and the rows already cleaned up are in the database as read here.
    /// </summary>
    private async Task RebuildUnderGateAsync(CchcDbContext db, SearchState state, IProgress<RebuildProgress>? progress, CancellationToken ct)
    {
        var cursor = Math.Max(await db.SearchOutbox.MaxAsync(o => (long?)o.Id, ct) ?? 0, state.PrunedThroughOutboxId);
        var ids = await Indexable(db).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        var questionIds = await IndexableQuestions(db).OrderBy(q => q.Id).Select(q => q.Id).ToListAsync(ct);
        var sourced = new List<(ISearchSource Source, List<int> Ids)>();
        foreach (var source in _sources.Values)
            sourced.Add((source, await source.IndexableIdsAsync(db, ct)));
        index.DeleteAll();
        progress?.Report(new RebuildProgress(0, ids.Count + questionIds.Count + sourced.Sum(s => s.Ids.Count)));
        await index.AddAllAsync(ToIndex(db, ids, questionIds, sourced, progress, ct), ct);
        index.Commit(cursor, state.Generation);
    }

    /// <summary>Why this index must be rebuilt before it can follow the outbox again, or null.</summary>
    private string? BehindBy(SearchState state) =>
        index.Generation != state.Generation
            ? $"a rebuild was started on a node (generation {state.Generation}; this index has {index.Generation})"
            : index.AppliedOutboxId < state.PrunedThroughOutboxId
                ? $"outbox rows up to {state.PrunedThroughOutboxId} were cleaned up before this index applied them (it is at {index.AppliedOutboxId})"
                : null;

    /// <summary>
    /// What a rebuild indexes, a batch at a time. Progress counts the documents handed to the indexing threads: at most
    /// one per core is still being indexed.
    /// </summary>
    private async IAsyncEnumerable<Func<IIndexedDocument>> ToIndex(CchcDbContext db, List<int> ids, List<int> questionIds,
        List<(ISearchSource Source, List<int> Ids)> sourced, IProgress<RebuildProgress>? progress, [EnumeratorCancellation] CancellationToken ct)
    {
        var total = ids.Count + questionIds.Count + sourced.Sum(s => s.Ids.Count);
        for (var done = 0; done < ids.Count; done += BatchSize)
        {
            foreach (var post in await LoadAsync(db, ids.Skip(done).Take(BatchSize).ToList(), ct))
                yield return () => ToDocument(post);
            progress?.Report(new RebuildProgress(Math.Min(done + BatchSize, ids.Count), total));
        }
        for (var done = 0; done < questionIds.Count; done += BatchSize)
        {
            foreach (var question in await LoadQuestionsAsync(db, questionIds.Skip(done).Take(BatchSize).ToList(), ct))
                yield return () => question;
            progress?.Report(new RebuildProgress(ids.Count + Math.Min(done + BatchSize, questionIds.Count), total));
        }
        var before = ids.Count + questionIds.Count;
        foreach (var (source, sourceIds) in sourced)
        {
            for (var done = 0; done < sourceIds.Count; done += BatchSize)
            {
                foreach (var document in await source.LoadAsync(db, sourceIds.Skip(done).Take(BatchSize).ToList(), ct))
                    yield return () => document;
                progress?.Report(new RebuildProgress(before + Math.Min(done + BatchSize, sourceIds.Count), total));
            }
            before += sourceIds.Count;
        }
    }

    /// <summary>
    /// Applies the next outbox rows past the index's cursor; returns how many were applied. A cursor over ids is exact:
    /// SQLite serialises writers, and on PostgreSQL outbox ids commit in id order (<see cref="Nodes.OutboxOrder"/>). First
    /// rebuilds the index if another node started a rebuild or the clean-up deleted rows it had not applied.
    /// </summary>
    public async Task<int> ApplyOutboxAsync(CchcDbContext db, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var state = await StateAsync(db, ct);
            if (BehindBy(state) is { } reason)
            {
                logger.LogWarning("Rebuilding this node's search index: {Reason}.", reason);
                await RebuildUnderGateAsync(db, state, null, ct);
            }
            var cursor = index.AppliedOutboxId;
            var rows = await db.SearchOutbox.AsNoTracking().Where(o => o.Id > cursor).OrderBy(o => o.Id).Take(BatchSize * 5)
                .Select(o => new { o.Id, o.PostId, o.QuestionId, o.Source, o.ItemId }).ToListAsync(ct);
            if (rows.Count == 0)
                return 0;
            var postIds = rows.Where(r => r.PostId is not null).Select(r => r.PostId!.Value).Distinct().ToList();
            Apply(postIds.Select(SearchDocument.IdOf), (await LoadAsync(db, postIds, ct)).Select(ToDocument));
            var questionIds = rows.Where(r => r.QuestionId is not null).Select(r => r.QuestionId!.Value).Distinct().ToList();
            Apply(questionIds.Select(QuestionSearchDocument.KeyOf), await LoadQuestionsAsync(db, questionIds, ct));
            foreach (var group in rows.Where(r => r.Source is not null && r.ItemId is not null).GroupBy(r => r.Source!))
            {
                // A row of a source this build does not know (written by a newer node) waits for a rebuild by that node.
                if (!_sources.TryGetValue(group.Key, out var source))
                    continue;
                var itemIds = group.Select(r => r.ItemId!.Value).Distinct().ToList();
                Apply(itemIds.Select(source.KeyOf), await source.LoadAsync(db, itemIds, ct));
            }
            index.Commit(rows[^1].Id);
            return rows.Count;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes the documents that are still indexable and deletes the other keys: they were unpublished or deleted.</summary>
    private void Apply(IEnumerable<string> keys, IEnumerable<IIndexedDocument> documents)
    {
        var byKey = documents.ToDictionary(d => d.Key);
        foreach (var key in keys)
        {
            if (byKey.TryGetValue(key, out var document))
                index.Upsert(document);
            else
                index.Delete(key);
        }
    }

    /// <summary>
    /// Deletes the outbox rows this index has applied that were written before <paramref name="writtenBeforeUtc"/>, and
    /// records how far it deleted (<see cref="SearchState.PrunedThroughOutboxId"/>) in the same transaction. Rows are kept
    /// a while rather than deleted once applied, because other web nodes tail the same table with indexes of their own
    /// (DESIGN §7) and may be behind this one; one further behind than that rebuilds. Run on one node at a time.
    /// </summary>
    public async Task<int> PruneOutboxAsync(CchcDbContext db, DateTime writtenBeforeUtc, CancellationToken ct)
    {
        var cursor = index.AppliedOutboxId;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var through = await db.SearchOutbox.Where(o => o.Id <= cursor && o.EnqueuedAt < writtenBeforeUtc).MaxAsync(o => (long?)o.Id, ct);
        if (through is not { } last)
            return 0;
        var deleted = await db.SearchOutbox.Where(o => o.Id <= last).ExecuteDeleteAsync(ct);
        await db.SearchState.Where(s => s.Id == SearchState.RowId && s.PrunedThroughOutboxId < last)
            .ExecuteUpdateAsync(s => s.SetProperty(state => state.PrunedThroughOutboxId, last), ct);
        await transaction.CommitAsync(ct);
        return deleted;
    }

    /// <summary>
    /// Published posts are indexed whatever their window: the window is checked at query time against "now",
    /// so a scheduled post appears and an expired one disappears without touching the index.
    /// </summary>
    private static IQueryable<Post> Indexable(CchcDbContext db) =>
        db.Posts.Where(p => p.Status == PostStatus.Published && p.PublishAt != null);

    /// <summary>Questions in the Q&amp;A column; one taken out of it is deleted from the index when its outbox row is applied.</summary>
    private static IQueryable<Submission> IndexableQuestions(CchcDbContext db) =>
        db.Submissions.Where(s => s.Kind == SubmissionKind.Question && s.Status == SubmissionStatus.Published && s.AnsweredAt != null);

    private async Task<List<QuestionSearchDocument>> LoadQuestionsAsync(CchcDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
            return [];
        var questions = await IndexableQuestions(db).AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.UnitId, Category = s.Category!.Slug, s.AnsweredAt, s.Title, s.Text, s.AnswerMarkdown }).ToListAsync(ct);
        return questions.Select(q => new QuestionSearchDocument(q.Id, q.UnitId, q.Category, q.AnsweredAt!.Value, q.Title, q.Text,
            markdown.ToPlainText(q.AnswerMarkdown ?? ""))).ToList();
    }

    /// <summary>
    /// A post with the captions of its video in every language, whose words are searched with the post (see
    /// <see cref="VideoCaptions"/>), and the units whose boards accepted it into their sections. A decision saves its
    /// proposal, which names the post, so the change tracker writes the post's outbox row and the post is indexed again with the decision.
    /// </summary>
    private sealed record PostToIndex(Post Post, IReadOnlyList<MediaAsset> Captions, IReadOnlyList<int> AcceptedInto);

    private static async Task<List<PostToIndex>> LoadAsync(CchcDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var posts = await Indexable(db).AsNoTracking().Where(p => ids.Contains(p.Id))
            .Include(p => p.Category).Include(p => p.Tags).Include(p => p.Attachments).ThenInclude(a => a.MediaAsset).Include(p => p.Video!.Captions)
            .AsSplitQuery().ToListAsync(ct);
        var videoIds = posts.Select(p => p.Video?.FileId).OfType<int>().ToList();
        // The captions attached to a library video, every language; a post's own captions take the Vietnamese one's place, as on its page.
        var attached = videoIds.Count == 0 ? new List<VideoCaption>().ToLookup(c => c.VideoId) : (await db.Set<VideoCaption>().AsNoTracking()
            .Where(c => videoIds.Contains(c.VideoId)).Include(c => c.MediaAsset).ToListAsync(ct)).ToLookup(c => c.VideoId);
        var postIds = posts.Select(p => p.Id).ToList();
        var accepted = (await db.PostProposals.AsNoTracking().Where(x => postIds.Contains(x.PostId) && x.State == ProposalState.Accepted)
            .Select(x => new { x.PostId, x.TargetUnitId }).ToListAsync(ct)).ToLookup(x => x.PostId, x => x.TargetUnitId);
        return posts.Select(p => new PostToIndex(p,
            (p.Video?.Captions is { } own ? [own] : Array.Empty<MediaAsset>())
                .Concat(attached[p.Video?.FileId ?? 0].Where(c => p.Video?.Captions is null || c.Language != VideoOptions.Vietnamese).Select(c => c.MediaAsset))
                .ToList(),
            accepted[p.Id].ToList())).ToList();
    }

    private SearchDocument ToDocument(PostToIndex item)
    {
        var post = item.Post;
        return new(
        post.Id, post.Kind, post.UnitId, post.Category?.Slug, post.PublishAt!.Value, post.UnpublishAt,
        post.Title,
        string.Join("\n", new[] { post.Summary, post.Document?.Abstract }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } summary ? summary : null,
        markdown.ToPlainText(post.BodyMarkdown),
        post.Tags.Select(t => t.Name).ToList(),
        post.Document?.Number,
        post.Document?.Issuer,
        string.Join("\n", post.Attachments.OrderBy(a => a.SortOrder)
            .Select(a => a.Title + "\n" + AttachmentText.Extract(media.FullPath(a.MediaAsset)))
            .Concat(item.Captions.Select(captions => AttachmentText.Extract(media.FullPath(captions))))))
        {
            AcceptedInto = item.AcceptedInto,
            IssuedOn = post.Document?.IssuedOn,
        };
    }
}
