using Lucene.Net.Index;
using Lucene.Net.Util;

namespace CchcSite.Content.Search;

/// <summary>
/// A document cited by its type's initials and its number as two words, as people say it ("kế hoạch 86"): "KH 86" for
/// Kế hoạch số 86/KH-SGDĐT, "QĐ 1847" for Quyết định số 1847/QĐ-TTg, or the number first as documents write it ("86 KH").
/// The document's number key starts with the number and the initials ("86 kh sgddt", <see cref="SearchDocument.NumberKey"/>);
/// the keys the index holds with that start name the documents the words cite, whatever the issuer's part after it.
/// Posts citing the document give its number in their text too, so without this they tie with it, and the one that cites
/// it more often, or is newer, ranks first. A word joining the initials to the number ("KH403-STC", <see cref="JoinedNumbers"/>)
/// names the documents its number key starts so just the same.
/// </summary>
internal static class CitedNumbers
{
    /// <summary>More documents than this with one number and type say nothing of which one is meant: none is named.</summary>
    private const int MaxDocuments = 8;

    /// <summary>
    /// The number keys the index holds that start with the number and initials of two typed words next to each other, or of
    /// one word joining them.
    /// </summary>
    public static IEnumerable<string> NumberKeys(IReadOnlyList<(IReadOnlyList<string> Folded, string Typed)> words, IndexReader reader)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            var start = JoinedNumbers.NumberKeyStart(words[i])
                ?? (i + 1 < words.Count ? Cited(words[i], words[i + 1]) ?? Cited(words[i + 1], words[i]) : null);
            if (start is null)
                continue;
            var found = KeysStartingWith(reader, start);
            if (found.Count <= MaxDocuments)
                keys.UnionWith(found);
        }
        return keys;
    }

    /// <summary>"kh 86" for the initials "KH" and the number "86": the start of the number key they cite, or null.</summary>
    private static string? Cited((IReadOnlyList<string> Folded, string Typed) initials, (IReadOnlyList<string> Folded, string Typed) number) =>
        initials is { Folded: [var letters], Typed: var typed } && typed.Length is >= 2 and <= 4 && typed.All(char.IsLetter) && !typed.Any(char.IsLower)
        && number is { Folded: [var digits] } && digits == number.Typed && digits.All(char.IsAsciiDigit)
            ? digits + ' ' + letters : null;

    /// <summary>The keys that are <paramref name="start"/> or start with it and a space: "403 kh stc" for "403 kh", not "403 khn".</summary>
    private static List<string> KeysStartingWith(IndexReader reader, string start)
    {
        var keys = new List<string>();
        var bytes = new BytesRef(start);
        foreach (var leaf in reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(SearchFields.NumberKey)?.GetEnumerator();
            if (terms is null || terms.SeekCeil(bytes) == TermsEnum.SeekStatus.END)
                continue;
            do
            {
                if (!StringHelper.StartsWith(terms.Term, bytes) || keys.Count > MaxDocuments)
                    break;
                var key = terms.Term.Utf8ToString();
                if (key.Length == start.Length || key[start.Length] == ' ')
                    keys.Add(key);
            }
            while (terms.MoveNext());
        }
        return keys;
    }
}
