using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace CchcSite.Content.Search;

/// <summary>
/// The documents of one index segment that hold a term or a phrase, as a bitset. Sets read from the postings of terms
/// found in many documents are kept for the life of the segment: in reform news the common words ("cải cách", "hành chính")
/// are in nearly every post, and reading their postings again on every search was most of a search's time. A kept
/// set of a word in every post costs one bit per document (12.5 KB per 100,000 posts), less than its postings.
/// </summary>
/// <remarks>
/// A cache of clauses, not of results, as Lucene's own query cache since 5.0 does it: every search still intersects,
/// filters, counts and ranks afresh. Sets are bounded per segment and dropped together when the bound is reached.
/// The sets ignore deletions; the caller applies the reader's live documents.
/// </remarks>
internal sealed class SegmentBits
{
    /// <summary>A set is kept when at least one document in this many holds it.</summary>
    private const int DenseRatio = 64;
    private const int MaxKept = 2048;

    private static readonly ConditionalWeakTable<object, SegmentBits> BySegment = new();

    private readonly ConcurrentDictionary<string, FixedBitSet> _kept = new(StringComparer.Ordinal);
    /// <summary>The phrases of rarer terms, kept as their documents' numbers: fewer than a set's bits (see <see cref="Phrase"/>).</summary>
    private readonly ConcurrentDictionary<string, int[]> _phraseDocs = new(StringComparer.Ordinal);

    private static SegmentBits Of(AtomicReader reader) => BySegment.GetValue(reader.CoreCacheKey, _ => new SegmentBits());

    /// <summary>
    /// The documents holding the term (at least <paramref name="minFrequency"/> times); null when none does. The set is
    /// shared: never change it.
    /// </summary>
    /// <param name="enumerators">A query's enumerators to seek with, reused across its terms; a new one when null.</param>
    public static FixedBitSet? Term(AtomicReaderContext leaf, string field, string text, int minFrequency = 1, DocumentFrequencies? enumerators = null)
    {
        var reader = leaf.AtomicReader;
        var segment = Of(reader);
        var key = field + "\u0000" + text + "\u0000" + minFrequency.ToString(CultureInfo.InvariantCulture);
        if (segment._kept.TryGetValue(key, out var kept))
            return kept;
        var bytes = new BytesRef(text);
        var terms = enumerators is not null ? enumerators.Seek(leaf, field, bytes) : Seek(reader.GetTerms(field)?.GetEnumerator(), bytes);
        if (terms is null)
            return null;
        var dense = IsDense(terms.DocFreq, reader.MaxDoc);
        var bits = new FixedBitSet(reader.MaxDoc);
        var docs = terms.Docs(null, null, minFrequency > 1 ? DocsFlags.FREQS : DocsFlags.NONE);
        for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            if (minFrequency == 1 || docs.Freq >= minFrequency)
                bits.Set(doc);
        return dense ? segment.Keep(key, bits) : bits;
    }

    /// <summary>
    /// The documents holding the terms at consecutive positions (a quoted phrase, read through its syllable pairs);
    /// null when none does. The set is shared: never change it.
    /// </summary>
    /// <remarks>
    /// Every phrase read is kept for the life of the segment: reading positions costs about as much for a document's
    /// number in the title ("86 kh sgddt", its rarest term in 1 post in 250) as for common words, and it was read again on
    /// every search. A phrase of common terms is kept as a set; one of a rarer term as its documents' numbers, fewer than
    /// the rarer term's documents, so at most half a set's bits.
    /// </remarks>
    public static FixedBitSet? Phrase(AtomicReader reader, string field, IReadOnlyList<string> terms)
    {
        var segment = Of(reader);
        var key = field + "\u0001" + string.Join('\u0000', terms);
        if (segment._kept.TryGetValue(key, out var kept))
            return kept;
        if (segment._phraseDocs.TryGetValue(key, out var docs))
            return SetOf(docs, reader.MaxDoc);
        var phrase = new PhraseQuery();
        for (var i = 0; i < terms.Count; i++)
            phrase.Add(new Term(field, terms[i]), i);
        var searcher = new IndexSearcher(reader);
        var scorer = searcher.CreateNormalizedWeight(phrase).GetScorer((AtomicReaderContext)searcher.TopReaderContext, acceptDocs: null);
        if (scorer is null)
            return null;
        var bits = new FixedBitSet(reader.MaxDoc);
        for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
            bits.Set(doc);
        // What a phrase costs is reading the positions of its terms, so it is kept as a set by how common they are, even
        // when few documents hold them in that order ("dịch vụ công trực tuyến"); otherwise as its few documents.
        var costly = IsDense(terms.Min(term => reader.DocFreq(new Term(field, term))), reader.MaxDoc);
        if (costly)
            return segment.Keep(key, bits);
        segment.KeepDocs(key, bits);
        return bits;
    }

    private static FixedBitSet SetOf(int[] docs, int maxDoc)
    {
        var bits = new FixedBitSet(maxDoc);
        foreach (var doc in docs)
            bits.Set(doc);
        return bits;
    }

    private static TermsEnum? Seek(TermsEnum? terms, BytesRef term) => terms is not null && terms.SeekExact(term) ? terms : null;

    private static bool IsDense(int count, int maxDoc) => (long)count * DenseRatio >= maxDoc;

    private FixedBitSet Keep(string key, FixedBitSet bits)
    {
        // Any text can be searched for, so the sets are bounded; dropping them all at once is simpler than an LRU,
        // and the common words come back on the next searches.
        if (_kept.Count >= MaxKept)
            _kept.Clear();
        return _kept.GetOrAdd(key, bits);
    }

    private void KeepDocs(string key, FixedBitSet bits)
    {
        if (_phraseDocs.Count >= MaxKept)
            _phraseDocs.Clear();
        var docs = new int[bits.Cardinality];
        var i = 0;
        foreach (var doc in MatchPlan.Docs(bits))
            docs[i++] = doc;
        _phraseDocs.TryAdd(key, docs);
    }
}
