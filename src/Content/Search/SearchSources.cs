using CchcSite.Content.Data;

namespace CchcSite.Content.Search;

/// <summary>
/// A kind of document the index holds beside posts and questions (procedures now; index results and video captions can
/// come the same way). A source registers itself in DI; the indexer rebuilds and follows the outbox for every source it is
/// given, and the change tracker enqueues the saves of its <see cref="ISearchItem"/> entities, so a new source touches
/// neither.
/// </summary>
public interface ISearchSource
{
    /// <summary>The name in outbox rows (<see cref="SearchOutboxEntry.Source"/>) and in cache tags; never renamed.</summary>
    string Name { get; }

    /// <summary>The ids a rebuild indexes.</summary>
    Task<List<int>> IndexableIdsAsync(CchcDbContext db, CancellationToken ct);

    /// <summary>The documents of those of <paramref name="ids"/> that are indexable; the others' keys are deleted.</summary>
    Task<IReadOnlyList<IIndexedDocument>> LoadAsync(CchcDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct);

    /// <summary>The index key of an item, the same as its document's <see cref="IIndexedDocument.Key"/>.</summary>
    string KeyOf(int id);

    /// <summary>The kind doc value of its documents: negative, unique among sources (posts have their kinds, questions −1).</summary>
    int KindValue { get; }

    /// <summary>The kind's name in site search ("Thủ tục hành chính").</summary>
    string DisplayName { get; }

    /// <summary>The source's own list searched for <paramref name="query"/>, where site search sends for its documents.</summary>
    string SearchUrl(string query);
}

/// <summary>An entity whose every save enqueues its search document (<see cref="ContentChangeTracker"/>).</summary>
public interface ISearchItem
{
    string SearchSource { get; }
    int Id { get; }
}
