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
/// <see cref="Split"/> (the best hits of a segment) sums the sets in few blocks over every document and the others one
/// at a time, each only in the blocks holding a document that can still reach the best. A long query weighs some 50 sets
/// over nearly every post, and only a page of them is wanted.
/// </remarks>
internal sealed class SlicedSums : IDisposable
{
    /// <summary>Sums up to 2^12 − 1; more is never reached (a query has at most 200 characters).</summary>
    private const int Slices = 12;
    /// <summary>A set in at most one in this many of the blocks holding a match is cheap enough to add to every block.</summary>
    private const int CheapShare = 8;
    /// <summary>While sets are added one at a time, the floor is raised after the 1st, 2nd, 4th and then every 4th.</summary>
    private const int RaiseEvery = 4;

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
    /// On a first read, only the blocks that can hold such a document are summed whole (max-score pruning, a block of 64
    /// documents at a time): the sets in few blocks are summed everywhere; some <paramref name="count"/> likely best
    /// matches are summed whole, which gives a floor for the <paramref name="count"/>-th highest sum; the other sets are
    /// then added one at a time, each only to the blocks where a match's sum so far plus the weight of every set not yet
    /// added can still reach that floor, and the floor is raised now and then from the best of those blocks.
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
        // Adding a set costs a ripple-carry add per block where it holds a match. A set in few blocks (a rare word, a
        // phrase in the title) is cheap to add everywhere, and a match without it is often out of reach of one with it.
        // The others ("cải cách" in a reform post, or a word in a tenth of the posts, which is still in nearly every
        // block of 64) are added one at a time, each only to the blocks that can still reach the best.
        var matchBlocks = 0;
        for (var i = 0; i < blocks; i++)
            if (matchWords[i] != 0)
                matchBlocks++;
        var counted = _addends.Select(addend => (Addend: addend, Count: CountIn(addend, matchWords, blocks))).ToList();
        var cheap = counted.Where(a => a.Count.Blocks * CheapShare <= matchBlocks).Select(a => a.Addend).ToList();
        // In the order that lowers the bound of the matches the most: a set's weight times the matches not in it is how
        // much the reachable sums fall, in all, once it is added.
        var matching = matchWords.Take(blocks).Sum(word => (long)BitOperations.PopCount((ulong)word));
        var rest = counted.Where(a => a.Count.Blocks * CheapShare > matchBlocks)
            .OrderByDescending(a => a.Addend.Weight * (matching - a.Count.Docs)).Select(a => a.Addend).ToList();
        _addends.Clear();
        _addends.AddRange(cheap);
        _addends.AddRange(rest);
        foreach (var addend in cheap)
            AddEverywhere(addend);
        for (var i = 0; i < _blocks; i++)
            _summed[i] = cheap.Count;
        if (rest.Count == 0)
            return;

        var floor = Floor(matchWords, blocks, count, rest);

        // A match whose sum so far plus every set not yet added stays below the floor is out, and stays out as sets are
        // added (its bound only falls); a block with no match left is not summed further.
        var left = rest.Sum(a => a.Weight);
        var reachable = ArrayPool<int>.Shared.Rent(blocks);
        var candidates = ArrayPool<long>.Shared.Rent(blocks);
        var kept = 0;
        for (var i = 0; i < blocks; i++)
            if (_summed[i] != _addends.Count && matchWords[i] != 0)
                reachable[kept++] = i;
        try
        {
            for (var a = cheap.Count; a < _addends.Count && kept > 0; a++)
            {
                // The sums so far tell the best apart better as more sets are in them: now and then, the best of the
                // blocks still in are summed whole, which can raise the floor.
                var added = a - cheap.Count;
                if (added > 0 && ((added & (added - 1)) == 0 || added % RaiseEvery == 0))
                {
                    Array.Clear(candidates, 0, blocks);
                    for (var k = 0; k < kept; k++)
                        candidates[reachable[k]] = matchWords[reachable[k]];
                    floor = Math.Max(floor, FloorFrom(candidates, matchWords, blocks, count));
                }
                var needed = floor - left;
                var still = 0;
                for (var k = 0; k < kept; k++)
                {
                    var i = reachable[k];
                    // Summed whole when the floor was raised, or out of reach of it.
                    if (_summed[i] == _addends.Count || needed > 0 && (matchWords[i] & BlockAtLeast(i, needed)) == 0)
                        continue;
                    AddTo(i, _addends[a]);
                    _summed[i] = a + 1;
                    reachable[still++] = i;
                }
                kept = still;
                left -= _addends[a].Weight;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(reachable);
            ArrayPool<long>.Shared.Return(candidates);
        }
    }

    /// <summary>
    /// The <paramref name="count"/>-th highest sum of some <paramref name="count"/> matches summed whole: no more than the
    /// threshold, and near it when they are among the best. They are found without adding: the matches in each of the
    /// sets (in the given order) for as long as at least <paramref name="count"/> are left, then the best of those by
    /// the sums so far, the first of them where they tie.
    /// </summary>
    private int Floor(long[] matchWords, int blocks, int count, List<Addend> sets)
    {
        var (best, narrowed) = (ArrayPool<long>.Shared.Rent(blocks), ArrayPool<long>.Shared.Rent(blocks));
        try
        {
            Array.Copy(matchWords, best, blocks);
            foreach (var set in sets)
            {
                var left = 0L;
                for (var i = 0; i < blocks; i++)
                {
                    narrowed[i] = i < set.Blocks ? best[i] & set.Words[i] & (set.Within is null ? ~0L : set.Within[i]) : 0;
                    left += BitOperations.PopCount((ulong)narrowed[i]);
                }
                if (left >= count)
                    (best, narrowed) = (narrowed, best);
            }
            return FloorFrom(best, matchWords, blocks, count);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(best);
            ArrayPool<long>.Shared.Return(narrowed);
        }
    }

    /// <summary>
    /// Sums whole the blocks of the <paramref name="count"/> best of <paramref name="candidates"/> by the sums so far (the
    /// first of them where they tie), and returns the <paramref name="count"/>-th highest sum of the matches in every
    /// block summed whole: a floor for the threshold.
    /// </summary>
    private int FloorFrom(long[] candidates, long[] matchWords, int blocks, int count)
    {
        var above = ArrayPool<long>.Shared.Rent(blocks);
        try
        {
            Array.Clear(above, 0, blocks);
            Select(candidates, above, blocks, count);
            var wanted = count;
            for (var i = 0; i < blocks; i++)
                wanted -= BitOperations.PopCount((ulong)above[i]);
            for (var i = 0; i < blocks; i++)
                if (above[i] != 0)
                    SumWhole(i);
                else if (candidates[i] != 0 && wanted > 0)
                {
                    wanted -= BitOperations.PopCount((ulong)candidates[i]);
                    SumWhole(i);
                }
            var summed = above;
            for (var i = 0; i < blocks; i++)
                summed[i] = _summed[i] == _addends.Count ? matchWords[i] : 0;
            return Select(summed, null, blocks, count);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(above);
        }
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

    /// <summary>How many matches are in the set, and in how many blocks.</summary>
    private static (long Docs, int Blocks) CountIn(Addend addend, long[] matchWords, int blocks)
    {
        var (docs, inBlocks) = (0L, 0);
        for (var i = 0; i < Math.Min(blocks, addend.Blocks); i++)
        {
            var word = addend.Words[i] & (addend.Within is null ? ~0L : addend.Within[i]) & matchWords[i];
            docs += BitOperations.PopCount((ulong)word);
            if (word != 0)
                inBlocks++;
        }
        return (docs, inBlocks);
    }

    /// <summary>The documents of a block whose sum is at least <paramref name="minimum"/>.</summary>
    private long BlockAtLeast(int block, int minimum)
    {
        // Compare from the highest slice: "greater" once a slice has 1 where the minimum has 0 and all above were equal.
        var (greater, equal) = (0L, ~0L);
        // The slices above those in use are zero: they only matter to a minimum that has bits there.
        for (var j = minimum >> _used != 0 ? Slices - 1 : _used - 1; j >= 0; j--)
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
