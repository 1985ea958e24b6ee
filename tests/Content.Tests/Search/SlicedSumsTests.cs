using CchcSite.Content.Search;
using Lucene.Net.Util;

namespace CchcSite.Content.Tests.Search;

/// <summary>The bit-sliced sums agree with a plain array of sums, document by document.</summary>
public class SlicedSumsTests
{
    private static readonly int[] Weights = [1, 2, 3, 4, 10, 15, 40];

    public static TheoryData<int, bool> Sizes()
    {
        var data = new TheoryData<int, bool>();
        foreach (var maxDoc in new[] { 1, 63, 64, 65, 1000, 5000 })
        {
            data.Add(maxDoc, false);
            data.Add(maxDoc, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Sums_and_minimums_match_a_naive_count(int maxDoc, bool withinSomeSets)
    {
        var random = new Random(maxDoc * 2 + (withinSomeSets ? 1 : 0));
        var expected = new int[maxDoc];
        using var sums = new SlicedSums(maxDoc);

        foreach (var weight in Weights)
        {
            var bits = RandomSet(random, maxDoc, density: random.NextDouble());
            // Every other set is limited to a third set, as a search limits its weights to the matching documents.
            var within = withinSomeSets && weight % 2 == 0 ? RandomSet(random, maxDoc, density: 0.5) : null;
            sums.Add(bits, within, weight);
            for (var doc = 0; doc < maxDoc; doc++)
                if (bits.Get(doc) && (within is null || within.Get(doc)))
                    expected[doc] += weight;
        }

        for (var doc = 0; doc < maxDoc; doc++)
            Assert.True(expected[doc] == sums[doc], $"document {doc} of {maxDoc}: expected {expected[doc]}, got {sums[doc]}");

        var largest = expected.Max();
        foreach (var minimum in new[] { 0, 1, 2, 3, 10, 15, 40, largest, largest + 1, Weights.Sum() + 1, 100 }.Distinct())
        {
            var atLeast = sums.AtLeast(minimum, maxDoc);
            var naive = Enumerable.Range(0, maxDoc).Where(doc => expected[doc] >= minimum).ToList();
            Assert.Equal(naive, SetDocs(atLeast));
            Assert.Equal(naive.Count, atLeast.Cardinality);
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void A_split_around_the_nth_highest_sum_agrees_with_sorting_the_sums(int maxDoc, bool sparseMatches)
    {
        var random = new Random(maxDoc * 7 + (sparseMatches ? 1 : 0));
        var matches = RandomSet(random, maxDoc, density: sparseMatches ? 0.2 : 0.9);
        var expected = new int[maxDoc];
        using var sums = new SlicedSums(maxDoc);
        foreach (var weight in Weights)
        {
            var bits = RandomSet(random, maxDoc, density: random.NextDouble());
            sums.Add(bits, matches, weight);
            for (var doc = 0; doc < maxDoc; doc++)
                if (bits.Get(doc) && matches.Get(doc))
                    expected[doc] += weight;
        }
        var matching = SetDocs(matches);
        var descending = matching.Select(doc => expected[doc]).OrderDescending().ToList();

        foreach (var count in new[] { 1, 2, 12, 100, 1000 }.Where(c => c < matching.Count))
        {
            var (above, tied) = sums.Split(matches, count, maxDoc);
            var threshold = descending[count - 1];
            Assert.Equal(matching.Where(doc => expected[doc] > threshold), SetDocs(above));
            Assert.Equal(matching.Where(doc => expected[doc] == threshold), SetDocs(tied));
            Assert.True(above.Cardinality < count && above.Cardinality + tied.Cardinality >= count);
        }
    }

    public static TheoryData<string> PrunedCases() => ["a few heavy documents", "many ties", "no heavy set"];

    /// <summary>
    /// A first split sums whole only the blocks that can hold one of the best documents; it must find what summing every
    /// block finds, whatever the shape of the sets: a few documents far above the rest (most blocks skipped), sums tied
    /// in their thousands, sets of equal weight.
    /// </summary>
    [Theory]
    [MemberData(nameof(PrunedCases))]
    public void A_first_split_finds_what_summing_every_block_finds(string shape)
    {
        const int maxDoc = 20_000;
        var random = new Random(shape.Length);
        var matches = RandomSet(random, maxDoc, density: 0.9);
        var (weights, densities) = shape switch
        {
            "a few heavy documents" => (new[] { 30, 20, 12, 6, 4, 3, 3, 2, 1, 1, 1, 1 }, new[] { 0.001, 0.002, 0.01, 0.5, 0.8, 0.8, 0.9, 0.9, 0.9, 0.9, 0.95, 0.95 }),
            "many ties" => (new[] { 12, 12, 4, 4, 1, 1 }, new[] { 0.99, 0.99, 0.99, 0.99, 0.99, 0.99 }),
            _ => (Enumerable.Repeat(3, 10).ToArray(), Enumerable.Repeat(0.5, 10).ToArray()),
        };
        var sets = densities.Select(density => RandomSet(random, maxDoc, density)).ToList();
        var limited = weights.Zip(sets, (weight, bits) => (weight, bits)).ToList();

        foreach (var count in new[] { 1, 12, 13, 100, 1000 })
        {
            using var pruned = new SlicedSums(maxDoc);
            using var whole = new SlicedSums(maxDoc);
            foreach (var (weight, bits) in limited)
            {
                pruned.Add(bits, matches, weight);
                whole.Add(bits, matches, weight);
            }
            // Reading every sum first sums every block.
            var sums = Enumerable.Range(0, maxDoc).Select(doc => whole[doc]).ToArray();
            var threshold = SetDocs(matches).Select(doc => sums[doc]).OrderDescending().ElementAt(count - 1);

            var (above, tied) = pruned.Split(matches, count, maxDoc);

            Assert.Equal(SetDocs(matches).Where(doc => sums[doc] > threshold), SetDocs(above));
            Assert.Equal(SetDocs(matches).Where(doc => sums[doc] == threshold), SetDocs(tied));
            Assert.All(SetDocs(above).Concat(SetDocs(tied)), doc => Assert.Equal(sums[doc], pruned[doc]));
            Assert.Equal(whole.Split(matches, count, maxDoc).Above.GetBits(), above.GetBits());
        }
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(0, 40)];

    /// <summary>
    /// Random queries of 1 to 60 sets of any weight, from a few documents to nearly all of them (as a long query over
    /// reform posts): the first split, which adds most sets only where the best can still be, finds exactly what a
    /// plain sort of every match's sum finds, and the sums it reads are exact.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_first_split_of_random_sets_agrees_with_sorting_every_sum(int seed)
    {
        var random = new Random(seed);
        var maxDoc = random.Next(200, 12_000);
        var matches = RandomSet(random, maxDoc, density: 0.3 + 0.7 * random.NextDouble());
        var sets = Enumerable.Range(0, random.Next(1, 61)).Select(_ =>
        {
            // A third rare (a title phrase, a year), a third in between, a third in nearly every post.
            var density = random.Next(3) switch
            {
                0 => 0.02 * random.NextDouble(),
                1 => 0.05 + 0.45 * random.NextDouble(),
                _ => 0.5 + 0.5 * random.NextDouble(),
            };
            return (Weight: random.Next(1, 41), Bits: RandomSet(random, maxDoc, density));
        }).ToList();
        AssertFirstSplitsAsSortingEverySum(maxDoc, matches, sets);
    }

    /// <summary>
    /// A long query over a large segment (as at a million posts): some 60 sets, a few in one post in fifty, most in a
    /// fair share, some in nearly every post, and a handful of documents in nearly all of them. The first split orders
    /// the sets, takes a floor from a sample of the blocks and adds most sets only where the best can still be; it must
    /// find what a plain sort of every match's sum finds — also when the matches are too few for the sample to give a
    /// floor.
    /// </summary>
    [Theory]
    [InlineData(0.999, 0)]
    [InlineData(0.999, 1)]
    [InlineData(0.3, 2)]
    [InlineData(0.0004, 3)]
    public void A_long_query_over_a_large_segment_splits_as_sorting_every_sum(double matchDensity, int seed)
    {
        const int maxDoc = 100_000;
        var random = new Random(seed);
        var matches = RandomSet(random, maxDoc, matchDensity);
        var best = Enumerable.Range(0, 40).Select(_ => random.Next(maxDoc)).ToList();
        var sets = Enumerable.Range(0, 58).Select(i =>
        {
            var bits = RandomSet(random, maxDoc, (i % 3) switch
            {
                0 => 0.005 + 0.05 * random.NextDouble(),
                1 => 0.1 + 0.3 * random.NextDouble(),
                _ => 0.5 + 0.49 * random.NextDouble(),
            });
            foreach (var doc in best.Where(_ => random.Next(10) > 0))
                bits.Set(doc);
            return (Weight: random.Next(1, 21), Bits: bits);
        }).ToList();
        AssertFirstSplitsAsSortingEverySum(maxDoc, matches, sets);
    }

    [Fact]
    public void Adding_one_set_again_and_again_carries_into_higher_slices()
    {
        const int maxDoc = 130;
        var bits = new FixedBitSet(maxDoc);
        foreach (var doc in new[] { 0, 63, 64, 127, 129 })
            bits.Set(doc);
        using var sums = new SlicedSums(maxDoc);

        for (var i = 0; i < 50; i++)
            sums.Add(bits, null, 40);

        Assert.Equal(2000, sums[129]);
        Assert.Equal(0, sums[128]);
        Assert.Equal([0, 63, 64, 127, 129], SetDocs(sums.AtLeast(2000, maxDoc)));
        Assert.Empty(SetDocs(sums.AtLeast(2001, maxDoc)));
    }

    [Fact]
    public void A_minimum_of_zero_takes_every_document_and_none_past_the_end()
    {
        const int maxDoc = 70;
        using var sums = new SlicedSums(maxDoc);
        sums.Add(new FixedBitSet(maxDoc), null, 3);

        var all = sums.AtLeast(0, maxDoc);

        Assert.Equal(maxDoc, all.Cardinality);
        Assert.Equal(Enumerable.Range(0, maxDoc), SetDocs(all));
    }

    /// <summary>
    /// A first split around the 1st, 12th, 13th and 100th highest sum finds what a plain sort of every match's sum finds,
    /// and the sums it reads are exact.
    /// </summary>
    private static void AssertFirstSplitsAsSortingEverySum(int maxDoc, FixedBitSet matches, List<(int Weight, FixedBitSet Bits)> sets)
    {
        var expected = new int[maxDoc];
        foreach (var (weight, bits) in sets)
            foreach (var doc in SetDocs(bits))
                if (matches.Get(doc))
                    expected[doc] += weight;
        var matching = SetDocs(matches);

        foreach (var count in new[] { 1, 12, 13, 100 }.Where(c => c < matching.Count))
        {
            using var sums = new SlicedSums(maxDoc);
            foreach (var (weight, bits) in sets)
                sums.Add(bits, matches, weight);
            var threshold = matching.Select(doc => expected[doc]).OrderDescending().ElementAt(count - 1);

            var (above, tied) = sums.Split(matches, count, maxDoc);

            Assert.Equal(matching.Where(doc => expected[doc] > threshold), SetDocs(above));
            Assert.Equal(matching.Where(doc => expected[doc] == threshold), SetDocs(tied));
            Assert.All(SetDocs(above).Concat(SetDocs(tied)), doc => Assert.Equal(expected[doc], sums[doc]));
        }
    }

    private static FixedBitSet RandomSet(Random random, int maxDoc, double density)
    {
        var bits = new FixedBitSet(maxDoc);
        for (var doc = 0; doc < maxDoc; doc++)
            if (random.NextDouble() < density)
                bits.Set(doc);
        return bits;
    }

    private static List<int> SetDocs(FixedBitSet bits)
    {
        var docs = new List<int>();
        for (var doc = bits.NextSetBit(0); doc >= 0; doc = doc + 1 < bits.Length ? bits.NextSetBit(doc + 1) : -1)
            docs.Add(doc);
        return docs;
    }
}
