namespace CchcSite.Content.Search;

/// <summary>
/// A document is often cited by its type's initials joined to its number: "KH19" for Kế hoạch số 19/KH-UBND, "QĐ1847"
/// for Quyết định 1847/QĐ-TTg, with the issuer after a hyphen too ("KH403-STC" for 403/KH-STC), or the initials first and
/// apart ("KH-403-STC"). The tokenizer keeps a joined word as one token, which no post writes: posts write the number
/// first, apart from the initials ("19/KH-UBND": "19", "kh"). Such a word also matches its letters and digits next to each
/// other in either order, with what was typed after them, each order the index holds; and the number first, as documents
/// write it, starts the number key of the documents it cites (<see cref="CitedNumbers"/>).
/// </summary>
internal static class JoinedNumbers
{
    /// <summary>
    /// The forms of word <paramref name="start"/> of <paramref name="words"/> when it cites a number by its initials
    /// (<see cref="Parts"/>): the tokens as typed and the letters and digits in either order with the rest after them, those
    /// the index holds, or null when it is no such word or the index holds none of its forms.
    /// </summary>
    public static (int Words, List<IReadOnlyList<string>> Forms)? Match(IReadOnlyList<(IReadOnlyList<string> Folded, string Typed)> words,
        int start, DocumentFrequencies index)
    {
        if (start >= words.Count || Parts(words[start]) is not var (letters, digits, rest))
            return null;
        var forms = new List<IReadOnlyList<string>>();
        foreach (var form in new[] { words[start].Folded, [digits, letters, .. rest], [letters, digits, .. rest] })
            if (Holds(index, form) && !forms.Any(f => f.SequenceEqual(form, StringComparer.Ordinal)))
                forms.Add(form);
        return forms.Count == 0 ? null : (1, forms);
    }

    /// <summary>
    /// The start of the number key a word citing a number by its initials names: the number, the initials and what was
    /// typed after them, as documents write it ("403 kh stc" for "KH403-STC", "19 kh" for "KH19"), or null.
    /// </summary>
    public static string? NumberKeyStart((IReadOnlyList<string> Folded, string Typed) word) =>
        Parts(word) is var (letters, digits, rest) ? string.Join(' ', [digits, letters, .. rest]) : null;

    /// <summary>
    /// The letters, digits and following tokens of a word that cites a number by its initials: its first token letters
    /// and digits joined ("kh403", "403kh"), or its first two tokens initials typed in capitals and a number ("KH-403").
    /// </summary>
    private static (string Letters, string Digits, IReadOnlyList<string> After)? Parts((IReadOnlyList<string> Folded, string Typed) word)
    {
        var tokens = word.Folded;
        if (tokens.Count > 0 && Split(tokens[0]) is var (letters, digits))
            return (letters, digits, tokens.Skip(1).ToList());
        if (tokens.Count > 1 && IsInitials(tokens[0], word.Typed) && tokens[1].All(char.IsAsciiDigit))
            return (tokens[0], tokens[1], tokens.Skip(2).ToList());
        return null;
    }

    /// <summary>A document type's initials as its number writes them: two to four letters, typed in capitals.</summary>
    private static bool IsInitials(string letters, string typed) =>
        letters.Length is >= 2 and <= 4 && letters.All(char.IsAsciiLetter) && !typed.Any(char.IsLower);

    /// <summary>Whether the index holds the tokens next to each other (each pair of neighbours), or the one token.</summary>
    internal static bool Holds(DocumentFrequencies index, IReadOnlyList<string> tokens) =>
        tokens.Count == 1 ? index.Of(SearchFields.All, tokens[0]) > 0
            : Enumerable.Range(0, tokens.Count - 1).All(i => index.Of(SearchFields.Pairs, tokens[i] + IndexedText.PairSeparator + tokens[i + 1]) > 0);

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
