namespace CchcSite.Content.Search;

/// <summary>
/// A document is often cited by its type's initials joined to its number: "KH19" for Kế hoạch số 19/KH-UBND, "QĐ1847"
/// for Quyết định 1847/QĐ-TTg. The tokenizer keeps such a word as one token, which no post writes: posts write the number
/// first, apart from the initials ("19/KH-UBND": "19", "kh"). A word of letters joined to digits, either way round, also
/// matches its letters and digits next to each other in either order, each order the index holds.
/// </summary>
internal static class JoinedNumbers
{
    /// <summary>
    /// The forms of word <paramref name="start"/> of <paramref name="words"/> when it is one token of letters and digits
    /// joined ("kh19", "19kh"): the token itself and its two parts in either order, those the index holds, or null when
    /// it is no such word or the index holds none of its forms.
    /// </summary>
    public static (int Words, List<IReadOnlyList<string>> Forms)? Match(IReadOnlyList<(IReadOnlyList<string> Folded, string Typed)> words,
        int start, DocumentFrequencies index)
    {
        if (start >= words.Count || words[start].Folded is not [var token] || Split(token) is not var (letters, digits))
            return null;
        var forms = new List<IReadOnlyList<string>>();
        if (index.Of(SearchFields.All, token) > 0)
            forms.Add([token]);
        foreach (var (first, second) in new[] { (digits, letters), (letters, digits) })
            if (index.Of(SearchFields.Pairs, first + IndexedText.PairSeparator + second) > 0)
                forms.Add([first, second]);
        return forms.Count == 0 ? null : (1, forms);
    }

    /// <summary>The letters and the digits of a token that is letters then digits or digits then letters, else null.</summary>
    internal static (string Letters, string Digits)? Split(string token)
    {
        var cut = 1;
        while (cut < token.Length && char.IsAsciiDigit(token[cut]) == char.IsAsciiDigit(token[0]))
            cut++;
        if (cut == token.Length || token[cut..].Any(c => char.IsAsciiDigit(c) == char.IsAsciiDigit(token[0])))
            return null;
        var (head, tail) = (token[..cut], token[cut..]);
        var (letters, digits) = char.IsAsciiDigit(token[0]) ? (tail, head) : (head, tail);
        return letters.All(char.IsLetter) && digits.All(char.IsAsciiDigit) ? (letters, digits) : null;
    }
}
