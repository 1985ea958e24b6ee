using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace CchcSite.Content.Search;

/// <summary>
/// The folded syllables of letters a segment's catch-all text holds, with how many documents hold each: read once per
/// segment from its terms dictionary. A typo correction asks after some three hundred candidate syllables; asking the
/// terms dictionary of every segment for each was most of a mistyped query's time at a million posts.
/// </summary>
internal static class SyllableVocabulary
{
    private static readonly ConditionalWeakTable<object, Dictionary<string, int>> BySegment = new();

    /// <summary>How many documents hold the syllable (of letters a–z alone), deleted ones included, as <see cref="IndexReader.DocFreq"/> says.</summary>
    public static int DocumentFrequency(IndexReader reader, string syllable)
    {
        var documents = 0;
        foreach (var leaf in reader.Leaves)
            documents += Of(leaf.AtomicReader).GetValueOrDefault(syllable);
        return documents;
    }

    private static Dictionary<string, int> Of(AtomicReader reader) => BySegment.GetValue(reader.CoreCacheKey, _ => Read(reader));

    private static Dictionary<string, int> Read(AtomicReader reader)
    {
        var syllables = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = reader.GetTerms(SearchFields.All)?.GetEnumerator();
        while (terms is not null && terms.MoveNext())
        {
            var bytes = terms.Term;
            if (IsLetters(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length)))
                syllables[bytes.Utf8ToString()] = terms.DocFreq;
        }
        return syllables;
    }

    private static bool IsLetters(ReadOnlySpan<byte> utf8)
    {
        foreach (var b in utf8)
            if (b is < (byte)'a' or > (byte)'z')
                return false;
        return true;
    }
}
