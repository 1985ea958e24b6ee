namespace CchcSite.Content.Search;

/// <summary>
/// Reads a <see cref="UserQuery"/> the way the index was written: words and quoted phrases as folded and exact
/// syllables (<see cref="QueryPart"/>), the pairs of adjacent syllables, and how many words must match. From these
/// <see cref="MatchPlan"/> finds and weighs documents.
/// </summary>
public static class SearchQueryBuilder
{
    /// <summary>Queries of up to this many words need every word; longer ones most of them.</summary>
    internal const int ShortQueryWords = 3;

    /// <summary>Every folded syllable of the parts: what a post is ranked on for frequency and highlighted with.</summary>
    internal static HashSet<string> FoldedTerms(IEnumerable<QueryPart> parts) =>
        parts.SelectMany(part => part.Folded).ToHashSet(StringComparer.Ordinal);

    /// <summary>The words and quoted phrases of the query, analysed once for matching and for ranking.</summary>
    internal static IReadOnlyList<QueryPart> Parts(UserQuery query) =>
        query.Phrases.Select(phrase => QueryPart.Of(phrase, isTypedPhrase: true))
            .Concat(query.Words.Select(word => QueryPart.Of(word, isTypedPhrase: false)))
            .OfType<QueryPart>().ToList();

    /// <summary>The folded two-syllable shingles of the unquoted words, in the order typed.</summary>
    internal static IReadOnlyList<string> Shingles(UserQuery query) =>
        SearchAnalyzers.Tokens(SearchAnalyzers.Shingles, string.Join(' ', query.Words)).Select(t => t.Term).Distinct().ToList();

    /// <summary>
    /// In a long query (more than three words) most words must match rather than all, and the exact form of each word
    /// is not ranked across the whole text: with that many words, the title, the adjacent pairs and the count of words
    /// matched rank well.
    /// </summary>
    internal static bool IsLong(UserQuery query) => query.Words.Count > ShortQueryWords;

    /// <summary>
    /// How many of the word groups must match: all of a short query's ("không thu phí" must not find "thu phí"), all but
    /// one of four or five, half of a longer one's, where the number found is a ranking signal rather than a filter.
    /// A question (<paramref name="isQuestion"/>: it has question words, <see cref="QuestionPhrases"/>) needs half of its
    /// four or five too: it is asked in the citizen's words, not the post's ("trả lời phiếu hài lòng mất bao lâu" of a post
    /// that asks people to "đánh giá … qua phiếu"), and its question words already made it as long as a long query.
    /// </summary>
    internal static int RequiredWords(int wordCount, bool isQuestion) => wordCount switch
    {
        <= ShortQueryWords => wordCount,
        <= 5 when !isQuestion => wordCount - 1,
        _ => (wordCount + 1) / 2,
    };
}

/// <summary>One word or quoted phrase as the index sees it: folded and exact syllables.</summary>
internal sealed record QueryPart(IReadOnlyList<string> Folded, IReadOnlyList<string> Exact, bool IsTypedPhrase)
{
    public static QueryPart? Of(string text, bool isTypedPhrase)
    {
        var folded = SearchAnalyzers.Tokens(SearchAnalyzers.Folded, text).Select(t => t.Term).ToList();
        return folded.Count == 0 ? null
            : new QueryPart(folded, SearchAnalyzers.Tokens(SearchAnalyzers.Exact, text).Select(t => t.Term).ToList(), isTypedPhrase);
    }

    public bool HasDiacritics => !Exact.SequenceEqual(Folded, StringComparer.Ordinal);

    /// <summary>The whole document number, for a single typed word that splits into several tokens ("21/KH-UBND").</summary>
    public string? NumberKey => !IsTypedPhrase && Folded.Count > 1 ? string.Join(' ', Folded) : null;
}
