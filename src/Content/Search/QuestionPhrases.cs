namespace CchcSite.Content.Search;

/// <summary>
/// The words that make a query a question or a request ("… như thế nào", "… ở đâu", "làm thế nào để …", "có được …
/// không", "cho tôi hỏi …"): made optional in the query (<see cref="MatchPlan"/>), so that the posts that answer the
/// question match, not those that happen to contain the question words. Not stop words: they stay in the index, and a
/// quoted phrase still requires them.
/// </summary>
public static class QuestionPhrases
{
    /// <summary>Anywhere in the query, folded and without diacritics as the index holds them; longest first.</summary>
    private static readonly string[][] Anywhere =
    [
        .. new[]
        {
            "lam the nao de", "lam sao de", "can lam gi de", "phai lam gi de", "lam nhu the nao", "thuc hien nhu the nao",
            "nhu the nao", "the nao", "lam sao", "o dau", "tai dau", "khi nao", "bao gio", "bao lau", "la gi", "lam gi",
            "may gio", "gio nao", "nhu nao", "ra sao", "the nao la", "cho toi hoi", "cho em hoi", "xin hoi", "cho hoi", "toi muon",
            "em muon", "hay khong", "duoc khong",
        }.Select(p => p.Split(' ')).OrderByDescending(p => p.Length),
    ];

    /// <summary>"có", "có được" opening a yes-no question, whose "không" closes it: "có được nhận … không".</summary>
    private static readonly string[][] Openers = [["co", "duoc"], ["co", "the"], ["co"]];

    /// <summary>
    /// Which of the words (each its folded tokens) are question words; none when every word would be, since then the
    /// question words are all there is to find.
    /// </summary>
    public static bool[] Optional(IReadOnlyList<IReadOnlyList<string>> words)
    {
        var optional = new bool[words.Count];
        var single = words.Select(w => w.Count == 1 ? w[0] : null).ToList();
        for (var i = 0; i < words.Count; i++)
            foreach (var phrase in Anywhere)
                if (Matches(single, i, phrase))
                {
                    for (var j = 0; j < phrase.Length; j++)
                        optional[i + j] = true;
                    i += phrase.Length - 1;
                    break;
                }
        if (words.Count >= 3 && single[^1] == "khong")
            foreach (var opener in Openers)
                if (Matches(single, 0, opener))
                {
                    for (var j = 0; j < opener.Length; j++)
                        optional[j] = true;
                    optional[^1] = true;
                    break;
                }
        return optional.All(o => o) ? new bool[words.Count] : optional;
    }

    private static bool Matches(List<string?> words, int start, string[] phrase)
    {
        if (start + phrase.Length > words.Count)
            return false;
        for (var j = 0; j < phrase.Length; j++)
            if (!string.Equals(words[start + j], phrase[j], StringComparison.Ordinal))
                return false;
        return true;
    }
}
