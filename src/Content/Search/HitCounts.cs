using Lucene.Net.Util;

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

    /// <summary>Counts the documents of <paramref name="matches"/> (<paramref name="found"/> of them) of one segment.</summary>
    /// <remarks>
    /// Many matches are counted on the segment's sets per kind and unit, a count of bits per set; few, or a segment of
    /// too many units, document by document.
    /// </remarks>
    public void Count(SegmentValues values, FixedBitSet matches, int found)
    {
        var sets = values.Sets;
        if (sets.Units is not { } units || (long)found * DocumentsPerSetWord < (long)sets.Count * matches.GetBits().Length)
        {
            foreach (var doc in MatchPlan.Docs(matches))
                Count(values, doc);
            return;
        }
        var others = 0;
        foreach (var (kind, set) in sets.Kinds)
            if ((int)FixedBitSet.IntersectionCount(matches, set) is var count and > 0)
            {
                if (kind < 0)
                {
                    Others[kind] = Others.GetValueOrDefault(kind) + count;
                    others += count;
                }
                else
                    Add(ref _kinds, kind, count);
            }
        foreach (var (unit, set) in units)
            Add(ref _units, unit, others > 0 ? ValueSets.CountAll(matches, sets.Posts, set) : (int)FixedBitSet.IntersectionCount(matches, set));
    }

    /// <summary>
    /// Adds another segment's counts. Merged in the segments' order, the counts are those of counting the segments one
    /// after another, and the other sources' kinds are in the same order: each first seen in the first segment holding it.
    /// </summary>
    public void Add(HitCounts other)
    {
        AddAll(ref _kinds, other._kinds);
        AddAll(ref _units, other._units);
        foreach (var (kind, count) in other.Others)
            Others[kind] = Others.GetValueOrDefault(kind) + count;
    }

    private static void AddAll(ref int[] counts, int[] other)
    {
        for (var value = 0; value < other.Length; value++)
            Add(ref counts, value, other[value]);
    }

    /// <summary>
    /// Counting a set costs about one machine word of it per this many documents counted one by one (an AND and a count
    /// of bits against reading a document's kind and unit).
    /// </summary>
    private const int DocumentsPerSetWord = 4;

    /// <summary>Counts the document.</summary>
    private void Count(SegmentValues values, int doc)
    {
        var kind = values.Kind[doc];
        if (kind < 0)
        {
            Others[kind] = Others.GetValueOrDefault(kind) + 1;
            return;
        }
        Add(ref _kinds, kind, 1);
        Add(ref _units, values.Unit[doc], 1);
    }

    private static void Add(ref int[] counts, int value, int count)
    {
        if (value < 0 || count == 0)
            return;
        if (value >= counts.Length)
            Array.Resize(ref counts, Math.Max(value + 1, counts.Length * 2));
        counts[value] += count;
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
