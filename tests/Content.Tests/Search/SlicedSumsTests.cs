using CchcSite.Content.Search;
using Lucene.Net.Util;

namespace CchcSite.Content.Tests.Search;

public class SlicedSumsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(1000)]
    [InlineData(5000)]
    public void Sums_and_thresholds_equal_a_plain_count_per_document(int maxDoc)
    {
        var random = new Random(maxDoc);
        var expected = new int[maxDoc];
        using var sums = new SlicedSums(maxDoc);
        foreach (var weight in new[] { 1, 2, 3, 4, 10, 15, 40, 40, 15 })
        {
            var bits = RandomSet(random, maxDoc);
            var within = random.Next(2) == 0 ? RandomSet(random, maxDoc) : null;
            sums.Add(bits, within, weight);
            for (var doc = 0; doc < maxDoc; doc++)
                if (bits.Get(doc) && within?.Get(doc) != false)
                    expected[doc] += weight;
        }

        Assert.Equal(expected, Enumerable.Range(0, maxDoc).Select(doc => sums[doc]));
        foreach (var minimum in new[] { 0, 1, 3, 17, 40, 60, expected.Max(), expected.Max() + 1 })
        {
            var atLeast = sums.AtLeast(minimum, maxDoc);
            Assert.Equal(Enumerable.Range(0, maxDoc).Where(doc => expected[doc] >= minimum), Enumerable.Range(0, maxDoc).Where(atLeast.Get));
            Assert.Equal(expected.Count(sum => sum >= minimum), atLeast.Cardinality);
        }
    }

    private static FixedBitSet RandomSet(Random random, int maxDoc)
    {
        var bits = new FixedBitSet(maxDoc);
        for (var doc = 0; doc < maxDoc; doc++)
            if (random.Next(3) != 0)
                bits.Set(doc);
        return bits;
    }
}
