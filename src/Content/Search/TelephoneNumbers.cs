namespace CchcSite.Content.Search;

/// <summary>
/// A telephone number is one number however it is grouped: "0299 3869 216", "0299.3869.216", "(0299) 3869216" and
/// "02993869216" are the same line, and a citizen types it as they saw it on a letterhead or remember it. The tokenizer
/// keeps digits joined by dots as one token and cuts them at spaces, brackets and dashes, so each grouping is other terms:
/// a number typed in one grouping also matches each grouping of its digits that the index holds.
/// </summary>
internal static class TelephoneNumbers
{
    // A Vietnamese landline with its area code (0, two or three digits, seven or eight) or a mobile number (ten digits).
    private const int MinDigits = 10, MaxDigits = 11;
    // Numbers are written in up to four groups ("0299 3869 216", "(0299) 3869216"), none of a single digit.
    private const int MaxGroups = 4, MinGroupDigits = 2;

    /// <summary>
    /// The telephone number typed from word <paramref name="start"/> of <paramref name="words"/> on — one word or a few,
    /// each only digits with dots, dashes or brackets, the first digit a 0 — as the number of words it takes and the forms
    /// the index holds: each grouping of its digits written as one token (the groups joined by dots, or none) or as
    /// adjacent tokens. Null when the words there are no telephone number, or no form of it is in the index.
    /// </summary>
    public static (int Words, List<IReadOnlyList<string>> Forms)? Match(IReadOnlyList<(IReadOnlyList<string> Folded, string Typed)> words,
        int start, DocumentFrequencies index)
    {
        var (digits, taken, number) = ("", 0, "");
        for (var i = start; i < words.Count && IsNumberWord(words[i].Typed); i++)
        {
            digits += new string(words[i].Typed.Where(char.IsAsciiDigit).ToArray());
            if (digits.Length > MaxDigits || digits[0] != '0')
                break;
            if (digits.Length >= MinDigits)
                (taken, number) = (i - start + 1, digits);
        }
        if (taken == 0)
            return null;
        var forms = new List<IReadOnlyList<string>>();
        foreach (var groups in Groupings(number, []))
        {
            var token = string.Join('.', groups);
            if (Holds(index, SearchFields.All, token))
                forms.Add([token]);
            if (groups.Count > 1 && HoldsAdjacent(index, groups))
                forms.Add(groups);
        }
        return forms.Count == 0 ? null : (taken, forms);
    }

    private static bool IsNumberWord(string word) =>
        word.Any(char.IsAsciiDigit) && word.All(c => char.IsAsciiDigit(c) || c is '.' or '-' or '(' or ')');

    /// <summary>Every way to cut the digits into at most <see cref="MaxGroups"/> groups of two digits or more, in order.</summary>
    private static IEnumerable<List<string>> Groupings(string digits, List<string> before)
    {
        yield return [.. before, digits];
        if (before.Count + 1 == MaxGroups)
            yield break;
        for (var cut = MinGroupDigits; cut <= digits.Length - MinGroupDigits; cut++)
            foreach (var grouping in Groupings(digits[cut..], [.. before, digits[..cut]]))
                yield return grouping;
    }

    private static bool Holds(DocumentFrequencies index, string field, string term) => index.Of(field, term) > 0;

    /// <summary>Each group a token of some document and each two groups next to each other in one.</summary>
    private static bool HoldsAdjacent(DocumentFrequencies index, List<string> groups) =>
        groups.All(group => Holds(index, SearchFields.All, group))
        && groups.Zip(groups.Skip(1)).All(pair => Holds(index, SearchFields.Pairs, pair.First + IndexedText.PairSeparator + pair.Second));
}
