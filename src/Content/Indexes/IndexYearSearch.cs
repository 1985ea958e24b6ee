using System.Globalization;
using CchcSite.Content.Data;
using CchcSite.Content.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Indexes;

/// <summary>
/// The search item of index results: one per index and year, the page a citizen lands on (<c>/chi-so?chi-so=&amp;nam=</c>),
/// not one per unit's figure, which would fill a search with dozens of near-identical rows. Its item id packs the index
/// and the year, because the outbox carries one number per item.
/// </summary>
public readonly record struct IndexYear(int IndexDefinitionId, int Year)
{
    /// <summary>Years are 2000–2100 (<see cref="IndexEditing"/> checks), so four digits hold them.</summary>
    private const int YearSpan = 10_000;

    public int ItemId => IndexDefinitionId * YearSpan + Year;

    public static IndexYear Of(int itemId) => new(itemId / YearSpan, itemId % YearSpan);
}

/// <summary>Index results as a search source: every index and year that has a result.</summary>
public sealed class IndexYearSearchSource : ISearchSource
{
    public const string SourceName = "index-year";

    public string Name => SourceName;

    public string KeyOf(int id) => IndexYearSearchDocument.KeyOf(id);

    public int KindValue => IndexYearSearchDocument.KindValue;

    public string DisplayName => "Kết quả chỉ số CCHC";

    public string SearchUrl(string query) => IndexResults.SearchUrl(query);

    public async Task<List<int>> IndexableIdsAsync(CchcDbContext db, CancellationToken ct) =>
        (await db.Set<IndexResult>().Select(r => new { r.IndexDefinitionId, r.Year }).Distinct().ToListAsync(ct))
        .Select(r => new IndexYear(r.IndexDefinitionId, r.Year).ItemId).Order().ToList();

    public async Task<IReadOnlyList<IIndexedDocument>> LoadAsync(CchcDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
            return [];
        var pairs = ids.Select(IndexYear.Of).ToList();
        var definitionIds = pairs.Select(p => p.IndexDefinitionId).Distinct().ToList();
        var years = pairs.Select(p => p.Year).Distinct().ToList();
        var definitions = await db.Set<IndexDefinition>().AsNoTracking().Include(i => i.Components).Where(i => definitionIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, ct);
        var results = (await db.Set<IndexResult>().AsNoTracking().Where(r => definitionIds.Contains(r.IndexDefinitionId) && years.Contains(r.Year))
                .Select(r => new { r.IndexDefinitionId, r.Year, r.Grouping, r.PublisherUnitId, UnitName = r.Unit.Name, r.Unit.ShortName, r.SourceTitle, r.CreatedAt })
                .ToListAsync(ct))
            .ToLookup(r => new IndexYear(r.IndexDefinitionId, r.Year));
        var documents = new List<IIndexedDocument>();
        foreach (var pair in pairs.Distinct())
        {
            // An index and year whose last result was deleted has no document: its key is deleted.
            if (!definitions.TryGetValue(pair.IndexDefinitionId, out var definition) || !results[pair].Any())
                continue;
            var rows = results[pair].ToList();
            documents.Add(new IndexYearSearchDocument(pair.ItemId, rows.Min(r => r.CreatedAt), rows[0].PublisherUnitId,
                IndexResults.TitleOf(definition.Name, pair.Year), definition.Code, definition.Assessor,
                string.Join(", ", rows.Select(r => r.Grouping).Distinct().Order().Select(g => g.Heading())),
                string.Join("\n", new[] { string.Join(", ", rows.Select(r => r.UnitName).Distinct()),
                        string.Join(", ", definition.Components.Where(c => c.AppliesTo(pair.Year)).OrderBy(c => c.SortOrder).Select(c => c.Name)) }
                    .Concat(rows.Select(r => r.SourceTitle).Distinct()).Where(t => !string.IsNullOrWhiteSpace(t)))));
        }
        return documents;
    }
}
