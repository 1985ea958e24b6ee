using CchcSite.Content.Data;
using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Search;
using CchcSite.Content.Site;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Indexes;

/// <summary>An index as the public and the API see it, with the years that have results.</summary>
public sealed record IndexInfo(string Code, string Name, string Assessor, IndexScale Scale, decimal? MaxScore, bool HigherIsBetter, IReadOnlyList<int> Years)
{
    public string Url => IndexResults.OverviewUrl(Code, null);
}

/// <summary>One unit's row in a ranking: score, rank, the move since the year before, its components and where it was announced.</summary>
public sealed record RankingRow(UnitRef Unit, int Year, decimal Score, int Rank, int RankedOf, bool Tied, RankChange Change,
    IReadOnlyList<ComponentFigure> Components, string? SourceTitle, string? SourceUrl, DateOnly? AnnouncedOn);

/// <summary>The units ranked together in an index and year: a grouping, within a unit (a province's departments) or nationwide.</summary>
public sealed record RankingGroup(IndexGrouping Grouping, UnitRef? Within, IReadOnlyList<RankingRow> Rows)
{
    public string Title => Within is null ? Grouping.Heading() : $"{Grouping.Heading()} – {Within.ShortName}";

    /// <summary>Unique on the page: the anchor of the table and the id prefix of its chart.</summary>
    public string Key => Within is null ? Grouping.Key() : $"{Grouping.Key()}-{Within.Slug}";
}

/// <summary><c>/chi-so?chi-so=&amp;nam=</c>: one index and year, a ranked table per group. <see cref="Index"/> is null when the site has no index.</summary>
public sealed record IndexOverviewPage(IReadOnlyList<IndexInfo> Indexes, IndexInfo? Index, int? Year, IReadOnlyList<RankingGroup> Groups,
    IReadOnlyList<Breadcrumb> Trail)
    : SitePage(Index is null ? "Chỉ số cải cách hành chính" : IndexResults.TitleOf(Index.Name, Year ?? 0), Trail);

/// <summary>An index and year the words found, with the passage that matched (HTML in which only &lt;mark&gt; is markup).</summary>
public sealed record IndexSearchHit(string Title, string Url, string SnippetHtml);

/// <summary><c>/chi-so/tim-kiem?q=</c>: the index and year pages the words find, best first; a message instead when the words cannot be searched.</summary>
public sealed record IndexSearchPage(string Query, string? Message, IReadOnlyList<IndexSearchHit> Hits, IReadOnlyList<Breadcrumb> Trail)
    : SitePage(Query.Length > 0 ? $"Tìm kết quả chỉ số: {Query}" : "Tìm kết quả chỉ số", Trail);

/// <summary>A unit's year in an index.</summary>
public sealed record TrendPoint(int Year, decimal Score, int Rank, int RankedOf, IndexGrouping Grouping, RankChange Change);

/// <summary>A unit's results in one index over the years, the latest year's components and the sentence that says it.</summary>
public sealed record UnitIndexTrend(IndexInfo Index, IReadOnlyList<TrendPoint> Points, IReadOnlyList<ComponentFigure> LatestComponents, string Sentence,
    RankingRow Latest);

/// <summary><c>/{unit}/chi-so</c>.</summary>
public sealed record UnitIndexesPage(UnitNode Unit, IReadOnlyList<UnitIndexTrend> Indexes, IReadOnlyList<Breadcrumb> Trail)
    : SitePage($"Chỉ số cải cách hành chính – {Unit.Unit.ShortName}", Trail);

/// <summary>
/// The one public read path of index results, for the pages and the API alike: ranks are computed here
/// (<see cref="IndexRanking"/>) from what was announced, and only units that are active are shown.
/// </summary>
public sealed class IndexResults(CchcDbContext db, UnitDirectory units, PublishedPosts posts, SitePageBuilder pages, SearchIndex index, TimeProvider clock)
{
    public const string Segment = "chi-so";
    public const string SearchSegment = "tim-kiem";

    /// <summary>The heading of an index and year's page, and the title of its search document.</summary>
    public static string TitleOf(string indexName, int year) => $"{indexName} năm {year}";

    public const string SearchPath = $"/{Segment}/{SearchSegment}";

    public static string SearchUrl(string query) => $"{SearchPath}?q={Uri.EscapeDataString(query)}";

    public static string OverviewUrl(string? code, int? year) =>
        $"/{Segment}" + QueryOf(("chi-so", code), ("nam", year?.ToString()));

    public static string UnitUrl(string unitSlug) => $"/{unitSlug}/{Segment}";

    public static string OverviewCsvUrl(string code, int year) => $"/{Segment}/tai-ve.csv" + QueryOf(("chi-so", code), ("nam", year.ToString()));

    public static string UnitCsvUrl(string unitSlug) => $"/{unitSlug}/{Segment}/tai-ve.csv";

    private static string QueryOf(params (string Key, string? Value)[] values)
    {
        var present = values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}").ToList();
        return present.Count == 0 ? "" : "?" + string.Join("&", present);
    }

    public async Task<IReadOnlyList<IndexInfo>> IndexesAsync(CancellationToken ct)
    {
        var definitions = await db.Set<IndexDefinition>().AsNoTracking().OrderBy(i => i.SortOrder).ThenBy(i => i.Code).ToListAsync(ct);
        var years = (await db.Set<IndexResult>().AsNoTracking().Select(r => new { r.IndexDefinitionId, r.Year }).Distinct().ToListAsync(ct))
            .ToLookup(r => r.IndexDefinitionId, r => r.Year);
        return definitions.Select(d => Info(d, years[d.Id])).ToList();
    }

    public async Task<IndexDefinition?> DefinitionAsync(string code, CancellationToken ct) =>
        await db.Set<IndexDefinition>().AsNoTracking().Include(i => i.Components).FirstOrDefaultAsync(i => i.Code == code.ToUpperInvariant(), ct);

    /// <summary>The groups of an index in a year, each ranked; filtered to one unit or grouping for the API.</summary>
    public async Task<IReadOnlyList<RankingGroup>> RankingsAsync(IndexDefinition index, int year, string? unitSlug, IndexGrouping? grouping, CancellationToken ct)
    {
        var groups = await RankedAsync(index, [year - 1, year], ct);
        return groups.Where(g => g.Rows.Count > 0 && g.Rows[0].Year == year && (grouping is null || g.Grouping == grouping))
            .Select(g => unitSlug is null ? g : g with { Rows = g.Rows.Where(r => r.Unit.Slug == unitSlug).ToList() })
            .Where(g => g.Rows.Count > 0)
            .ToList();
    }

    /// <summary>The overview; without an index or year, the first index and its latest year. Null when the index or year is not known.</summary>
    public async Task<IndexOverviewPage?> OverviewAsync(string? code, int? year, CancellationToken ct)
    {
        var indexes = await IndexesAsync(ct);
        var trail = new List<Breadcrumb> { new("Trang chủ", "/"), new("Chỉ số CCHC", null) };
        var info = code is null ? indexes.FirstOrDefault(i => i.Years.Count > 0) ?? indexes.FirstOrDefault()
            : indexes.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase));
        if (info is null)
            return code is null ? new IndexOverviewPage(indexes, null, null, [], trail) : null;
        var shown = year ?? (info.Years.Count > 0 ? info.Years.Max() : null);
        if (year is not null && !info.Years.Contains(year.Value))
            return null;
        var groups = shown is { } y ? await RankingsAsync((await DefinitionAsync(info.Code, ct))!, y, null, null, ct) : [];
        return new IndexOverviewPage(indexes, info, shown, groups, trail);
    }

    /// <summary>
    /// The index and year pages <paramref name="text"/> finds in the search index (<see cref="IndexYearSearchSource"/>), in
    /// its order; those whose results were deleted since drop out here.
    /// </summary>
    public async Task<IndexSearchPage> SearchAsync(string? text, CancellationToken ct)
    {
        var trail = new List<Breadcrumb> { new("Trang chủ", "/"), new("Chỉ số CCHC", OverviewUrl(null, null)), new("Tìm kiếm", null) };
        var query = text?.Trim() ?? "";
        if (!UserQuery.TryParse(query, out var words, out var message))
            return new IndexSearchPage(query, message, [], trail);
        var hits = IndexSearch.Find(index, new IndexCriteria(words, clock.GetUtcNow().UtcDateTime)
        {
            OtherKind = IndexYearSearchDocument.KindValue,
            Page = new PageRequest(1, MaxSearchHits),
        }).Hits;
        var pairs = hits.Select(h => IndexYear.Of(h.Id)).ToList();
        var definitionIds = pairs.Select(p => p.IndexDefinitionId).Distinct().ToList();
        var definitions = await db.Set<IndexDefinition>().AsNoTracking().Where(i => definitionIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var existing = (await db.Set<IndexResult>().AsNoTracking().Where(r => definitionIds.Contains(r.IndexDefinitionId))
            .Select(r => new { r.IndexDefinitionId, r.Year }).Distinct().ToListAsync(ct)).Select(r => new IndexYear(r.IndexDefinitionId, r.Year)).ToHashSet();
        var found = new List<IndexSearchHit>();
        foreach (var (hit, page) in hits.Zip(pairs))
            if (existing.Contains(page) && definitions.TryGetValue(page.IndexDefinitionId, out var definition))
                found.Add(new IndexSearchHit(TitleOf(definition.Name, page.Year), OverviewUrl(definition.Code, page.Year), hit.SnippetHtml));
        return new IndexSearchPage(query, found.Count == 0 ? "Không tìm thấy kết quả chỉ số nào khớp với từ khóa." : null, found, trail);
    }

    /// <summary>A few indexes a year: more hits than this would be a query that says nothing.</summary>
    private const int MaxSearchHits = 50;

    /// <summary>Every index the unit has results in, with its trend; null for a unit that is not active.</summary>
    public async Task<UnitIndexesPage?> UnitPageAsync(string unitSlug, CancellationToken ct)
    {
        if (await units.FindAsync(unitSlug, ct) is not { } unit)
            return null;
        return new UnitIndexesPage(unit, await TrendsAsync(unit.Unit, ct), [.. await pages.UnitTrailAsync(unitSlug, ct), new("Chỉ số", null)]);
    }

    public async Task<IReadOnlyList<UnitIndexTrend>> TrendsAsync(UnitRef unit, CancellationToken ct)
    {
        var indexIds = await db.Set<IndexResult>().AsNoTracking().Where(r => r.UnitId == unit.Id).Select(r => r.IndexDefinitionId).Distinct().ToListAsync(ct);
        var definitions = await db.Set<IndexDefinition>().AsNoTracking().Include(i => i.Components).Where(i => indexIds.Contains(i.Id))
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Code).ToListAsync(ct);
        var all = await IndexesAsync(ct);
        var trends = new List<UnitIndexTrend>();
        foreach (var definition in definitions)
        {
            var rows = (await RankedAsync(definition, null, ct)).SelectMany(g => g.Rows.Select(r => (g.Grouping, Row: r)))
                .Where(r => r.Row.Unit.Id == unit.Id).OrderBy(r => r.Row.Year).ToList();
            if (rows.Count == 0)
                continue;
            var points = rows.Select(r => new TrendPoint(r.Row.Year, r.Row.Score, r.Row.Rank, r.Row.RankedOf, r.Grouping, r.Row.Change)).ToList();
            var (grouping, latest) = rows[^1];
            var previousYear = rows.Count > 1 && rows[^2].Row.Year == latest.Year - 1 ? latest.Year - 1 : (int?)null;
            var sentence = IndexRanking.Sentence(unit.ShortName, latest.Year, latest.Rank, latest.RankedOf, grouping, latest.Change, previousYear);
            trends.Add(new UnitIndexTrend(all.First(i => i.Code == definition.Code), points, latest.Components, sentence, latest));
        }
        return trends;
    }

    /// <summary>
    /// The groups of an index (all years, or the years listed), each ranked; a row's change compares with the unit's rank in the
    /// same grouping the year before. Units merged away or retired are left out of the groups shown, not of the ranks announced.
    /// </summary>
    private async Task<IReadOnlyList<RankingGroup>> RankedAsync(IndexDefinition index, int[]? years, CancellationToken ct)
    {
        var query = db.Set<IndexResult>().AsNoTracking().Where(r => r.IndexDefinitionId == index.Id);
        if (years is not null)
            query = query.Where(r => years.Contains(r.Year));
        var results = await query.Select(r => new
        {
            r.Year, r.UnitId, r.Grouping, r.WithinUnitId, r.Score, r.Rank, r.RankedOf, r.SourceTitle, r.SourcePostId, r.AnnouncedOn,
            Components = r.Components.Select(c => new { c.Code, c.Score }).ToList(),
        }).ToListAsync(ct);
        var sources = (await posts.CardsAsync(results.Where(r => r.SourcePostId is not null).Select(r => r.SourcePostId!.Value).Distinct().ToList(), ct))
            .ToDictionary(c => c.Id, c => c.Url);
        var components = index.Components;
        var groups = new List<(int Year, RankingGroup Group, Dictionary<int, RankedUnit> Ranks)>();
        foreach (var group in results.GroupBy(r => (r.Year, r.Grouping, r.WithinUnitId)).OrderBy(g => g.Key.Year))
        {
            var ranked = IndexRanking.Rank(group.Select(r => new RankInput(r.UnitId, r.Score, r.Rank, r.RankedOf)).ToList(), index.HigherIsBetter);
            var byUnit = group.ToDictionary(r => r.UnitId);
            var previous = groups.FirstOrDefault(g => g.Year == group.Key.Year - 1 && g.Group.Grouping == group.Key.Grouping
                                                      && g.Group.Within?.Id == group.Key.WithinUnitId);
            var previousComponents = results.Where(r => r.Year == group.Key.Year - 1).ToDictionary(r => r.UnitId, r => r.Components.ToDictionary(c => c.Code, c => c.Score));
            var rows = new List<RankingRow>();
            foreach (var rank in ranked)
            {
                if (await units.FindAsync(rank.UnitId, ct) is not { } node)
                    continue;
                var result = byUnit[rank.UnitId];
                var change = IndexRanking.Change(rank.Rank, previous.Ranks?.GetValueOrDefault(rank.UnitId)?.Rank);
                var figures = IndexRanking.Components(components, group.Key.Year, result.Components.ToDictionary(c => c.Code, c => c.Score),
                    previousComponents.GetValueOrDefault(rank.UnitId));
                rows.Add(new RankingRow(node.Unit, group.Key.Year, rank.Score, rank.Rank, rank.RankedOf, rank.Tied, change, figures, result.SourceTitle,
                    result.SourcePostId is { } postId ? sources.GetValueOrDefault(postId) : null, result.AnnouncedOn));
            }
            var within = group.Key.WithinUnitId is { } withinId ? (await units.FindAsync(withinId, ct))?.Unit : null;
            groups.Add((group.Key.Year, new RankingGroup(group.Key.Grouping, within, rows), ranked.ToDictionary(r => r.UnitId)));
        }
        return groups.Select(g => g.Group).OrderBy(g => g.Grouping).ThenBy(g => g.Within?.Name, StringComparer.Ordinal).ToList();
    }

    private static IndexInfo Info(IndexDefinition d, IEnumerable<int> years) =>
        new(d.Code, d.Name, d.Assessor, d.Scale, d.MaxScore, d.HigherIsBetter, years.OrderDescending().ToList());
}
