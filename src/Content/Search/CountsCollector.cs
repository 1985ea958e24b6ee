using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CchcSite.Content.Search;

/// <summary>Counts every matching document by kind and by unit (the Facet package is not available).</summary>
internal sealed class CountsCollector : ICollector
{
    // Kinds and unit ids are small numbers, so counting into arrays indexed by them beats a dictionary per hit.
    private int[] _kinds = new int[8];
    private int[] _units = new int[64];
    private SegmentValues? _values;

    public IReadOnlyDictionary<long, int> Kinds => NonZero(_kinds);
    public IReadOnlyDictionary<long, int> Units => NonZero(_units);

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context) => _values = SegmentValues.Of(context.AtomicReader);

    public void Collect(int doc)
    {
        Count(ref _kinds, _values!.Kind[doc]);
        Count(ref _units, _values.Unit[doc]);
    }

    private static void Count(ref int[] counts, int value)
    {
        if (value < 0)
            return;
        if (value >= counts.Length)
            Array.Resize(ref counts, Math.Max(value + 1, counts.Length * 2));
        counts[value]++;
    }

    private static Dictionary<long, int> NonZero(int[] counts)
    {
        var result = new Dictionary<long, int>();
        for (var i = 0; i < counts.Length; i++)
            if (counts[i] > 0)
                result[i] = counts[i];
        return result;
    }
}
