using CchcSite.Content.Data;
using CchcSite.Content.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Procedures;

/// <summary>Procedures as a search source: every procedure is indexed, abolished ones too (their pages stay); the list filters by status.</summary>
public sealed class ProcedureSearchSource : ISearchSource
{
    public string Name => Procedure.SourceName;

    public string KeyOf(int id) => ProcedureSearchDocument.KeyOf(id);

    public int KindValue => ProcedureSearchDocument.KindValue;

    public string DisplayName => "Thủ tục hành chính";

    public string SearchUrl(string query) => $"{ProcedureAddresses.ListUrl(null)}?q={Uri.EscapeDataString(query)}";

    public Task<List<int>> IndexableIdsAsync(CchcDbContext db, CancellationToken ct) =>
        db.Procedures.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);

    public async Task<IReadOnlyList<IIndexedDocument>> LoadAsync(CchcDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
            return [];
        var procedures = await db.Procedures.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Include(p => p.Field).Include(p => p.Units).AsSplitQuery().ToListAsync(ct);
        return procedures.Select(p => (IIndexedDocument)new ProcedureSearchDocument(p.Id,
            p.Units.OrderBy(u => u.SortOrder).Select(u => u.UnitId).FirstOrDefault(), p.CreatedAt, p.Code, p.Name, p.Field.Name, p.Subjects,
            string.Join("\n", new[] { p.ImplementingBody, p.Result, p.Requirements }.Concat(p.Steps).Concat(p.Dossier.Select(d => d.Name))
                .Where(t => !string.IsNullOrWhiteSpace(t))))).ToList();
    }
}
