using System.Buffers;
using System.Numerics;
using Lucene.Net.Util;

namespace CchcSite.Content.Search;

/// <summary>
/// A small sum per document of a segment, kept as bit slices: bit <c>j</c> of the sums of 64 documents in one machine
/// word. Adding a weight to every document of a set is then a few operations per 64 documents instead of one per
/// document, which matters when a word is in nearly every post. The buffer comes from a pool; dispose returns it.
/// </summary>
internal sealed class SlicedSums : IDisposable
{
    /// <summary>Sums up to 2^12 − 1; more is never reached (a query has at most 200 characters).</summary>
    private const int Slices = 12;

    private readonly long[] _slices;
    private readonly int _blocks;
    /// <summary>How many slices can be non-zero: enough for the sum of every weight added.</summary>
    private int _used;
    private int _maximum;

    public SlicedSums(int maxDoc)
    {
        _blocks = (maxDoc + 63) >> 6;
        _slices = ArrayPool<long>.Shared.Rent(_blocks * Slices);
        Array.Clear(_slices, 0, _blocks * Slices);
    }

    /// <summary>Adds <paramref name="weight"/> to each document in <paramref name="bits"/> (and in <paramref name="within"/> if given).</summary>
    public void Add(FixedBitSet bits, FixedBitSet? within, int weight)
    {
        var (words, limit) = (bits.GetBits(), within?.GetBits());
        var blocks = Math.Min(_blocks, Math.Min(words.Length, limit?.Length ?? int.MaxValue));
        _maximum += weight;
        _used = Math.Min(Slices, 32 - BitOperations.LeadingZeroCount((uint)_maximum));
        for (var i = 0; i < blocks; i++)
        {
            var mask = words[i] & (limit is null ? ~0L : limit[i]);
            if (mask == 0)
                continue;
            var at = i * Slices;
            // Ripple-carry addition of the weight's set bits, 64 documents at a time.
            for (var bit = 0; bit < Slices && weight >> bit != 0; bit++)
                if ((weight >> bit & 1) != 0)
                    for (var (carry, j) = (mask, bit); carry != 0 && j < Slices; j++)
                    {
                        var next = _slices[at + j] & carry;
                        _slices[at + j] ^= carry;
                        carry = next;
                    }
        }
    }

    /// <summary>The documents whose sum is at least <paramref name="minimum"/>.</summary>
    public FixedBitSet AtLeast(int minimum, int maxDoc)
    {
        var result = new FixedBitSet(maxDoc);
        var words = result.GetBits();
        for (var i = 0; i < Math.Min(_blocks, words.Length); i++)
        {
            // Compare from the highest slice: "greater" once a slice has 1 where the minimum has 0 and all above were equal.
            var (greater, equal) = (0L, ~0L);
            for (var j = Slices - 1; j >= 0; j--)
            {
                var slice = _slices[i * Slices + j];
                if ((minimum >> j & 1) != 0)
                    equal &= slice;
                else
                {
                    greater |= equal & slice;
                    equal &= ~slice;
                }
            }
            words[i] = greater | equal;
        }
        // Bits past maxDoc in the last word are zero in every slice, so they only pass for a minimum of 0.
        if (minimum == 0 && (maxDoc & 63) != 0)
            words[^1] &= (1L << (maxDoc & 63)) - 1;
        return result;
    }

    /// <summary>
    /// Splits the documents of <paramref name="matches"/> (more than <paramref name="count"/> of them) around the
    /// <paramref name="count"/>-th highest sum: those above it, fewer than <paramref name="count"/>, and those equal to
    /// it. A radix select over the slices, from the highest: per slice one count of bits and one narrowing, 64 documents
    /// a machine word, instead of reading every matching document's sum to offer it to a queue.
    /// </summary>
    public (FixedBitSet Above, FixedBitSet AtThreshold) Split(FixedBitSet matches, int count, int maxDoc)
    {
        var (above, equal) = (new FixedBitSet(maxDoc), matches.Clone());
        var (aboveWords, equalWords) = (above.GetBits(), equal.GetBits());
        var blocks = Math.Min(_blocks, equalWords.Length);
        Array.Clear(equalWords, blocks, equalWords.Length - blocks);
        var needed = count;
        for (var j = _used - 1; j >= 0; j--)
        {
            var withBit = 0L;
            for (var i = 0; i < blocks; i++)
                withBit += BitOperations.PopCount((ulong)(equalWords[i] & _slices[i * Slices + j]));
            // Enough documents have this bit: the threshold has it, the others fall below. Too few: they are all above it.
            var thresholdHasBit = withBit >= needed;
            for (var i = 0; i < blocks; i++)
            {
                var slice = _slices[i * Slices + j];
                if (thresholdHasBit)
                    equalWords[i] &= slice;
                else
                {
                    aboveWords[i] |= equalWords[i] & slice;
                    equalWords[i] &= ~slice;
                }
            }
            if (!thresholdHasBit)
                needed -= (int)withBit;
        }
        return (above, equal);
    }

    public int this[int doc]
    {
        get
        {
            var (at, shift) = ((doc >> 6) * Slices, doc & 63);
            var sum = 0;
            for (var j = 0; j < _used; j++)
                sum |= (int)(_slices[at + j] >> shift & 1) << j;
            return sum;
        }
    }

    public void Dispose() => ArrayPool<long>.Shared.Return(_slices);
}
