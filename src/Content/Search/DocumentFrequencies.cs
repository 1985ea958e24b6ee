using Lucene.Net.Index;
using Lucene.Net.Util;

namespace CchcSite.Content.Search;

/// <summary>
/// How many documents hold each term a query asks about, deleted ones included, as <see cref="IndexReader.DocFreq"/> says:
/// each (field, term) read once per query, with one terms enumerator per field and segment. A query's plan asks after the
/// same terms several times (a word's rarity, its run's windows, the pair of a long query), and
/// <see cref="IndexReader.DocFreq"/> makes a new enumerator per segment on every call, with its frames and arcs: that was
/// the largest share of the bytes a search allocated. The plan's clauses read their postings through the same enumerators
/// (<see cref="SegmentBits.Term"/>).
/// </summary>
/// <remarks>
/// The frequencies are read while the plan is built, on one thread. The enumerators are kept per segment, each segment's
/// apart, because the segments may then be searched at once on several threads (<see cref="IndexSearch"/>): a segment's
/// enumerators are only ever used by the one thread searching it.
/// </remarks>
internal sealed class DocumentFrequencies(IndexReader reader)
{
    private readonly Dictionary<(string Field, string Term), int> _known = [];
    private readonly Dictionary<string, TermsEnum?>?[] _enumerators = new Dictionary<string, TermsEnum?>?[reader.Leaves.Count];

    /// <summary>The index as searched.</summary>
    public IndexReader Reader => reader;

    /// <summary>How many documents hold the term, summed over the segments.</summary>
    public int Of(string field, string term)
    {
        if (_known.TryGetValue((field, term), out var documents))
            return documents;
        var bytes = new BytesRef(term);
        foreach (var leaf in reader.Leaves)
            if (Seek(leaf, field, bytes) is { } terms)
                documents += terms.DocFreq;
        return _known[(field, term)] = documents;
    }

    /// <summary>
    /// The segment's enumerator of the field positioned on the term, or null when the segment does not hold it: the same
    /// enumerator for every term of the field in the segment, so it is valid until the next seek.
    /// </summary>
    public TermsEnum? Seek(AtomicReaderContext leaf, string field, BytesRef term)
    {
        var fields = _enumerators[leaf.Ord] ??= new Dictionary<string, TermsEnum?>(StringComparer.Ordinal);
        if (!fields.TryGetValue(field, out var terms))
            fields[field] = terms = leaf.AtomicReader.GetTerms(field)?.GetEnumerator();
        return terms is not null && terms.SeekExact(term) ? terms : null;
    }
}
