using System.Numerics;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace CchcSite.Content.Search;

/// <summary>
/// A query as sets of documents: which documents match, and a weight per matching document from the signals that
/// rank it. Every quoted phrase must match, and every word (most words of a long query); a word matches its folded
/// syllables next to each other in the catch-all text, read from the indexed pairs ("cai cach") when there are two, so
/// "cai cach" finds "cải cách" and no stop word is ever dropped ("không thu phí" does not find "thu phí").
/// Intersections and weights are computed on bitsets per segment (<see cref="SegmentBits"/>, <see cref="SlicedSums"/>):
/// a word found in every post costs a few thousand machine words, not a postings list scored document by document.
/// </summary>
internal sealed class MatchPlan
{
    // The signals and their weights, strongest first. A document number typed as written is almost certainly the
    // document wanted; a match in the title outweighs the same match in the text; the diacritics as typed
    // outweigh the folded form ("hà" above "hạ"); syllables next to each other as typed outweigh scattered ones.
    private const int NumberKeyWeight = 40;
    private const int TitleExactWeight = 15;
    private const int TitleWeight = 10;
    private const int PairWeight = 4;
    private const int ExactWeight = 3;
    /// <summary>
    /// A word found several times in a post (<see cref="FrequentAt"/>) adds the least: it tells a post about "một cửa"
    /// from one that names it in passing, where every other signal is equal.
    /// </summary>
    private const int FrequentWeight = 1;
    private const int FrequentAt = 3;
    /// <summary>In a long query, where most words must match, each word found adds this.</summary>
    private const int WordMatchedWeight = 2;

    private readonly List<Clause> _phrases = [];
    private readonly List<Clause> _words = [];
    private readonly int _requiredWords;
    private readonly List<(Clause Clause, int Weight)> _features = [];

    public MatchPlan(UserQuery query)
    {
        var longQuery = SearchQueryBuilder.IsLong(query);
        var parts = SearchQueryBuilder.Parts(query);
        FoldedTerms = SearchQueryBuilder.FoldedTerms(parts);
        foreach (var part in parts)
        {
            (part.IsTypedPhrase ? _phrases : _words).Add(Adjacent(part.Folded));
            if (part.HasDiacritics && (part.IsTypedPhrase || !longQuery))
                _features.AddRange(part.Exact.Zip(part.Folded, (exact, folded) => (Written(exact, folded), ExactWeight)));
            _features.Add((new Clause(SearchFields.Title, part.Folded), TitleWeight));
            if (part.HasDiacritics)
                _features.Add((new Clause(SearchFields.Title, part.Exact), TitleExactWeight));
            if (part.NumberKey is { } number)
                _features.Add((new Clause(SearchFields.NumberKey, [number]), NumberKeyWeight));
        }
        _features.AddRange(SearchQueryBuilder.Shingles(query).Select(pair => (new Clause(SearchFields.Pairs, [pair]), PairWeight)));
        _features.AddRange(FoldedTerms.Select(word => (new Clause(SearchFields.All, [word], FrequentAt), FrequentWeight)));
        _requiredWords = SearchQueryBuilder.RequiredWords(_words.Count);
        if (_requiredWords < _words.Count)
            _features.AddRange(_words.Select(word => (word, WordMatchedWeight)));
    }

    /// <summary>
    /// Folded syllables next to each other in the catch-all text: one syllable, the indexed pair of two (most words),
    /// or the positions of a longer run.
    /// </summary>
    private static Clause Adjacent(IReadOnlyList<string> folded) =>
        folded.Count == 2 ? new Clause(SearchFields.Pairs, [folded[0] + IndexedText.PairSeparator + folded[1]]) : new Clause(SearchFields.All, folded);

    /// <summary>A syllable as typed: among the written forms when it has diacritics, else its folded form is the written one.</summary>
    private static Clause Written(string exact, string folded) =>
        new(exact == folded ? SearchFields.All : SearchFields.Exact, [exact]);

    /// <summary>The folded syllables of the query, for the snippets.</summary>
    public HashSet<string> FoldedTerms { get; }

    /// <summary>The segment's matching documents (deleted ones included) as a new set the caller may narrow, or null when none matches.</summary>
    public FixedBitSet? Match(AtomicReaderContext leaf)
    {
        FixedBitSet? matches = null;
        foreach (var clause in _phrases)
            if (!Intersect(ref matches, clause.Bits(leaf)))
                return null;
        if (_requiredWords == _words.Count)
        {
            foreach (var clause in _words)
                if (!Intersect(ref matches, clause.Bits(leaf)))
                    return null;
            return matches;
        }
        using var counts = new SlicedSums(leaf.AtomicReader.MaxDoc);
        foreach (var clause in _words)
            if (clause.Bits(leaf) is { } bits)
                counts.Add(bits, matches, 1);
        return Intersect(ref matches, counts.AtLeast(_requiredWords, leaf.AtomicReader.MaxDoc)) ? matches : null;
    }

    /// <summary>The ranking weight of each document in <paramref name="matches"/>.</summary>
    public SlicedSums Weigh(AtomicReaderContext leaf, FixedBitSet matches)
    {
        var weights = new SlicedSums(leaf.AtomicReader.MaxDoc);
        foreach (var (clause, weight) in _features)
            if (clause.Bits(leaf) is { } bits)
                weights.Add(bits, matches, weight);
        return weights;
    }

    /// <summary>Narrows <paramref name="matches"/> to <paramref name="bits"/> (copying the first set); false when nothing is left.</summary>
    private static bool Intersect(ref FixedBitSet? matches, FixedBitSet? bits)
    {
        if (bits is null)
            return false;
        if (matches is null)
            matches = bits.Clone();
        else
            matches.And(bits);
        return matches.NextSetBit(0) >= 0;
    }

    /// <summary>The documents in <paramref name="bits"/> (and in <paramref name="within"/> if given), in order.</summary>
    internal static SetDocs Docs(FixedBitSet bits, FixedBitSet? within = null) => new(bits.GetBits(), within?.GetBits());

    /// <summary>Walks the set bits a machine word at a time, without a delegate call per document.</summary>
    internal ref struct SetDocs(long[] words, long[]? within)
    {
        private int _index = -1;
        private long _word;

        public int Current { get; private set; }

        public readonly SetDocs GetEnumerator() => this;

        public bool MoveNext()
        {
            while (_word == 0)
            {
                if (++_index >= words.Length || within is not null && _index >= within.Length)
                    return false;
                _word = words[_index] & (within is null ? ~0L : within[_index]);
            }
            Current = (_index << 6) + BitOperations.TrailingZeroCount(_word);
            _word &= _word - 1;
            return true;
        }
    }

    /// <summary>Terms of one field at consecutive positions: a single term (found at least so many times), or a phrase.</summary>
    private sealed record Clause(string Field, IReadOnlyList<string> Terms, int MinFrequency = 1)
    {
        public FixedBitSet? Bits(AtomicReaderContext leaf) =>
            Terms.Count == 1 ? SegmentBits.Term(leaf.AtomicReader, Field, Terms[0], MinFrequency) : SegmentBits.Phrase(leaf.AtomicReader, Field, Terms);
    }
}
