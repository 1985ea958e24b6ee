using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Caching.Memory;

namespace CchcSite.Content.Search;

/// <summary>What a hit shows of its document: its key, and the summary and body its snippet is cut from.</summary>
internal sealed record HitText(string Id, string? Summary, string? Body)
{
    /// <summary>The characters the entry holds, with a little for the objects around them.</summary>
    public long Size => 64 + Id.Length + (Summary?.Length ?? 0) + (Body?.Length ?? 0);
}

/// <summary>
/// The stored text of the documents that results show, kept decoded: every uncached search that shows a document reads
/// its text for the snippet, and reading it — decompressing its chunk and decoding the UTF-8 into strings — was about
/// 15 % of an uncached search's CPU on the seeded site (docs/perf.md). A segment's stored fields never change, so an entry
/// keyed by the segment's core and the document's number in it is never stale, whatever is deleted, added or merged
/// later; entries of merged-away segments are no longer asked for and leave when the size limit needs room.
/// </summary>
internal sealed class HitTexts : IDisposable
{
    /// <summary>About 4 MB of strings: every post of a unit's site, or the popular ones of a province's million.</summary>
    private const long MaxChars = 2_000_000;

    private readonly MemoryCache _texts = new(new MemoryCacheOptions { SizeLimit = MaxChars });

    /// <param name="doc">The document's number in the searcher's whole reader.</param>
    public HitText Read(IndexSearcher searcher, int doc)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var key = (leaf.Reader.CoreCacheKey, doc - leaf.DocBase);
        if (_texts.TryGetValue(key, out HitText? text))
            return text!;
        var document = leaf.Reader.Document(doc - leaf.DocBase);
        text = new HitText(document.Get(SearchFields.Id), document.Get(SearchFields.StoredSummary), document.Get(SearchFields.StoredBody));
        _texts.Set(key, text, new MemoryCacheEntryOptions { Size = text.Size });
        return text;
    }

    public void Dispose() => _texts.Dispose();
}
