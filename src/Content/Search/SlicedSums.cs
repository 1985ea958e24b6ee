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
/// <see cref="Split"/> (the best hits of a segment) sums the first sets over every document and the others only in
/// the blocks holding a document that can still reach the best. A long query weighs some 60 sets over every match, and
/// only a page of them is wanted.
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
    /// On a first read, only the blocks that can hold such a document are summed whole (max-score pruning, see
    /// <see cref="SumWhereReachable"/>).
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

    /// <summary>
    /// Sums whole the blocks that can hold one of the <paramref name="count"/> highest sums of the matches, and only
    /// enough of the others to know they cannot.
    /// </summary>
    /// <remarks>
    /// A long query adds some 60 sets, most of them in a fair share of the matches; a set in even one post in fifty
    /// touches most blocks of 64, so every set added everywhere costs about the same. The sets are ordered by what they
    /// take from the bound of a match they are not in (weight times the share of matches without it: a heavy word of
    /// the title first, a word in every post last). A sample of the blocks summed whole gives a floor for the
    /// <paramref name="count"/>-th highest sum; the first sets are added everywhere in one pass each, until the floor
    /// would leave out enough blocks to pay for checking them; then each further set is added only in the blocks where a
    /// match's sum so far plus every set still to add can reach the floor. The best of a long query hold nearly all its
    /// signals, so after a few sets only their blocks are left.
    /// </remarks>
    private void SumWhereReachable(long[] matchWords, int blocks, int count)
    {
        _read = true;
        var (step, matching) = (Math.Max(1, blocks / SampledBlocks), 0L);
        for (var i = 0; i < blocks; i += step)
            matching += BitOperations.PopCount((ulong)matchWords[i]);
        var byTaken = _addends.Select(addend => (Addend: addend, Taken: addend.Weight * (matching - CountIn(addend, matchWords, blocks, step))))
            .OrderByDescending(a => a.Taken).Select(a => a.Addend).ToList();
        _addends.Clear();
        _addends.AddRange(byTaken);

        var floor = Floor(matchWords, blocks, count);
        var (everywhere, left) = (0, _addends.Sum(addend => addend.Weight));
        for (; everywhere < _addends.Count && !WorthChecking(matchWords, blocks, floor - left); everywhere++)
        {
            AddEverywhere(_addends[everywhere], blocks);
            left -= _addends[everywhere].Weight;
        }
        var reachable = ArrayPool<int>.Shared.Rent(blocks);
        var reached = 0;
        for (var i = 0; i < blocks; i++)
            if (_summed[i] != _addends.Count)
            {
                _summed[i] = everywhere;
                if (matchWords[i] != 0)
                    reachable[reached++] = i;
            }
        for (var a = everywhere; a < _addends.Count && reached > 0; a++)
        {
            // A match whose sum so far is below this cannot reach the floor with every set still to add.
            var needed = floor - left;
            var (addend, kept) = (_addends[a], 0);
            for (var r = 0; r < reached; r++)
            {
                var i = reachable[r];
                if (needed > 0 && (matchWords[i] & BlockAtLeast(i, needed)) == 0)
                    continue;
                AddTo(i, addend);
                _summed[i] = a + 1;
                reachable[kept++] = i;
            }
            reached = kept;
            left -= addend.Weight;
        }
        ArrayPool<int>.Shared.Return(reachable);
    }

    /// <summary>A set's share of the matches is counted on about this many blocks: it orders the sets, nothing else.</summary>
    private const int SampledBlocks = 256;

    /// <summary>Every so many blocks are summed whole for the floor (a power of two).</summary>
    private const int FloorStride = 16;

    /// <summary>
    /// A floor for the <paramref name="count"/>-th highest sum: every <see cref="FloorStride"/>-th block summed whole (a
    /// set at a time, reading each set forwards), and the <paramref name="count"/>-th highest sum of its matches, as any
    /// <paramref name="count"/> matches' sums bound it from below; 0 when the sample holds fewer matches.
    /// </summary>
    private int Floor(long[] matchWords, int blocks, int count)
    {
        foreach (var addend in _addends)
            for (var i = 0; i < Math.Min(blocks, addend.Blocks); i += FloorStride)
                AddTo(i, addend);
        var (sampled, covered) = (new long[blocks], 0);
        for (var i = 0; i < blocks; i += FloorStride)
        {
            _summed[i] = _addends.Count;
            sampled[i] = matchWords[i];
            covered += BitOperations.PopCount((ulong)matchWords[i]);
        }
        return covered < count ? 0 : Select(sampled, null, blocks, count);
    }

    /// <summary>
    /// Whether at least one block in eight would be left out by <paramref name="needed"/> (the sum a match must have so
    /// far to reach the floor), judged on the blocks half way between the floor's: checking a block costs about what
    /// adding a set to it does.
    /// </summary>
    private bool WorthChecking(long[] matchWords, int blocks, int needed)
    {
        if (needed <= 0)
            return false;
        var (checkedBlocks, excluded) = (0, 0);
        for (var i = FloorStride / 2; i < blocks; i += FloorStride)
            if (matchWords[i] != 0)
            {
                checkedBlocks++;
                if ((matchWords[i] & BlockAtLeast(i, needed)) == 0)
                    excluded++;
            }
        return excluded * 8 >= checkedBlocks;
    }

    /// <summary>Adds a set to every block but the floor's (summed whole already), in one pass: most words of a sparse set are zero.</summary>
    private void AddEverywhere(in Addend addend, int blocks)
    {
        var (words, within) = (addend.Words, addend.Within);
        for (var i = 0; i < Math.Min(blocks, addend.Blocks); i++)
        {
            var mask = words[i] & (within is null ? ~0L : within[i]);
            if (mask != 0 && (i & (FloorStride - 1)) != 0)
                Ripple(i, mask, addend.Weight);
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

    /// <summary>The matches in the set, counted on every <paramref name="step"/>-th block.</summary>
    private static long CountIn(Addend addend, long[] matchWords, int blocks, int step)
    {
        var count = 0L;
        for (var i = 0; i < Math.Min(blocks, addend.Blocks); i += step)
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

    private void AddTo(int block, in Addend addend)
    {
        if (block >= addend.Blocks)
            return;
        var mask = addend.Words[block] & (addend.Within is null ? ~0L : addend.Within[block]);
        if (mask != 0)
            Ripple(block, mask, addend.Weight);
    }

    /// <summary>
    /// Adds the weight to the sums of the documents of <paramref name="mask"/> in one block, 64 documents at a time: a
    /// full adder per slice, from the weight's lowest bit through every slice a sum can reach. No branch depends on the
    /// documents; following each carry only until it died mispredicted about every other block, which cost more.
    /// </summary>
    private void Ripple(int block, long mask, int weight)
    {
        var slices = _slices.AsSpan(block * Slices, _used);
        var carry = 0L;
        for (var j = BitOperations.TrailingZeroCount(weight); j < slices.Length; j++)
        {
            var bit = mask & -(long)(weight >> j & 1);
            var sum = slices[j];
            slices[j] = sum ^ bit ^ carry;
            carry = (sum & bit) | (carry & (sum ^ bit));
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
