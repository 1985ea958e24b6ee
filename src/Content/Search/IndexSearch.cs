using System.Globalization;
using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CchcSite.Content.Search;

/// <summary>
/// What the index is asked, with units already expanded to their sub-units: posts, or published questions when
/// <c>Questions</c>. A post search with <c>CountQuestions</c> also counts the questions the words find, in the same
/// pass, without making them hits.
/// </summary>
public sealed record IndexCriteria(
    UserQuery Query,
    DateTime UtcNow,
    IReadOnlyCollection<int>? UnitIds = null,
    PostKind? Kind = null,
    string? CategorySlug = null,
    DateOnly? From = null,
    DateOnly? To = null,
    SearchSort Sort = SearchSort.Relevance,
    bool Questions = false,
    bool CountQuestions = false)
{
    public PageRequest Page { get; init; } = new();
}

/// <summary>A post's id, or a question's when questions were asked for.</summary>
public sealed record IndexHit(int Id, string SnippetHtml);

public sealed record IndexMatches(IReadOnlyList<IndexHit> Hits, int TotalCount, IReadOnlyDictionary<long, int> Kinds, IReadOnlyDictionary<long, int> Units,
    int QuestionCount);

/// <summary>Runs one search on the index alone: matching, filtering, counting, one page and its snippets.</summary>
public static class IndexSearch
{
    /// <summary>Deeper pages than this are not served: nobody reads them, and each costs a larger priority queue.</summary>
    public const int MaxDepth = 1000;

    private static readonly Sort Newest = new(new SortField(SearchFields.PublishAt, SortFieldType.INT64, true), SortField.FIELD_SCORE);

    public static IndexMatches Find(SearchIndex index, IndexCriteria criteria)
    {
        var query = Visible(SearchQueryBuilder.Build(criteria.Query), criteria);
        var filter = CategoryFilter(criteria);
        var skip = (criteria.Page.Page - 1) * criteria.Page.PageSize;
        var depth = Math.Min(skip + criteria.Page.PageSize, MaxDepth);
        var terms = SearchQueryBuilder.FoldedTerms(criteria.Query);

        return index.Search(searcher =>
        {
            ITopDocsCollector top = criteria.Sort == SearchSort.Newest
                ? TopFieldCollector.Create(Newest, depth, fillFields: false, trackDocScores: false, trackMaxScore: false, docsScoredInOrder: false)
                : TopScoreDocCollector.Create(depth, docsScoredInOrder: false);
            var counts = new CountsCollector();
            var countingQuestions = criteria.CountQuestions && !criteria.Questions;
            searcher.Search(query, filter, MultiCollector.Wrap(countingQuestions ? new PostsOnlyCollector(top) : top, counts));
            var topDocs = top.GetTopDocs(skip, criteria.Page.PageSize);
            var hits = topDocs.ScoreDocs.Select(scoreDoc =>
            {
                var document = searcher.Doc(scoreDoc.Doc);
                var snippet = SnippetBuilder.Build(terms, document.Get(SearchFields.StoredSummary), document.Get(SearchFields.StoredBody));
                return new IndexHit(QuestionSearchDocument.NumberOf(document.Get(SearchFields.Id)), snippet);
            }).ToList();
            return new IndexMatches(hits, top.TotalHits, counts.Kinds, counts.Units, counts.Questions);
        });
    }

    /// <summary>The visibility window against "now", the date range, and the unit and kind choices; none of them scores.</summary>
    private static Query Visible(Query query, IndexCriteria criteria)
    {
        var now = criteria.UtcNow.Ticks;
        var latest = criteria.To is { } to ? Math.Min(now, VietnamTime.StartOfDayUtc(to.AddDays(1)).Ticks - 1) : now;
        var earliest = criteria.From is { } from ? VietnamTime.StartOfDayUtc(from).Ticks : (long?)null;
        return new FilteredQuery(query, new VisibleFilter(now, earliest, latest, criteria.UnitIds?.ToHashSet(),
            criteria.Kind is { } kind ? (int)kind : null,
            acceptPosts: !criteria.Questions, acceptQuestions: criteria.Questions || criteria.CountQuestions));
    }

    /// <summary>The category choice, or null when none was made.</summary>
    private static Filter? CategoryFilter(IndexCriteria criteria) =>
        criteria.CategorySlug is { } category
            ? new QueryWrapperFilter(new TermQuery(new Term(SearchFields.Category, category)))
            : null;
}
