using System.Runtime.CompilerServices;
using CchcSite.Content.Posts;
using CchcSite.Content.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace CchcSite.Content.Search;

/// <summary>
/// Writes a <see cref="SearchOutboxEntry"/> for every post a save adds, changes or deletes — directly, or through
/// anything that points at it (attachments, tags, document and video parts) — in the same transaction as
/// the change, and likewise for every question published, changed while published, or taken out of the Q&amp;A column.
/// Hooked into the context itself, so every writer, present and future, is covered.
/// Bulk ExecuteUpdate/ExecuteDelete bypass change tracking and must enqueue their posts themselves.
/// </summary>
public sealed class SearchOutboxInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public static SearchOutboxInterceptor Instance { get; } = new(TimeProvider.System);

    /// <summary>Between SavingChanges and SavedChanges of one save; new posts only get their ids on saving.</summary>
    private sealed record Pending(Changed Items, IDbContextTransaction? OwnTransaction);

    /// <summary>The posts and questions a save touches; added ones are kept as entities until their ids exist.</summary>
    private sealed record Changed(HashSet<int> PostIds, List<Post> AddedPosts, HashSet<int> QuestionIds, List<Submission> AddedQuestions)
    {
        public bool Any => PostIds.Count > 0 || AddedPosts.Count > 0 || QuestionIds.Count > 0 || AddedQuestions.Count > 0;
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && Collect(context) is { Any: true } changed)
            _pending.AddOrUpdate(context, new Pending(changed,
                context.Database.CurrentTransaction is null ? context.Database.BeginTransaction() : null));
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && Collect(context) is { Any: true } changed)
            _pending.AddOrUpdate(context, new Pending(changed,
                context.Database.CurrentTransaction is null ? await context.Database.BeginTransactionAsync(cancellationToken) : null));
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && Take(context) is { } pending)
        {
            using var transaction = pending.OwnTransaction;
            context.Set<SearchOutboxEntry>().AddRange(Entries(pending));
            context.SaveChanges();
            transaction?.Commit();
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && Take(context) is { } pending)
        {
            await using var transaction = pending.OwnTransaction;
            context.Set<SearchOutboxEntry>().AddRange(Entries(pending));
            await context.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
                await transaction.CommitAsync(cancellationToken);
        }
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

    private Pending? Take(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
            return null;
        _pending.Remove(context);
        return pending;
    }

    private IEnumerable<SearchOutboxEntry> Entries(Pending pending)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var items = pending.Items;
        return items.PostIds.Concat(items.AddedPosts.Select(p => p.Id)).Distinct()
            .Select(id => new SearchOutboxEntry { PostId = id, EnqueuedAt = now })
            .Concat(items.QuestionIds.Concat(items.AddedQuestions.Select(q => q.Id)).Distinct()
                .Select(id => new SearchOutboxEntry { QuestionId = id, EnqueuedAt = now }));
    }

    private static Changed Collect(DbContext context)
    {
        var changed = new Changed([], [], [], []);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            if (entry.Entity is Post post)
            {
                if (entry.State == EntityState.Added)
                    changed.AddedPosts.Add(post);
                else
                    changed.PostIds.Add(post.Id);
            }
            if (entry.Entity is Submission { Kind: SubmissionKind.Question } question && QuestionColumnChanges.Touches(entry))
            {
                if (entry.State == EntityState.Added)
                    changed.AddedQuestions.Add(question);
                else
                    changed.QuestionIds.Add(question.Id);
            }
            foreach (var key in entry.Metadata.GetForeignKeys().Where(fk => fk.PrincipalEntityType.ClrType == typeof(Post)))
                AddReferencedPost(entry.Property(key.Properties[0].Name), entry.State, changed.PostIds);
        }
        return changed;
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
}
