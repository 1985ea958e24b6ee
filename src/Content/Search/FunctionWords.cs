namespace CchcSite.Content.Search;

/// <summary>
/// The relational words of Vietnamese (quan hệ từ: prepositions and conjunctions such as "cho", "của", "về", "với", "và")
/// and the plural markers ("các", "những"). A Vietnamese word is one or more content syllables; a function word typed next
/// to one makes no word with it: "cho người" of "làm giấy khai tử cho người thân" is in any post that writes "cho người
/// dân", and says nothing of which post is meant. In a long query such a pair, beside a word found in half the posts or
/// more, weighs as a set phrase does (<see cref="MatchWeights.CommonPair"/>, <see cref="MatchPlan"/>); beside a rare word
/// ("tin nhắn của") it keeps its weight, and the run of the words typed still rewards the post holding them together.
/// </summary>
internal static class FunctionWords
{
    /// <summary>As written, with their diacritics: read so when the query is typed with diacritics.</summary>
    private static readonly HashSet<string> Written = new(StringComparer.Ordinal)
    {
        "của", "cho", "về", "với", "và", "hoặc", "tại", "để", "trong", "ở", "các", "những",
    };

    /// <summary>
    /// Without diacritics only the folded forms that are no other word of public-administration text: "tai" is also
    /// "tài" (tài chính), "de" "đề" (đề xuất), "ve" "vé", "cho" "chờ", "trong" "trông", "o" "ô".
    /// </summary>
    private static readonly HashSet<string> Folded = new(StringComparer.Ordinal) { "cua", "voi", "va", "hoac", "cac", "nhung" };

    /// <summary>Whether a one-syllable word typed is a function word; <paramref name="withDiacritics"/>: the query has diacritics.</summary>
    public static bool Is(QueryPart word, bool withDiacritics) =>
        word.Exact.Count == 1 && (withDiacritics ? Written.Contains(word.Exact[0]) : Folded.Contains(word.Folded[0]));
}
