using System.Data.Common;
using System.Runtime.CompilerServices;
using CchcSite.Content.Categories;
using CchcSite.Content.Media;
using CchcSite.Content.Nodes;
using CchcSite.Content.Posts;
using CchcSite.Content.Questions;
using CchcSite.Content.Search;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace CchcSite.Content.Data;

/// <summary>
/// The one watcher of every save of every context; the context refuses to start without it, so no writer (the editor
/// area, seeding, a background job, a tool, a test) changes content unseen. For each save it
/// <list type="number">
/// <item>writes a <see cref="SearchOutboxEntry"/>, in the save's transaction, for every post the save adds, changes or
/// deletes — directly or through anything that points at it (attachments, tags, document and video parts) — and for
/// every question published, changed while published, or taken out of the Q&amp;A column;</item>
/// <item>works out the <see cref="ContentTags"/> of the public answers the save makes stale (a draft's save makes none);</item>
/// <item>tells the <see cref="IContentChangeListener"/>s once the transaction has committed: the caller's explicit
/// transaction, the one it opens for the outbox, or the save's own. A transaction rolled back tells nobody.</item>
/// <item>on PostgreSQL, where several nodes share the database, also tells the other nodes: a notice in the transaction
/// (<see cref="ChangeNotices"/>), and outbox ids that commit in id order (<see cref="OutboxOrder"/>).</item>
/// </list>
/// Bulk ExecuteUpdate/ExecuteDelete bypass change tracking: their writers must enqueue and signal themselves.
/// </summary>
/// <remarks>
/// Every step has a synchronous and an asynchronous form sharing one body with an <c>async</c> flag, as EF Core does
/// itself: with the flag false nothing awaits, so the synchronous interceptor methods get a completed task.
/// </remarks>
public sealed class ContentChangeTracker(TimeProvider clock, IEnumerable<IContentChangeListener> listeners, ILogger<ContentChangeTracker> logger)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly IContentChangeListener[] _listeners = [.. listeners];

    /// <summary>
    /// This site's node, as its change notices name it: the node's own listeners were told in-process, so its notice
    /// listener passes over them. One tracker per site (per container), so two nodes in one test process differ too.
    /// </summary>
    public Guid Node { get; } = Guid.NewGuid();

    /// <summary>Between SavingChanges and SavedChanges of one save; new rows only get their ids on saving.</summary>
    private readonly ConditionalWeakTable<DbContext, Saving> _saving = new();

    /// <summary>What the saves in a context's open transaction changed, told when it commits.</summary>
    private readonly ConditionalWeakTable<DbContext, Uncommitted> _uncommitted = new();

    private sealed record Saving(SaveSnapshot Snapshot, IDbContextTransaction? OwnTransaction);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        BeginAsync(eventData.Context, async: false, default).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        await BeginAsync(eventData.Context, async: true, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        EndAsync(eventData.Context, async: false, default).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        await EndAsync(eventData.Context, async: true, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        Take(eventData.Context)?.OwnTransaction?.Dispose();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Take(eventData.Context)?.OwnTransaction?.DisposeAsync().AsTask() ?? Task.CompletedTask;

    public override void SaveChangesCanceled(DbContextEventData eventData) =>
        Take(eventData.Context)?.OwnTransaction?.Dispose();

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        Take(eventData.Context)?.OwnTransaction?.DisposeAsync().AsTask() ?? Task.CompletedTask;

    // A transaction disposed without commit or rollback raises no event: what its saves collected is dropped when the
    // context's next transaction starts.
    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Forget(eventData.Context);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        TellAsync(eventData.Context, async: false).GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        TellAsync(eventData.Context, async: true);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Forget(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private async Task BeginAsync(DbContext? context, bool async, CancellationToken ct)
    {
        if (context is null || SaveSnapshot.Of(context) is not { IsEmpty: false } snapshot)
            return;
        // The outbox rows are written by a second save in SavedChanges: both commit in one transaction, the caller's or ours.
        // On PostgreSQL every content save has one, so that the notice to the other nodes is sent inside it.
        IDbContextTransaction? own = null;
        if ((snapshot.WritesOutbox || context.Database.IsNpgsql()) && context.Database.CurrentTransaction is null)
            own = async ? await context.Database.BeginTransactionAsync(ct) : context.Database.BeginTransaction();
        _saving.AddOrUpdate(context, new Saving(snapshot, own));
    }

    private async Task EndAsync(DbContext? context, bool async, CancellationToken ct)
    {
        if (context is null || Take(context) is not { } saving)
            return;
        var own = saving.OwnTransaction;
        try
        {
            var changes = await saving.Snapshot.ResolveAsync(context, async, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var entries = changes.PostIds.Select(id => new SearchOutboxEntry { PostId = id, EnqueuedAt = now })
                .Concat(changes.QuestionIds.Select(id => new SearchOutboxEntry { QuestionId = id, EnqueuedAt = now }))
                .Concat(saving.Snapshot.SourcedItems.Select(item => new SearchOutboxEntry { Source = item.Source, ItemId = item.Id, EnqueuedAt = now }))
                .ToList();
            if (entries.Count > 0)
            {
                await OutboxOrder.TakeAsync(context.Database, async, ct);
                context.Set<SearchOutboxEntry>().AddRange(entries);
                if (async)
                    await context.SaveChangesAsync(ct);
                else
                    context.SaveChanges();
            }
            await ChangeNotices.SendAsync(context.Database, Node, changes, async, ct);
            _uncommitted.GetOrCreateValue(context).Add(changes);
            if (own is not null)
            {
                // Committing raises TransactionCommitted, which tells the listeners.
                if (async)
                    await own.CommitAsync(ct);
                else
                    own.Commit();
            }
            else if (context.Database.CurrentTransaction is null)
            {
                // No transaction but the save's own, and that has committed by now.
                await TellAsync(context, async);
            }
        }
        finally
        {
            if (own is not null)
            {
                if (async)
                    await own.DisposeAsync();
                else
                    own.Dispose();
            }
        }
    }

    private Saving? Take(DbContext? context)
    {
        if (context is null || !_saving.TryGetValue(context, out var saving))
            return null;
        _saving.Remove(context);
        return saving;
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
            _uncommitted.Remove(context);
    }

    private async Task TellAsync(DbContext? context, bool async)
    {
        if (context is null || !_uncommitted.TryGetValue(context, out var uncommitted))
            return;
        _uncommitted.Remove(context);
        var changes = uncommitted.ToChangeSet();
        if (changes.IsEmpty)
            return;
        foreach (var listener in _listeners)
        {
            try
            {
                // Not the caller's token: the change is committed, and a request going away must not leave stale pages behind.
                var told = listener.ContentChangedAsync(changes, CancellationToken.None);
                if (async || told.IsCompleted)
                    await told;
                else
                    _ = LogFailureAsync(listener, told.AsTask());
            }
            catch (Exception e)
            {
                Log(listener, e);
            }
        }
    }

    private async Task LogFailureAsync(IContentChangeListener listener, Task told)
    {
        try { await told; }
        catch (Exception e) { Log(listener, e); }
    }

    private void Log(IContentChangeListener listener, Exception e) =>
        logger.LogError(e, "Content change listener {Listener} failed; the change itself is committed.", listener.GetType().Name);

    private sealed class Uncommitted
    {
        private readonly HashSet<string> _tags = [];
        private readonly HashSet<int> _posts = [];
        private readonly HashSet<int> _questions = [];

        public void Add(ContentChangeSet changes)
        {
            _tags.UnionWith(changes.Tags);
            _posts.UnionWith(changes.PostIds);
            _questions.UnionWith(changes.QuestionIds);
        }

        public ContentChangeSet ToChangeSet() => new([.. _tags], [.. _posts], [.. _questions]);
    }

    /// <summary>A post's public facts before or after a save.</summary>
    private sealed record PostFacts(int UnitId, PostStatus Status, RetirementReason? Retirement)
    {
        /// <summary>
        /// Published and scheduled posts, and taken-down ones whose address answers with a notice or a redirect; never a
        /// draft or a post in review. A change to a post that is public before or after the save makes public answers stale.
        /// </summary>
        public bool IsPublic => Status is PostStatus.Published or PostStatus.Scheduled
                                || (Retirement is not null && Status is PostStatus.Unpublished or PostStatus.Archived);
    }

    /// <summary>A post row the save adds (no facts before), changes, or deletes (no facts after).</summary>
    private sealed record PostChange(Post Post, PostFacts? Before, PostFacts? After);

    /// <summary>
    /// A save's changes as the change tracker holds them before the save: original values are gone after it, and new
    /// rows are kept as entities until their ids exist.
    /// </summary>
    private sealed class SaveSnapshot
    {
        private readonly List<PostChange> _posts = [];
        /// <summary>Posts named by changed rows that hang off them: parts, attachments, tags, revisions, links.</summary>
        private readonly HashSet<int> _referencedPosts = [];
        /// <summary>The same without the links between documents, which show on the linked posts' pages only.</summary>
        private readonly HashSet<int> _postsBelow = [];
        private readonly List<(int From, int To)> _removedLinks = [];
        private readonly List<DocumentRelation> _addedLinks = [];
        private readonly HashSet<int> _questionIds = [];
        private readonly List<Submission> _addedQuestions = [];
        private bool _questionColumn;
        private bool _everything;
        /// <summary>Items of the other search sources (<see cref="ISearchItem"/>): their ids exist once the save is done.</summary>
        private readonly List<ISearchItem> _sourced = [];
        /// <summary>Indexes whose name or components changed: every index-year search document of theirs shows them.</summary>
        private readonly HashSet<int> _redefinedIndexes = [];
        /// <summary>Those documents, found when the save resolves.</summary>
        private readonly List<(string Source, int Id)> _redefinedItems = [];
        /// <summary>Library videos whose transcoding finished or whose captions changed: the posts that play them show and index that.</summary>
        private readonly HashSet<int> _changedVideos = [];

        public bool WritesOutbox => _posts.Count > 0 || _referencedPosts.Count > 0 || _questionIds.Count > 0 || _addedQuestions.Count > 0
                                    || _sourced.Count > 0 || _redefinedIndexes.Count > 0 || _changedVideos.Count > 0;

        /// <summary>After the save: the source and id of each item of another search source it wrote.</summary>
        public IEnumerable<(string Source, int Id)> SourcedItems => _sourced.Select(i => (i.SearchSource, i.Id)).Concat(_redefinedItems).Distinct();

        public bool IsEmpty => !WritesOutbox && !_questionColumn && !_everything;

        public static SaveSnapshot Of(DbContext context)
        {
            var snapshot = new SaveSnapshot();
            foreach (var entry in context.ChangeTracker.Entries())
            {
                if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                    continue;
                snapshot.Collect(entry);
            }
            return snapshot;
        }

        private void Collect(EntityEntry entry)
        {
            switch (entry.Entity)
            {
                case Post post:
                    _posts.Add(new PostChange(post,
                        entry.State == EntityState.Added ? null : Facts(entry, original: true),
                        entry.State == EntityState.Deleted ? null : Facts(entry, original: false)));
                    break;
                case Submission submission when QuestionColumnChanges.Touches(entry):
                    _questionColumn = true;
                    if (submission.Kind != SubmissionKind.Question)
                        break;
                    if (entry.State == EntityState.Added)
                        _addedQuestions.Add(submission);
                    else
                        _questionIds.Add(submission.Id);
                    break;
                case DocumentRelation relation:
                    if (entry.State != EntityState.Added)
                        _removedLinks.Add(((int)entry.Property(nameof(DocumentRelation.FromPostId)).OriginalValue!,
                            (int)entry.Property(nameof(DocumentRelation.ToPostId)).OriginalValue!));
                    if (entry.State != EntityState.Deleted)
                        _addedLinks.Add(relation);
                    break;
                // Index results show on the overview, every unit's index tab and the API; imports are rare, so all goes stale.
                // A result is also the search item of its index and year.
                case Indexes.IndexResult result:
                    _sourced.Add(result);
                    _everything = true;
                    break;
                case ISearchItem item:
                    _sourced.Add(item);
                    break;
                case Unit or UnitContact or Category:
                    _everything = true;
                    break;
                // An index's name, its components or a result's component scores: the same pages as a result; a new index has no results yet.
                case Indexes.IndexDefinition definition:
                    if (entry.State != EntityState.Added)
                        _redefinedIndexes.Add(definition.Id);
                    _everything = true;
                    break;
                case Indexes.IndexComponent:
                    if (entry.Property(nameof(Indexes.IndexComponent.IndexDefinitionId)) is { IsTemporary: false } definitionId)
                        _redefinedIndexes.Add((int)(entry.State == EntityState.Added ? definitionId.CurrentValue : definitionId.OriginalValue)!);
                    _everything = true;
                    break;
                case Indexes.IndexComponentScore:
                    _everything = true;
                    break;
                // Dossier results show site-wide and on every issuing unit's procedures tab; imported once a month.
                case DossierResults.DossierResult:
                    _everything = true;
                    break;
                // Published bulletin issues show in the archives of their unit and its parents; publishing one is rare, so all goes stale.
                case Bulletins.BulletinIssue issue when issue.Status == PostStatus.Published
                                                   || entry.Property(nameof(Bulletins.BulletinIssue.Status)).OriginalValue is PostStatus.Published:
                    _everything = true;
                    break;
                // Not the progress a running job reports every few seconds: only what a post's page and search text show.
                case Videos.VideoTranscode when entry.State == EntityState.Modified && entry.Property(nameof(Videos.VideoTranscode.State)).IsModified:
                    _changedVideos.Add((int)entry.Property(nameof(Videos.VideoTranscode.MediaAssetId)).CurrentValue!);
                    break;
                // A language's captions attached, replaced or removed: the track lists and the searched words of the posts playing the video.
                case Videos.VideoCaption caption:
                    _changedVideos.Add(caption.VideoId);
                    break;
                // A new tag, file or image variant shows nowhere until a post uses it, and that post's save says so.
                case Tag or MediaAsset or MediaVariant when entry.State != EntityState.Added
                                                          || (entry.Entity is MediaVariant && !entry.Property(nameof(MediaVariant.MediaAssetId)).IsTemporary):
                    _everything = true;
                    break;
            }
            foreach (var key in entry.Metadata.GetForeignKeys().Where(fk => fk.PrincipalEntityType.ClrType == typeof(Post)))
            {
                var reference = entry.Property(key.Properties[0].Name);
                AddReferencedPost(reference, entry.State, _referencedPosts);
                if (entry.Entity is not DocumentRelation)
                    AddReferencedPost(reference, entry.State, _postsBelow);
            }
        }

        /// <summary>A dependent row names its post; a temporary value means that post is new and collected itself.</summary>
        private static void AddReferencedPost(PropertyEntry reference, EntityState state, HashSet<int> ids)
        {
            if (reference.IsTemporary)
                return;
            if (reference.OriginalValue is int original)
                ids.Add(original);
            if (state != EntityState.Deleted && reference.CurrentValue is int current)
                ids.Add(current);
        }

        private static PostFacts Facts(EntityEntry entry, bool original)
        {
            object? Value(string name) => original ? entry.Property(name).OriginalValue : entry.Property(name).CurrentValue;
            return new PostFacts((int)Value(nameof(Post.UnitId))!, (PostStatus)Value(nameof(Post.Status))!, (RetirementReason?)Value(nameof(Post.Retirement)));
        }

        /// <summary>After the save, in its transaction: new rows have ids, and the database answers for posts not loaded.</summary>
        public async Task<ContentChangeSet> ResolveAsync(DbContext context, bool async, CancellationToken ct)
        {
            if (_changedVideos.Count > 0)
            {
                var playing = context.Set<Post>().AsNoTracking()
                    .Where(p => p.Video != null && p.Video.FileId != null && _changedVideos.Contains(p.Video.FileId.Value)).Select(p => p.Id);
                foreach (var id in async ? await playing.ToListAsync(ct) : playing.ToList())
                {
                    _referencedPosts.Add(id);
                    _postsBelow.Add(id);
                }
            }
            var postIds = _posts.Select(c => c.Post.Id).Concat(_referencedPosts).ToHashSet();
            var questionIds = _questionIds.Concat(_addedQuestions.Select(q => q.Id)).ToHashSet();
            var tags = new HashSet<string>();
            if (_everything)
                tags.Add(ContentTags.Site);
            if (_questionColumn)
                tags.Add(ContentTags.Questions);
            if (_redefinedIndexes.Count > 0)
            {
                var years = context.Set<Indexes.IndexResult>().AsNoTracking().Where(r => _redefinedIndexes.Contains(r.IndexDefinitionId))
                    .Select(r => new { r.IndexDefinitionId, r.Year }).Distinct();
                _redefinedItems.AddRange((async ? await years.ToListAsync(ct) : years.ToList())
                    .Select(r => (Indexes.IndexYearSearchSource.SourceName, new Indexes.IndexYear(r.IndexDefinitionId, r.Year).ItemId)));
            }
            // Each source's public answers carry its tag, which also tells the indexer the outbox has rows for it.
            foreach (var source in SourcedItems.Select(i => i.Source).Distinct())
                tags.Add(ContentTags.Source(source));

            var links = _removedLinks.Concat(_addedLinks.Select(r => (From: r.FromPostId, To: r.ToPostId))).ToList();
            var facts = _posts.ToDictionary(c => c.Post.Id, c => (c.Before, c.After));
            var unknown = _postsBelow.Concat(links.SelectMany(l => new[] { l.From, l.To })).Where(id => !facts.ContainsKey(id)).ToHashSet();
            if (unknown.Count > 0)
            {
                var query = context.Set<Post>().AsNoTracking().Where(p => unknown.Contains(p.Id))
                    .Select(p => new { p.Id, p.UnitId, p.Status, p.Retirement });
                foreach (var p in async ? await query.ToListAsync(ct) : query.ToList())
                {
                    var now = new PostFacts(p.UnitId, p.Status, p.Retirement);
                    facts[p.Id] = (now, now);
                }
            }
            bool IsPublic(int id) => facts.TryGetValue(id, out var f) && (f.Before?.IsPublic == true || f.After?.IsPublic == true);

            var shown = _posts.Select(c => c.Post.Id).Concat(_postsBelow).Where(IsPublic).ToHashSet();
            foreach (var id in shown)
            {
                tags.Add(ContentTags.Post(id));
                var (before, after) = facts[id];
                foreach (var unit in new[] { before?.UnitId, after?.UnitId }.OfType<int>())
                    tags.Add(ContentTags.Unit(unit));
            }
            // A document's page names the public documents linked to it, with their titles and addresses: a link shows
            // only when both ends are public, and a public document's change shows on the pages linked to it.
            foreach (var (from, to) in links.Where(l => IsPublic(l.From) && IsPublic(l.To)))
            {
                tags.Add(ContentTags.Post(from));
                tags.Add(ContentTags.Post(to));
            }
            if (shown.Count > 0)
            {
                tags.Add(ContentTags.Home);
                tags.Add(ContentTags.PostLists);
                var linked = context.Set<DocumentRelation>().AsNoTracking()
                    .Where(r => shown.Contains(r.FromPostId) || shown.Contains(r.ToPostId)).Select(r => new { r.FromPostId, r.ToPostId });
                foreach (var link in async ? await linked.ToListAsync(ct) : linked.ToList())
                {
                    tags.Add(ContentTags.Post(link.FromPostId));
                    tags.Add(ContentTags.Post(link.ToPostId));
                }
            }
            return new ContentChangeSet([.. tags], [.. postIds], [.. questionIds]);
        }
    }
}
