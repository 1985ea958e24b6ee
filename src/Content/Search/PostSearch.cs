using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Units;

namespace CchcSite.Content.Search;

/// <summary>Site-wide search for the public site and the API: the index finds, the database supplies the cards.</summary>
public sealed class PostSearch(SearchIndex index, PublishedPosts published, UnitDirectory units, ThesaurusStore thesaurus, IEnumerable<ISearchSource> sources,
    SearchResultCache cache, TimeProvider clock)
{
    /// <summary>
    /// Searches within <paramref name="filter"/>; its unit stands for its section, as <see cref="PublishedPosts.ListAsync"/> lists it:
    /// its own posts, its sub-units' when it takes them automatically, and those its board accepted. What the index finds for a
    /// repeated search comes from <see cref="SearchResultCache"/>; the cards come from the database in one query.
    /// </summary>
    public async Task<SearchResults> SearchAsync(UserQuery query, PostFilter filter, SearchSort sort, CancellationToken ct)
    {
        IReadOnlyCollection<int>? unitIds = null;
        int? section = null;
        if (filter.UnitId is { } unitId)
        {
            var unit = await units.FindAsync(unitId, ct);
            unitIds = unit is null || !filter.IncludeSubUnits ? [unitId] : unit.SectionUnitIds();
            section = filter.IncludeSubUnits ? unitId : null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var thesaurusNow = await thesaurus.CurrentAsync(ct);
        // Read before searching: the matches are at least as new as the index state they are kept under. An unfiltered
        // search also counts the answered questions the words find, for a link to the Q&A column.
        // The units searched are part of the key: a board turning its sub-units' posts on or off changes them, not the index.
        var key = new SearchResultCache.Key(index.Changes, thesaurusNow, query.Text, filter, sort, SearchResultCache.Key.HalfMinuteOf(now),
            unitIds is null ? null : string.Join(',', unitIds));
        var matches = cache.GetOrFind(key, () => IndexSearch.Find(index, new IndexCriteria(query, now, unitIds, filter.Kind, filter.CategorySlug,
            filter.From, filter.To, sort, CountQuestions: unitIds is null && filter is { Kind: null, CategorySlug: null, From: null, To: null })
        {
            Page = filter.Page,
            Thesaurus = thesaurusNow,
            AcceptedInto = section,
        }));

        // The database has the last word on visibility: a change the outbox has not applied yet drops out here.
        var cards = await published.CardsAsync(matches.Hits.Select(h => h.Id).ToList(), ct);
        if (section is { } listedIn)
            cards = await published.AsListedInAsync(cards, listedIn, ct);
        var snippets = matches.Hits.ToDictionary(h => h.Id, h => h.SnippetHtml);
        var hits = cards.Select(card => new SearchHit(card, snippets[card.Id])).ToList();

        var kinds = PostKindSegments.All
            .Where(k => matches.Kinds.ContainsKey((long)k.Kind))
            .Select(k => new KindCount(k.Kind, k.TabName, matches.Kinds[(long)k.Kind])).ToList();
        var unitCounts = new List<UnitCount>();
        foreach (var root in await units.RootsAsync(ct))
            foreach (var node in root.SelfAndDescendants())
                if (matches.Units.TryGetValue(node.Unit.Id, out var count))
                    unitCounts.Add(new UnitCount(node.Unit, count));

        return new SearchResults(new PagedResult<SearchHit>(hits, filter.Page.Page, filter.Page.PageSize, matches.TotalCount),
            kinds, unitCounts.OrderByDescending(u => u.Count).ToList(), matches.QuestionCount, matches.Correction)
        {
            Unfound = matches.Unfound,
            Sources = sources.Where(s => matches.Others.GetValueOrDefault(s.KindValue) > 0)
                .Select(s => new SourceCount(s.DisplayName, matches.Others[s.KindValue], s.SearchUrl(query.Text))).ToList(),
        };
    }
}
