namespace CchcSite.Content.Search;

/// <summary>
/// A place typed by its administrative level and its proper name ("tỉnh Sóc Trăng", "thị xã Ngã Năm", "phường Thác Mơ"):
/// the levels of Luật Tổ chức chính quyền địa phương 2015, Điều 2 (tỉnh, thành phố; huyện, quận, thị xã; xã, phường, thị
/// trấn), then the name's syllables, capitalised as a proper name is written. The whole is one word: in the title of every
/// plan of the place's units ("… của Sở Tài chính tỉnh Sóc Trăng") its inner pairs would otherwise weigh as more words
/// saying what the post is about and outweigh them (<see cref="MatchPlan"/>: no title-pair signals inside the name, one
/// for the whole).
/// </summary>
internal static class PlaceNames
{
    /// <summary>The levels, folded; longest first, so "thị xã" is read before "xã".</summary>
    private static readonly string[][] Levels =
    [
        .. new[] { "thanh pho", "thi xa", "thi tran", "tinh", "huyen", "quan", "xa", "phuong" }
            .Select(l => l.Split(' ')).OrderByDescending(l => l.Length),
    ];

    /// <summary>
    /// How many of <paramref name="words"/> from <paramref name="start"/> a place name takes — its level and the capitalised
    /// syllables after it — or 0 when none starts there.
    /// </summary>
    public static int Match(IReadOnlyList<(IReadOnlyList<string> Folded, string Typed)> words, int start)
    {
        foreach (var level in Levels)
        {
            if (start + level.Length >= words.Count || !Enumerable.Range(0, level.Length).All(j => words[start + j].Folded is [var f] && f == level[j]))
                continue;
            var end = start + level.Length;
            while (end < words.Count && IsProperSyllable(words[end].Typed))
                end++;
            return end > start + level.Length ? end - start : 0;
        }
        return 0;
    }

    /// <summary>A syllable written as a proper name's: a capital, then lower-case letters ("Sóc", not "UBND" or "1").</summary>
    private static bool IsProperSyllable(string typed) =>
        typed.Length >= 2 && char.IsUpper(typed[0]) && typed.Skip(1).All(char.IsLower);
}
