namespace CchcSite.Content.Search;

/// <summary>Counts the matching posts by kind and by unit, and the matching documents of the other sources apart (the Facet package is not available).</summary>
internal sealed class HitCounts
{
    // Kinds and unit ids are small numbers, so counting into arrays indexed by them beats a dictionary per hit.
    private int[] _kinds = new int[8];
    private int[] _units = new int[64];

    public IReadOnlyDictionary<long, int> Kinds => NonZero(_kinds);
    public IReadOnlyDictionary<long, int> Units => NonZero(_units);
    /// <summary>Matching documents of the other sources by their (negative) kind value: questions, procedures.</summary>
    public Dictionary<long, int> Others { get; } = [];
    public int Questions => Others.GetValueOrDefault(QuestionSearchDocument.KindValue);

    /// <summary>Counts the document; returns its kind.</summary>
    public int Count(SegmentValues values, int doc)
    {
        var kind = values.Kind[doc];
        if (kind < 0)
        {
            Others[kind] = Others.GetValueOrDefault(kind) + 1;
            return kind;
        }
        Add(ref _kinds, kind);
        Add(ref _units, values.Unit[doc]);
        return kind;
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
