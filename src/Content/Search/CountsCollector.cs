using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CchcSite.Content.Search;

/// <summary>Counts every matching post by kind and by unit, and the matching questions apart (the Facet package is not available).</summary>
internal sealed class CountsCollector : ICollector
{
    // Kinds and unit ids are small numbers, so counting into arrays indexed by them beats a dictionary per hit.
    private int[] _kinds = new int[8];
    private int[] _units = new int[64];
    private SegmentValues? _values;

    public IReadOnlyDictionary<long, int> Kinds => NonZero(_kinds);
    public IReadOnlyDictionary<long, int> Units => NonZero(_units);
    public int Questions { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context) => _values = SegmentValues.Of(context.AtomicReader);

    public void Collect(int doc)
    {
        if (_values!.Kind[doc] == QuestionSearchDocument.KindValue)
        {
            Questions++;
            return;
        }
        Count(ref _kinds, _values.Kind[doc]);
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

/// <summary>Passes posts on to the hits and leaves out the questions a post search only counts.</summary>
internal sealed class PostsOnlyCollector(ICollector hits) : ICollector
{
    private SegmentValues? _values;

    public bool AcceptsDocsOutOfOrder => hits.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => hits.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        _values = SegmentValues.Of(context.AtomicReader);
        hits.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (_values!.Kind[doc] != QuestionSearchDocument.KindValue)
            hits.Collect(doc);
    }
}
