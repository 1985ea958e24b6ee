using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CchcSite.Content.Search;

/// <summary>
/// Turns a <see cref="UserQuery"/> into a Lucene query. Every word must match its folded form in the catch-all
/// field (most words, for long queries); scoring then prefers, in this order of weight: a match in the title,
/// the exact diacritics over the folded form, and adjacent syllables (shingles, phrases) over scattered ones.
/// A word costs two postings lists (three with diacritics, four with exact and title), not one per field.
/// </summary>
public static class SearchQueryBuilder
{
    /// <summary>How much more an exact-diacritic match weighs than a folded one in the same field.</summary>
    private const float ExactBonus = 1.5f;
    /// <summary>An adjacent pair of syllables weighs this much more than the two syllables alone.</summary>
    private const float ShingleBonus = 2f;
    /// <summary>A document number typed as written is almost certainly the document wanted.</summary>
    private const float NumberKeyBoost = 20f;
    /// <summary>A match in the title adds this much to the same match anywhere in the post.</summary>
    private const float TitleBoost = 5f;

    /// <summary>The folded terms of the query, for highlighting snippets.</summary>
    public static IReadOnlySet<string> FoldedTerms(UserQuery query) =>
        query.Phrases.Concat(query.Words)
            .SelectMany(part => SearchAnalyzers.Tokens(SearchAnalyzers.Folded, part))
            .Select(t => t.Term).ToHashSet(StringComparer.Ordinal);

    public static Query Build(UserQuery query)
    {
        // Matching reads one postings list per word (the folded form in the catch-all field); everything that only
        // ranks — exact form, title, document number, shingles — is optional beside it, read on matching documents only.
        var matching = new BooleanQuery();
        var ranked = new BooleanQuery { { matching, Occur.MUST } };
        foreach (var phrase in query.Phrases)
            if (PartQuery(phrase, isTypedPhrase: true, ranked, rankExactInText: true) is { } clause)
                matching.Add(clause, Occur.MUST);

        // In a long query the exact form of each word in the whole text would read one more long postings list per
        // word for little: with that many words, the title, the adjacent pairs and the count of words matched rank well.
        var longQuery = query.Words.Count > 3;
        var wordClauses = query.Words.Select(word => PartQuery(word, isTypedPhrase: false, ranked, rankExactInText: !longQuery)).OfType<Query>().ToList();
        // Short queries need every word ("không thu phí" must not find "thu phí"): required clauses, which Lucene
        // intersects far faster than a "should" with a minimum of all. Long ones need most of their words.
        var everyWord = wordClauses.Count <= 3;
        foreach (var clause in wordClauses)
            matching.Add(clause, everyWord ? Occur.MUST : Occur.SHOULD);
        if (!everyWord)
            matching.MinimumNumberShouldMatch = wordClauses.Count - wordClauses.Count / 4;

        foreach (var shingle in SearchAnalyzers.Tokens(SearchAnalyzers.Shingles, string.Join(' ', query.Words)).Select(t => t.Term).Distinct())
            ranked.Add(Boosted(new TermQuery(new Term(SearchFields.All, shingle)), ShingleBonus), Occur.SHOULD);
        return ranked;
    }

    /// <summary>
    /// One word or quoted phrase: returns its folded form in the catch-all field, which must match, and adds to
    /// <paramref name="ranked"/> what only ranks: the exact form, the title, and — for a single typed word that
    /// splits into several tokens ("21/KH-UBND", "Hòa-Bình") — the whole document number.
    /// </summary>
    private static Query? PartQuery(string part, bool isTypedPhrase, BooleanQuery ranked, bool rankExactInText)
    {
        var exact = SearchAnalyzers.Tokens(SearchAnalyzers.Exact, part).Select(t => t.Term).ToList();
        var folded = SearchAnalyzers.Tokens(SearchAnalyzers.Folded, part).Select(t => t.Term).ToList();
        if (folded.Count == 0)
            return null;
        var hasDiacritics = !exact.SequenceEqual(folded, StringComparer.Ordinal);
        if (hasDiacritics && rankExactInText)
            ranked.Add(Boosted(EachWord(SearchFields.All, exact), ExactBonus), Occur.SHOULD);
        ranked.Add(Boosted(Sequence(SearchFields.Title, folded), TitleBoost), Occur.SHOULD);
        if (hasDiacritics)
            ranked.Add(Boosted(Sequence(SearchFields.Title, exact), TitleBoost * ExactBonus), Occur.SHOULD);
        if (!isTypedPhrase && folded.Count > 1)
            ranked.Add(Boosted(new TermQuery(new Term(SearchFields.NumberKey, string.Join(' ', folded))), NumberKeyBoost), Occur.SHOULD);
        return AdjacentInText(folded);
    }

    /// <summary>
    /// The folded syllables next to each other in the catch-all field, read from the indexed two-syllable shingles:
    /// a pair is one term (no positions at all), a longer run a phrase of pairs, each far rarer than its syllables.
    /// </summary>
    private static Query AdjacentInText(IReadOnlyList<string> folded)
    {
        if (folded.Count == 1)
            return new TermQuery(new Term(SearchFields.All, folded[0]));
        if (folded.Count == 2)
            return new TermQuery(new Term(SearchFields.All, folded[0] + " " + folded[1]));
        var phrase = new PhraseQuery();
        for (var i = 1; i < folded.Count; i++)
            phrase.Add(new Term(SearchFields.All, folded[i - 1] + " " + folded[i]), i - 1);
        return phrase;
    }

    /// <summary>
    /// Every exact word, for ranking only: ranking a phrase's exact diacritics word by word reads no positions, and the
    /// phrase itself has already matched.
    /// </summary>
    private static Query EachWord(string field, IReadOnlyList<string> terms)
    {
        if (terms.Count == 1)
            return new TermQuery(new Term(field, terms[0]));
        var words = new BooleanQuery();
        foreach (var term in terms)
            words.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
        return words;
    }

    private static Query Sequence(string field, IReadOnlyList<string> terms)
    {
        if (terms.Count == 1)
            return new TermQuery(new Term(field, terms[0]));
        var phrase = new PhraseQuery();
        foreach (var term in terms)
            phrase.Add(new Term(field, term));
        return phrase;
    }

    private static Query Boosted(Query query, float boost)
    {
        query.Boost = boost;
        return query;
    }
}
