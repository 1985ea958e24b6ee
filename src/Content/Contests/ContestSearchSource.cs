using CchcSite.Content.Data;
using CchcSite.Content.Rendering;
using CchcSite.Content.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Contests;

/// <summary>
/// Contests as a search source: the published ones, found by title, summary and rules. A contest taken back to draft (or
/// deleted) is not loaded, so its key is deleted; every save of a <see cref="Contest"/> enqueues it, and saving a round or a
/// question touches the contest too.
/// </summary>
public sealed class ContestSearchSource(MarkdownRenderer markdown) : ISearchSource
{
    public string Name => Contest.SourceName;

    public string KeyOf(int id) => ContestSearchDocument.KeyOf(id);

    public int KindValue => ContestSearchDocument.KindValue;

    public string DisplayName => "Hội thi trực tuyến";

    public string SearchUrl(string query) => ContestAddresses.Search(query);

    public Task<List<int>> IndexableIdsAsync(CchcDbContext db, CancellationToken ct) =>
        db.Contests.Where(c => c.Status == ContestStatus.Published).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);

    public async Task<IReadOnlyList<IIndexedDocument>> LoadAsync(CchcDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
            return [];
        var contests = await db.Contests.AsNoTracking().Where(c => ids.Contains(c.Id) && c.Status == ContestStatus.Published)
            .Select(c => new { c.Id, c.UnitId, c.CreatedAt, c.Title, c.Summary, c.RulesMarkdown, UnitName = c.Unit.Name }).ToListAsync(ct);
        return
        [
            .. contests.Select(c => (IIndexedDocument)new ContestSearchDocument(c.Id, c.UnitId, c.CreatedAt, c.Title, c.Summary,
                $"{c.UnitName}\n{markdown.ToPlainText(c.RulesMarkdown)}")),
        ];
    }
}
