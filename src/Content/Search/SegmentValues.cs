using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace CchcSite.Content.Search;

/// <summary>
/// The per-post numbers that every search reads on every matching document (publication window, kind, unit),
/// copied once per index segment into plain arrays. Reading them from doc values through Lucene's packed readers
/// was about 40 % of query time in a profile; a segment never changes, so the arrays live as long as it does.
/// </summary>
internal sealed class SegmentValues
{
    private static readonly ConditionalWeakTable<object, SegmentValues> BySegment = new();

    private SegmentValues(AtomicReader reader)
    {
        var count = reader.MaxDoc;
        PublishAt = Load(reader.GetNumericDocValues(SearchFields.PublishAt), count, long.MaxValue);
        UnpublishAt = Load(reader.GetNumericDocValues(SearchFields.UnpublishAt), count, long.MaxValue);
        Kind = Array.ConvertAll(Load(reader.GetNumericDocValues(SearchFields.Kind), count, -1), v => (int)v);
        Unit = Array.ConvertAll(Load(reader.GetNumericDocValues(SearchFields.Unit), count, -1), v => (int)v);
    }

    public long[] PublishAt { get; }
    public long[] UnpublishAt { get; }
    public int[] Kind { get; }
    public int[] Unit { get; }

    public static SegmentValues Of(AtomicReader reader) => BySegment.GetValue(reader.CoreCacheKey, _ => new SegmentValues(reader));

    private int[]? _newestFirst;
    private ValueSets? _sets;

    /// <summary>The documents by kind and by unit, built once when a search first needs them.</summary>
    public ValueSets Sets => _sets ??= new ValueSets(Kind, Unit);

    /// <summary>
    /// The segment's documents newest first (by publication time, then by document number), sorted once when a search
    /// first needs it: the newest few of a large set are then found by walking this order, not by queueing the whole set.
    /// </summary>
    private int[] NewestFirst => _newestFirst ??= SortNewestFirst(PublishAt);

    /// <summary>
    /// Documents of <paramref name="set"/> (<paramref name="setCount"/> of them) among which are its <paramref name="wanted"/>
    /// newest: the whole set when it is small, else exactly those, found in <see cref="NewestFirst"/> order.
    /// </summary>
    public IReadOnlyList<int> NewestIn(FixedBitSet set, int setCount, int wanted)
    {
        // A sparse set is read as it is; a dense one holds a wanted document about every maxDoc / setCount steps of the order.
        if (setCount <= wanted || (long)setCount * SparseRatio <= PublishAt.Length)
        {
            var all = new List<int>(setCount);
            foreach (var doc in MatchPlan.Docs(set))
                all.Add(doc);
            return all;
        }
        var newest = new List<int>(wanted);
        foreach (var doc in NewestFirst)
        {
            if (!set.Get(doc))
                continue;
            newest.Add(doc);
            if (newest.Count == wanted)
                break;
        }
        return newest;
    }

    private const int SparseRatio = 64;

    private static int[] SortNewestFirst(long[] publishAt)
    {
        var docs = new int[publishAt.Length];
        var keys = new long[publishAt.Length];
        for (var doc = 0; doc < docs.Length; doc++)
            (docs[doc], keys[doc]) = (doc, -publishAt[doc]);
        Array.Sort(keys, docs);
        // The sort is not stable: documents published at the same moment go back to document order, as the queue orders them.
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
                end++;
            if (end - start > 1)
                Array.Sort(docs, start, end - start);
            start = end;
        }
        return docs;
    }

    /// <summary>A segment written without a field (none is, today) reads as <paramref name="missing"/>.</summary>
    private static long[] Load(NumericDocValues? values, int count, long missing)
    {
        var array = new long[count];
        for (var doc = 0; doc < count; doc++)
            array[doc] = values?.Get(doc) ?? missing;
        return array;
    }
}
