using System.Numerics;
using Lucene.Net.Util;

namespace CchcSite.Content.Search;

/// <summary>
/// A segment's documents by kind and by unit, as a set per value: a search that matches most of a segment then counts
/// its hits by kind and unit, and keeps those of the chosen units, with one AND and count of bits per value, 64 documents
/// a machine word, instead of reading the values of every matching document.
/// </summary>
/// <remarks>
/// Kinds are few (the post kinds and the other sources). Units are kept as sets only when the segment holds at most
/// <see cref="MaxUnits"/> of them (<see cref="Units"/> is null otherwise): a set costs a bit per document, so at most 16
/// bytes a document in all; whether a search counts on the sets or document by document is decided per search by how
/// many hits it has (<see cref="HitCounts"/>).
/// </remarks>
internal sealed class ValueSets
{
    private const int MaxUnits = 128;

    public ValueSets(int[] kinds, int[] units)
    {
        var maxDoc = kinds.Length;
        Posts = new FixedBitSet(maxDoc);
        var unitSets = new Dictionary<int, FixedBitSet>();
        for (var doc = 0; doc < maxDoc; doc++)
        {
            var kind = kinds[doc];
            SetOf(Kinds, kind, maxDoc).Set(doc);
            if (kind >= 0)
                Posts.Set(doc);
            // A unit choice keeps the other sources' documents of the unit too, so they are in its set; counting by
            // unit counts the posts alone (HitCounts). A document without a unit (-1) is in no unit.
            if (unitSets is not null && units[doc] >= 0)
            {
                SetOf(unitSets, units[doc], maxDoc).Set(doc);
                if (unitSets.Count > MaxUnits)
                    unitSets = null;
            }
        }
        Units = unitSets;
    }

    /// <summary>The documents of each kind value, the other sources' negative ones included.</summary>
    public Dictionary<int, FixedBitSet> Kinds { get; } = [];

    /// <summary>The documents of each unit (posts and other documents alike), or null when the segment holds too many units.</summary>
    public Dictionary<int, FixedBitSet>? Units { get; }

    /// <summary>The posts: documents of a kind of zero or more.</summary>
    public FixedBitSet Posts { get; }

    /// <summary>How many sets a count over them reads.</summary>
    public int Count => Kinds.Count + (Units?.Count ?? 0);

    /// <summary>How many documents are in all three sets.</summary>
    public static int CountAll(FixedBitSet first, FixedBitSet second, FixedBitSet third)
    {
        var (a, b, c) = (first.GetBits(), second.GetBits(), third.GetBits());
        var count = 0L;
        for (var i = Math.Min(a.Length, Math.Min(b.Length, c.Length)) - 1; i >= 0; i--)
            count += BitOperations.PopCount((ulong)(a[i] & b[i] & c[i]));
        return (int)count;
    }

    private static FixedBitSet SetOf(Dictionary<int, FixedBitSet> sets, int value, int maxDoc)
    {
        if (!sets.TryGetValue(value, out var set))
            sets[value] = set = new FixedBitSet(maxDoc);
        return set;
    }
}
