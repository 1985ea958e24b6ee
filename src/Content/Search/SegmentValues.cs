using System.Runtime.CompilerServices;
using Lucene.Net.Index;

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

    /// <summary>A segment written without a field (none is, today) reads as <paramref name="missing"/>.</summary>
    private static long[] Load(NumericDocValues? values, int count, long missing)
    {
        var array = new long[count];
        for (var doc = 0; doc < count; doc++)
            array[doc] = values?.Get(doc) ?? missing;
        return array;
    }
}
