namespace CchcSite.Content.Search;

/// <summary>
/// The words that make a query a question or a request ("… như thế nào", "… ở đâu", "làm thế nào để …", "… có được …
/// không", "… đã … chưa", "ai …", "cho tôi hỏi …"): made optional in the query (<see cref="MatchPlan"/>), so that the posts that answer the
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
            "em muon", "hay khong", "duoc khong", "lam the nao", "luc nao", "bao nhieu", "mat bao lau", "tai sao", "vi sao",
            "la ai", "phai khong", "dung khong", "muc nao",
        }.Select(p => p.Split(' ')).OrderByDescending(p => p.Length),
    ];

    /// <summary>
    /// The frames of a yes-no question: an opener ("có", "có được", "đã") anywhere before the words asked about, and the
    /// word closing the query ("không", "chưa"): "có được nhận … không", "hồ sơ trễ hạn có được xin lỗi không", "hồ sơ
    /// đã được duyệt chưa". Longest opener first; the last opener before the closing word is the frame's.
    /// </summary>
    private static readonly (string Closer, string[][] Openers)[] Frames =
    [
        ("khong", [["co", "duoc"], ["co", "the"], ["co", "phai"], ["co", "can"], ["co"]]),
        ("chua", [["da", "duoc"], ["da"]]),
    ];

    /// <summary>
    /// Question words only where a query starts ("ai được nhận …") or ends ("cần giấy tờ gì", "nộp ở quầy nào"): elsewhere
    /// they are words of the text, and "ai" alone may be "AI".
    /// </summary>
    private static readonly string[][] Starting = [["ai", "co", "the"], ["ai", "duoc"], ["ai", "phai"], ["ai", "co"], ["ai", "la"]];
    private static readonly string[] Ending = ["gi", "nao"];

    /// <summary>
    /// Question words only when typed with their marks, as the index's exact field reads them: "mấy" ("hỗ trợ mấy triệu",
    /// "mất mấy ngày") folds to "may", which is also "máy" and "may".
    /// </summary>
    private static readonly string[] WithMarks = ["mấy"];

    /// <summary>
    /// Which of the words (each its folded tokens) are question words; none when every word would be, since then the
    /// question words are all there is to find.
    /// </summary>
    /// <param name="written">Each word's tokens with their marks (<see cref="SearchAnalyzers.Exact"/>), when known: for <see cref="WithMarks"/>.</param>
    public static bool[] Optional(IReadOnlyList<IReadOnlyList<string>> words, IReadOnlyList<IReadOnlyList<string>>? written = null)
    {
        var optional = new bool[words.Count];
        for (var i = 0; i < words.Count && written is not null; i++)
            optional[i] = written[i] is [var one] && WithMarks.Contains(one, StringComparer.Ordinal);
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
        foreach (var (closer, openers) in Frames)
            if (words.Count >= 3 && single[^1] == closer)
                MarkFrame(single, openers, optional);
        if (Starting.FirstOrDefault(opener => Matches(single, 0, opener)) is { } start)
            for (var j = 0; j < start.Length; j++)
                optional[j] = true;
        if (words.Count >= 2 && Ending.Contains(single[^1]))
            optional[^1] = true;
        return optional.All(o => o) ? new bool[words.Count] : optional;
    }

    /// <summary>
    /// How many words a question types before its first question word, when words follow it: its subject, what it asks
    /// about ("xe mới mua" of "xe mới mua có phải mang đi kiểm tra kỹ thuật không", "lương hưu từ tháng" of "lương hưu từ
    /// tháng mấy được chuyển vào tài khoản"), while the frame after the question word says what is asked of it. A "thì"
    /// before the question word ends the subject sooner and starts the frame: "bị lấy đất làm dự án" of "bị lấy đất làm dự
    /// án thì được hỗ trợ tiền gạo mấy tháng". Only "thì" with its marks: folded, "thi" is an exam. None for another query,
    /// for a question opening with its question words ("có cần … không", "khi nào …"), nor for one ending with them and
    /// no "thì" ("hỏi mức chi in tờ rơi ở đâu"): every word it types is then what it asks about, and none tells a post
    /// about the subject from one about the frame.
    /// </summary>
    /// <param name="optional">The question words, as <see cref="Optional"/> found them.</param>
    /// <param name="written">Each word's tokens with their marks (<see cref="SearchAnalyzers.Exact"/>): for "thì".</param>
    public static int Subject(bool[] optional, IReadOnlyList<IReadOnlyList<string>> written)
    {
        var first = Array.IndexOf(optional, true);
        var then = Enumerable.Range(0, Math.Max(0, first)).FirstOrDefault(i => written[i] is [SubjectEnd], -1);
        if (then > 0)
            return then;
        return first > 0 && optional.Skip(first + 1).Any(o => !o) ? first : 0;
    }

    /// <summary>The word that ends a question's subject before its question words, typed with its marks ("… thì được …").</summary>
    private const string SubjectEnd = "thì";

    /// <summary>Marks the last opener that leaves a word between it and the closing last word, and the closing word.</summary>
    private static void MarkFrame(List<string?> single, string[][] openers, bool[] optional)
    {
        for (var start = single.Count - 3; start >= 0; start--)
            foreach (var opener in openers)
                if (start + opener.Length < single.Count - 1 && Matches(single, start, opener))
                {
                    for (var j = 0; j < opener.Length; j++)
                        optional[start + j] = true;
                    optional[^1] = true;
                    return;
                }
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
