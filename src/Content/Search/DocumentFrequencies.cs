using Lucene.Net.Index;
using Lucene.Net.Util;

namespace CchcSite.Content.Search;

/// <summary>
/// How many documents hold each term a query asks about, deleted ones included, as <see cref="IndexReader.DocFreq"/> says:
/// each (field, term) read once per query, with one terms enumerator per field and segment. A query's plan asks after the
/// same terms several times (a word's rarity, its run's windows, the pair of a long query), and
/// <see cref="IndexReader.DocFreq"/> makes a new enumerator per segment on every call, with its frames and arcs: that was
/// the largest share of the bytes a search allocated.
/// </summary>
internal sealed class DocumentFrequencies(IndexReader reader)
{
    private readonly Dictionary<(string Field, string Term), int> _known = [];
    private readonly Dictionary<string, TermsEnum?[]> _enumerators = new(StringComparer.Ordinal);

    /// <summary>The index as searched.</summary>
    public IndexReader Reader => reader;

    /// <summary>How many documents hold the term, summed over the segments.</summary>
    public int Of(string field, string term)
    {
        if (_known.TryGetValue((field, term), out var documents))
            return documents;
        var bytes = new BytesRef(term);
        var leaves = reader.Leaves;
        var enumerators = Enumerators(field, leaves.Count);
        for (var i = 0; i < leaves.Count; i++)
        {
            var terms = enumerators[i] ??= leaves[i].AtomicReader.GetTerms(field)?.GetEnumerator();
            if (terms is not null && terms.SeekExact(bytes))
                documents += terms.DocFreq;
        }
        return _known[(field, term)] = documents;
    }

    private TermsEnum?[] Enumerators(string field, int leaves)
    {
        if (!_enumerators.TryGetValue(field, out var enumerators))
            _enumerators[field] = enumerators = new TermsEnum?[leaves];
        return enumerators;
    }
}
