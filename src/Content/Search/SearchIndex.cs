using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace CchcSite.Content.Search;

/// <summary>
/// The one <see cref="IndexWriter"/> and <see cref="SearcherManager"/> over an index directory. Each commit
/// records how far the outbox has been applied, in the commit itself, so the index and its cursor can never
/// disagree after a crash, and every node of a farm keeps its own cursor; and the <see cref="SearchState.Generation"/> it
/// was built under, so that a rebuild started on another node is noticed.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private const string CursorKey = "outboxCursor";
    private const string GenerationKey = "generation";
    private const string SchemaKey = "schema";
    /// <summary>Raise when fields, analysis or the codec change: an index written under another schema is rebuilt on start.</summary>
    private const string Schema = "12";

    static SearchIndex() => StoredTextCodec.Register();

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;

    private SearchIndex(LuceneDirectory directory, bool create, long appliedOutboxId, int generation)
    {
        _directory = directory;
        AppliedOutboxId = appliedOutboxId;
        Generation = generation;
        NeedsRebuild = create;
        _writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.Keywords)
        {
            OpenMode = create ? OpenMode.CREATE : OpenMode.APPEND,
            Codec = StoredTextCodec.Instance,
            // A large buffer flushes fewer, larger segments during a rebuild: fewer merges afterwards. Not larger: the
            // commit flushes what is left on one thread while the other waits. On the benchmark's 100,000 posts 64 MB
            // builds 5 segments with no merge, as fast as 128 MB within the noise, with half the memory and half the
            // commit's flush (1.3–1.7 s against 2–3 s).
            RAMBufferSizeMB = 64,
            // Packing each flushed segment into one compound file copies it once more: 10 % of a rebuild's time, for
            // fewer open files, which a single index of a few dozen segments does not need.
            UseCompoundFile = false,
        });
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
    }

    /// <summary>The results' stored text, decoded once per document of a segment.</summary>
    internal HitTexts HitTexts { get; } = new();

    /// <summary>The last outbox row whose change is in the committed index.</summary>
    public long AppliedOutboxId { get; private set; }

    /// <summary>The <see cref="SearchState.Generation"/> the index was last rebuilt under (0 before any was recorded).</summary>
    public int Generation { get; private set; }

    /// <summary>
    /// How many commits this process has made visible: a search that read it before searching saw at least that state,
    /// so results kept under it (<see cref="SearchResultCache"/>) are never older than it.
    /// </summary>
    public long Changes => Interlocked.Read(ref _changes);

    private long _changes;

    /// <summary>True when the directory was missing, empty or unreadable and the index was started empty.</summary>
    public bool NeedsRebuild { get; private set; }

    /// <summary>Opens the index in the directory, or starts an empty one (to be rebuilt) if it cannot be read.</summary>
    public static SearchIndex Open(LuceneDirectory directory)
    {
        if (TryReadCommit(directory) is var (cursor, generation))
            return new SearchIndex(directory, create: false, cursor, generation);
        foreach (var file in FilesIn(directory))
            directory.DeleteFile(file);
        return new SearchIndex(directory, create: true, 0, 0);
    }

    /// <summary>The files left in the directory; none if the folder itself was deleted (the writer creates it again).</summary>
    private static string[] FilesIn(LuceneDirectory directory)
    {
        try
        {
            return directory.ListAll();
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }

    public static SearchIndex Open(string path) => Open(FSDirectory.Open(path));

    /// <summary>The committed cursor and generation, or null when there is no readable index of the current schema.</summary>
    private static (long Cursor, int Generation)? TryReadCommit(LuceneDirectory directory)
    {
        try
        {
            if (!DirectoryReader.IndexExists(directory))
                return null;
            using var reader = DirectoryReader.Open(directory);
            var data = reader.IndexCommit.UserData;
            return data.TryGetValue(SchemaKey, out var schema) && schema == Schema
                   && data.TryGetValue(CursorKey, out var value)
                   && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var cursor)
                ? (cursor, data.TryGetValue(GenerationKey, out var generation)
                           && int.TryParse(generation, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0)
                : null;
        }
        // Lucene reports a damaged index in many ways (corrupt segments, truncated files, unknown formats);
        // whatever the cause, the index is derived data and is rebuilt from the database.
        catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    public void Upsert(IIndexedDocument document) =>
        _writer.UpdateDocument(new Term(SearchFields.Id, document.Key), document.ToLucene());

    /// <summary>
    /// Makes and adds documents known not to be in the index (a rebuild after <see cref="DeleteAll"/>: no delete by id
    /// to buffer and apply), on one thread per core. Making a document (markdown to text, an attachment's text) can cost
    /// as much as indexing it, so it is done on the indexing threads too; the source is read by one thread at a time,
    /// so it may query a database.
    /// </summary>
    public Task AddAllAsync(IAsyncEnumerable<Func<IIndexedDocument>> documents, CancellationToken ct) =>
        Parallel.ForEachAsync(documents, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
            (make, _) =>
            {
                _writer.AddDocument(make().ToLucene());
                return ValueTask.CompletedTask;
            });

    public void Delete(string key) => _writer.DeleteDocuments(new Term(SearchFields.Id, key));

    public void DeleteAll() => _writer.DeleteAll();

    /// <summary>
    /// Makes the changes durable together with the cursor, then visible to new searches; a rebuild gives the generation it
    /// was built under.
    /// </summary>
    public void Commit(long appliedOutboxId, int? generation = null)
    {
        var built = generation ?? Generation;
        _writer.SetCommitData(new Dictionary<string, string>
        {
            [CursorKey] = appliedOutboxId.ToString(CultureInfo.InvariantCulture),
            [GenerationKey] = built.ToString(CultureInfo.InvariantCulture),
            [SchemaKey] = Schema,
        });
        _writer.Commit();
        AppliedOutboxId = appliedOutboxId;
        Generation = built;
        NeedsRebuild = false;
        _searchers.MaybeRefreshBlocking();
        Interlocked.Increment(ref _changes);
    }

    public T Search<T>(Func<IndexSearcher, T> search)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        // Uncommitted changes are rolled back: the cursor was not moved for them, so the outbox replays them.
        _writer.Rollback();
        _directory.Dispose();
        HitTexts.Dispose();
    }
}
