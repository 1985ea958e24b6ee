namespace CchcSite.Content.Search;

/// <summary>Counts the matching posts by kind and by unit, and the matching questions apart (the Facet package is not available).</summary>
internal sealed class HitCounts
{
    // Kinds and unit ids are small numbers, so counting into arrays indexed by them beats a dictionary per hit.
    private int[] _kinds = new int[8];
    private int[] _units = new int[64];

    public IReadOnlyDictionary<long, int> Kinds => NonZero(_kinds);
    public IReadOnlyDictionary<long, int> Units => NonZero(_units);
    public int Questions { get; private set; }

    /// <summary>Counts the document; true when it is a question.</summary>
    public bool Count(SegmentValues values, int doc)
    {
        var kind = values.Kind[doc];
        if (kind == QuestionSearchDocument.KindValue)
        {
            Questions++;
            return true;
        }
        Add(ref _kinds, kind);
        Add(ref _units, values.Unit[doc]);
        return false;
    }

    private static void Add(ref int[] counts, int value)
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
