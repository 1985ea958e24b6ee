namespace CchcSite.Content.Search;

/// <summary>
/// Documents write a day or month below 10 and a document's number below 10 with a leading zero (Nghị định 30/2020/NĐ-CP,
/// Phụ lục I: "ngày 05 tháng 01", "số 05/KH-UBND"); citizens type them as they say them, "17/1/2024", "số 5". A date typed
/// in figures with a one-digit part, or a one-digit number after "số", also matches its parts zero-padded, as the index
/// holds them ("17/01/2024", "05").
/// </summary>
internal static class PaddedNumbers
{
    /// <summary>
    /// The forms of word <paramref name="start"/> of <paramref name="words"/> when it is such a number: as typed and
    /// zero-padded, those the index holds, or null when it is none or the index holds no padded form.
    /// </summary>
    public static (int Words, List<IReadOnlyList<string>> Forms)? Match(IReadOnlyList<(IReadOnlyList<string> Folded, string Typed)> words,
        int start, DocumentFrequencies index)
    {
        if (start >= words.Count || words[start].Folded is not { } tokens || !tokens.All(t => t.All(char.IsAsciiDigit))
            || !tokens.Any(t => t.Length == 1) || tokens.Count == 1 && (start == 0 || words[start - 1].Folded is not ["so"]))
            return null;
        var padded = Padded(tokens);
        if (!JoinedNumbers.Holds(index, padded))
            return null;
        return (1, JoinedNumbers.Holds(index, tokens) ? [tokens, padded] : [padded]);
    }

    /// <summary>Each one-digit token with the leading zero documents write ("17 01 2022" for "17 1 2022").</summary>
    internal static IReadOnlyList<string> Padded(IReadOnlyList<string> tokens) => tokens.Select(t => t.Length == 1 ? "0" + t : t).ToList();
}
