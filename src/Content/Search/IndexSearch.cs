using System.Globalization;
using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CchcSite.Content.Search;

/// <summary>What the index is asked, with units already expanded to their sub-units; posts, or published questions when <c>Questions</c>.</summary>
public sealed record IndexCriteria(
    UserQuery Query,
    DateTime UtcNow,
    IReadOnlyCollection<int>? UnitIds = null,
    PostKind? Kind = null,
    string? CategorySlug = null,
    DateOnly? From = null,
    DateOnly? To = null,
    SearchSort Sort = SearchSort.Relevance,
    bool Questions = false)
{
    public PageRequest Page { get; init; } = new();
}

/// <summary>A post's id, or a question's when questions were asked for.</summary>
public sealed record IndexHit(int Id, string SnippetHtml);

public sealed record IndexMatches(IReadOnlyList<IndexHit> Hits, int TotalCount, IReadOnlyDictionary<long, int> Kinds, IReadOnlyDictionary<long, int> Units);

/// <summary>Runs one search on the index alone: matching, filtering, counting, one page and its snippets.</summary>
public static class IndexSearch
{
    /// <summary>Deeper pages than this are not served: nobody reads them, and each costs a larger priority queue.</summary>
    public const int MaxDepth = 1000;

    private static readonly Sort Newest = new(new SortField(SearchFields.PublishAt, SortFieldType.INT64, true), SortField.FIELD_SCORE);

    public static IndexMatches Find(SearchIndex index, IndexCriteria criteria)
    {
        var query = Visible(OfType(SearchQueryBuilder.Build(criteria.Query), criteria.Questions), criteria);
        var filter = ChoicesFilter(criteria);
        var skip = (criteria.Page.Page - 1) * criteria.Page.PageSize;
        var depth = Math.Min(skip + criteria.Page.PageSize, MaxDepth);
        var terms = SearchQueryBuilder.FoldedTerms(criteria.Query);

        return index.Search(searcher =>
        {
            ITopDocsCollector top = criteria.Sort == SearchSort.Newest
                ? TopFieldCollector.Create(Newest, depth, fillFields: false, trackDocScores: false, trackMaxScore: false, docsScoredInOrder: false)
                : TopScoreDocCollector.Create(depth, docsScoredInOrder: false);
            var counts = new CountsCollector();
            searcher.Search(query, filter, MultiCollector.Wrap(top, counts));
            var topDocs = top.GetTopDocs(skip, criteria.Page.PageSize);
            var hits = topDocs.ScoreDocs.Select(scoreDoc =>
            {
                var document = searcher.Doc(scoreDoc.Doc);
                var snippet = SnippetBuilder.Build(terms, document.Get(SearchFields.StoredSummary), document.Get(SearchFields.StoredBody));
                return new IndexHit(QuestionSearchDocument.NumberOf(document.Get(SearchFields.Id)), snippet);
            }).ToList();
            return new IndexMatches(hits, top.TotalHits, counts.Kinds, counts.Units);
        });
    }

    private static readonly Term QuestionType = new(SearchFields.Type, QuestionSearchDocument.Type);

    /// <summary>
    /// Posts have no type value, so a post search excludes the questions (reading their short postings list) rather
    /// than requiring a value on every post.
    /// </summary>
    private static Query OfType(Query query, bool questions) => new BooleanQuery
    {
        { query, Occur.MUST },
        questions
            ? new BooleanClause(new ConstantScoreQuery(new TermQuery(QuestionType)) { Boost = 0 }, Occur.MUST)
            : new BooleanClause(new TermQuery(QuestionType), Occur.MUST_NOT),
    };

    /// <summary>
    /// The visibility window against "now", and the date range, checked from doc values on the documents that
    /// match only: a range over terms would enumerate every distinct timestamp on every search.
    /// </summary>
    private static Query Visible(Query query, IndexCriteria criteria)
    {
        var now = criteria.UtcNow.Ticks;
        var latest = criteria.To is { } to ? Math.Min(now, VietnamTime.StartOfDayUtc(to.AddDays(1)).Ticks - 1) : now;
        var earliest = criteria.From is { } from ? VietnamTime.StartOfDayUtc(from).Ticks : (long?)null;
        return new FilteredQuery(
            new FilteredQuery(query, FieldCacheRangeFilter.NewInt64Range(SearchFields.PublishAt, earliest, latest, true, true)),
            FieldCacheRangeFilter.NewInt64Range(SearchFields.UnpublishAt, now, null, false, true));
    }

    /// <summary>The citizen's unit, kind and category choices, or null when none was made; none of them scores.</summary>
    private static Filter? ChoicesFilter(IndexCriteria criteria)
    {
        var filter = new BooleanQuery();
        if (criteria.UnitIds is { } unitIds)
        {
            var anyUnit = new BooleanQuery();
            foreach (var id in unitIds)
                anyUnit.Add(new TermQuery(new Term(SearchFields.Unit, id.ToString(CultureInfo.InvariantCulture))), Occur.SHOULD);
            filter.Add(anyUnit, Occur.MUST);
        }
        if (criteria.Kind is { } kind)
            filter.Add(new TermQuery(new Term(SearchFields.Kind, kind.ToString())), Occur.MUST);
        if (criteria.CategorySlug is { } category)
            filter.Add(new TermQuery(new Term(SearchFields.Category, category)), Occur.MUST);
        return filter.Clauses.Count == 0 ? null : new QueryWrapperFilter(filter);
    }
}
