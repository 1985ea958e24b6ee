using System.Buffers;
using System.Numerics;
using Lucene.Net.Util;

namespace CchcSite.Content.Search;

/// <summary>
/// A small sum per document of a segment, kept as bit slices: bit <c>j</c> of the sums of 64 documents in one machine
/// word. Adding a weight to every document of a set is then a few operations per 64 documents instead of one per
/// document, which matters when a word is in nearly every post. The buffers come from a pool; dispose returns them.
/// </summary>
/// <remarks>
/// The sets added are summed when the sums are first read, a block of 64 documents at a time as needed: a
/// <see cref="Split"/> (the best hits of a segment) sums the sparse sets over every document and the dense ones only in
/// the blocks holding a document that can still reach the best. A long query weighs some
/// 30 sets over every match, and only a page of them is wanted.
/// </remarks>
internal sealed class SlicedSums : IDisposable
{
    /// <summary>Sums up to 2^12 − 1; more is never reached (a query has at most 200 characters).</summary>
    private const int Slices = 12;

    private readonly long[] _slices;
    private readonly int _blocks;
    private readonly List<Addend> _addends = [];
    /// <summary>Per block, how many of the sets (in the order of <see cref="_addends"/>) its sums hold.</summary>
    private readonly int[] _summed;
    /// <summary>How many slices can be non-zero: enough for the sum of every weight added.</summary>
    private int _used;
    private int _maximum;
    private bool _read;

    public SlicedSums(int maxDoc)
    {
        _blocks = (maxDoc + 63) >> 6;
        _slices = ArrayPool<long>.Shared.Rent(_blocks * Slices);
        Array.Clear(_slices, 0, _blocks * Slices);
        _summed = ArrayPool<int>.Shared.Rent(_blocks);
        Array.Clear(_summed, 0, _blocks);
    }

    /// <summary>Adds <paramref name="weight"/> to each document in <paramref name="bits"/> (and in <paramref name="within"/> if given).</summary>
    /// <remarks>The sets are read when the sums are, so they must not change until then; nothing is added after a read.</remarks>
    public void Add(FixedBitSet bits, FixedBitSet? within, int weight)
    {
        if (_read)
            throw new InvalidOperationException("The sums were already read.");
        var (words, limit) = (bits.GetBits(), within?.GetBits());
        _addends.Add(new Addend(words, limit, Math.Min(_blocks, Math.Min(words.Length, limit?.Length ?? int.MaxValue)), weight));
        _maximum += weight;
        _used = Math.Min(Slices, 32 - BitOperations.LeadingZeroCount((uint)_maximum));
    }

    /// <summary>The documents whose sum is at least <paramref name="minimum"/>.</summary>
    public FixedBitSet AtLeast(int minimum, int maxDoc)
    {
        SumAll();
        var result = new FixedBitSet(maxDoc);
        var words = result.GetBits();
        for (var i = 0; i < Math.Min(_blocks, words.Length); i++)
            words[i] = BlockAtLeast(i, minimum);
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
    /// <remarks>
    /// On a first read, only the blocks that can hold such a document are summed whole (max-score pruning): the sets
    /// fewer than half the matches are in are summed everywhere; the blocks of the <paramref name="count"/> best by
    /// those are summed whole, which gives a floor for the <paramref name="count"/>-th highest sum; then only the blocks
    /// where a match's partial sum plus the weight of every dense set can still reach that floor are summed whole.
    /// </remarks>
    public (FixedBitSet Above, FixedBitSet AtThreshold) Split(FixedBitSet matches, int count, int maxDoc)
    {
        var matchWords = matches.GetBits();
        var blocks = Math.Min(_blocks, matchWords.Length);
        if (_read)
            SumAll();
        else
            SumWhereReachable(matchWords, blocks, count);
        var (above, equal) = (new FixedBitSet(maxDoc), new FixedBitSet(maxDoc));
        var equalWords = equal.GetBits();
        // A block not summed whole holds no document that can reach the threshold.
        for (var i = 0; i < blocks; i++)
            equalWords[i] = _summed[i] == _addends.Count ? matchWords[i] : 0;
        Select(equalWords, above.GetBits(), blocks, count);
        return (above, equal);
    }

    private void SumWhereReachable(long[] matchWords, int blocks, int count)
    {
        _read = true;
        // The sets that most matches are in ("cải cách" in a reform post) cost the most to add and tell the matches apart
        // the least: they are left for the blocks that can reach the best. The sparser ones (a word in the title) are
        // cheap to add everywhere, and a match without them is out of reach of one with them.
        var matching = 0L;
        for (var i = 0; i < blocks; i++)
            matching += BitOperations.PopCount((ulong)matchWords[i]);
        var byDensity = _addends.Select(addend => (Addend: addend, Dense: 2 * CountIn(addend, matchWords, blocks) >= matching)).ToList();
        _addends.Clear();
        _addends.AddRange(byDensity.Where(a => !a.Dense).Select(a => a.Addend));
        var everywhere = _addends.Count;
        _addends.AddRange(byDensity.Where(a => a.Dense).Select(a => a.Addend));
        var left = byDensity.Where(a => a.Dense).Sum(a => a.Addend.Weight);
        for (var a = 0; a < everywhere; a++)
            AddEverywhere(_addends[a]);
        for (var i = 0; i < _blocks; i++)
            _summed[i] = everywhere;
        if (everywhere == _addends.Count)
            return;

        // The best `count` by the sparse sets, summed whole: the `count`-th highest of their sums is a floor for the threshold.
        var best = new long[blocks];
        Array.Copy(matchWords, best, blocks);
        var above = new long[blocks];
        Select(best, above, blocks, count);
        for (var i = 0; i < blocks; i++)
            if ((best[i] | above[i]) != 0)
                SumWhole(i);
        var summed = new long[blocks];
        for (var i = 0; i < blocks; i++)
            summed[i] = _summed[i] == _addends.Count ? matchWords[i] : 0;
        var floor = Select(summed, null, blocks, count);

        // A document the rest cannot lift to the floor is out: its block need not be summed.
        var needed = Math.Max(0, floor - left);
        for (var i = 0; i < blocks; i++)
            if (_summed[i] != _addends.Count && (matchWords[i] & BlockAtLeast(i, needed)) != 0)
                SumWhole(i);
    }

    /// <summary>
    /// Narrows <paramref name="equalWords"/> to the documents with the <paramref name="count"/>-th highest sum among them,
    /// adds those above it to <paramref name="aboveWords"/>, and returns that sum.
    /// </summary>
    private int Select(long[] equalWords, long[]? aboveWords, int blocks, int count)
    {
        var (needed, threshold) = (count, 0);
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
                    if (aboveWords is not null)
                        aboveWords[i] |= equalWords[i] & slice;
                    equalWords[i] &= ~slice;
                }
            }
            if (thresholdHasBit)
                threshold |= 1 << j;
            else
                needed -= (int)withBit;
        }
        return threshold;
    }

    private static long CountIn(Addend addend, long[] matchWords, int blocks)
    {
        var count = 0L;
        for (var i = 0; i < Math.Min(blocks, addend.Blocks); i++)
            count += BitOperations.PopCount((ulong)(addend.Words[i] & (addend.Within is null ? ~0L : addend.Within[i]) & matchWords[i]));
        return count;
    }

    /// <summary>The documents of a block whose sum is at least <paramref name="minimum"/>.</summary>
    private long BlockAtLeast(int block, int minimum)
    {
        // Compare from the highest slice: "greater" once a slice has 1 where the minimum has 0 and all above were equal.
        var (greater, equal) = (0L, ~0L);
        for (var j = Slices - 1; j >= 0; j--)
        {
            var slice = _slices[block * Slices + j];
            if ((minimum >> j & 1) != 0)
                equal &= slice;
            else
            {
                greater |= equal & slice;
                equal &= ~slice;
            }
        }
        return greater | equal;
    }

    private void SumAll()
    {
        _read = true;
        for (var i = 0; i < _blocks; i++)
            SumWhole(i);
    }

    private void SumWhole(int block)
    {
        for (var a = _summed[block]; a < _addends.Count; a++)
            AddTo(block, _addends[a]);
        _summed[block] = _addends.Count;
    }

    /// <summary>Adds a set to every block, in one loop: most words of a sparse set are zero.</summary>
    private void AddEverywhere(in Addend addend)
    {
        var (words, within) = (addend.Words, addend.Within);
        for (var i = 0; i < addend.Blocks; i++)
        {
            var mask = words[i] & (within is null ? ~0L : within[i]);
            if (mask != 0)
                Ripple(i, mask, addend.Weight);
        }
    }

    private void AddTo(int block, in Addend addend)
    {
        if (block >= addend.Blocks)
            return;
        var mask = addend.Words[block] & (addend.Within is null ? ~0L : addend.Within[block]);
        if (mask != 0)
            Ripple(block, mask, addend.Weight);
    }

    /// <summary>Ripple-carry addition of the weight's set bits to the sums of one block, 64 documents at a time.</summary>
    private void Ripple(int block, long mask, int weight)
    {
        var at = block * Slices;
        for (var bit = 0; bit < Slices && weight >> bit != 0; bit++)
            if ((weight >> bit & 1) != 0)
                for (var (carry, j) = (mask, bit); carry != 0 && j < Slices; j++)
                {
                    var next = _slices[at + j] & carry;
                    _slices[at + j] ^= carry;
                    carry = next;
                }
    }

    public int this[int doc]
    {
        get
        {
            var block = doc >> 6;
            _read = true;
            if (_summed[block] != _addends.Count)
                SumWhole(block);
            var (at, shift) = (block * Slices, doc & 63);
            var sum = 0;
            for (var j = 0; j < _used; j++)
                sum |= (int)(_slices[at + j] >> shift & 1) << j;
            return sum;
        }
    }

    public void Dispose()
    {
        ArrayPool<long>.Shared.Return(_slices);
        ArrayPool<int>.Shared.Return(_summed);
    }

    /// <param name="Blocks">How many blocks the set (and its limit) cover.</param>
    private readonly record struct Addend(long[] Words, long[]? Within, int Blocks, int Weight);
}
