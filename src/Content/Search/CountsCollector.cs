using System.Runtime.InteropServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CchcSite.Content.Search;

/// <summary>Counts every matching document by kind and by unit, from doc values (the Facet package is not available).</summary>
internal sealed class CountsCollector : ICollector
{
    private NumericDocValues? _kinds;
    private NumericDocValues? _units;

    public Dictionary<long, int> Kinds { get; } = [];
    public Dictionary<long, int> Units { get; } = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        _kinds = context.AtomicReader.GetNumericDocValues(SearchFields.Kind);
        _units = context.AtomicReader.GetNumericDocValues(SearchFields.Unit);
    }

    public void Collect(int doc)
    {
        if (_kinds is not null)
            CollectionsMarshal.GetValueRefOrAddDefault(Kinds, _kinds.Get(doc), out _)++;
        if (_units is not null)
            CollectionsMarshal.GetValueRefOrAddDefault(Units, _units.Get(doc), out _)++;
    }
}
