using CchcSite.Content.Paging;
using CchcSite.Content.Questions;

namespace CchcSite.Content.Search;

/// <summary>The Q&amp;A column's search on the full-text index: the typed words parsed as on the search page, questions only.</summary>
public sealed class IndexQuestionSearch(SearchIndex index, TimeProvider clock) : IQuestionSearch
{
    public QuestionMatches Find(string words, IReadOnlyCollection<int>? unitIds, string? categorySlug, PageRequest page)
    {
        if (!UserQuery.TryParse(words, out var query, out var problem))
            return new QuestionMatches([], 0, problem);
        var matches = IndexSearch.Find(index, new IndexCriteria(query, clock.GetUtcNow().UtcDateTime, unitIds, CategorySlug: categorySlug,
            Questions: true) { Page = page });
        return new QuestionMatches(matches.Hits.Select(h => h.Id).ToList(), matches.TotalCount, null);
    }
}
