using System.Globalization;
using CchcSite.Content.Data;
using CchcSite.Content.Search;
using Lucene.Net.Documents;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Procedures;

/// <summary>
/// A procedure in the index, analysed as posts are. Its code is its title's first word and its number key, so the code
/// typed as written ranks it first; its kind value keeps it out of post searches, which only count it.
/// </summary>
public sealed record ProcedureSearchDocument(int ProcedureId, int UnitId, DateTime Since, string Code, string Name, string Field, string Subjects,
    string Body) : IIndexedDocument
{
    /// <summary>Posts have their <c>PostKind</c>, questions −1.</summary>
    public const int KindValue = -2;
    private const string KeyPrefix = "tt";

    public static string KeyOf(int procedureId) => KeyPrefix + procedureId.ToString(CultureInfo.InvariantCulture);

    public string Key => KeyOf(ProcedureId);

    public Document ToLucene()
    {
        var document = new Document
        {
            SearchDocument.Keyword(SearchFields.Id, Key, stored: true),
            new NumericDocValuesField(SearchFields.Kind, KindValue),
            new NumericDocValuesField(SearchFields.Unit, UnitId),
            new NumericDocValuesField(SearchFields.PublishAt, Since.Ticks),
            new NumericDocValuesField(SearchFields.UnpublishAt, long.MaxValue),
            new StoredField(SearchFields.StoredSummary, Subjects),
            new StoredField(SearchFields.StoredBody, Body),
            SearchDocument.Keyword(SearchFields.NumberKey, SearchDocument.NumberKey(Code)),
        };
        new IndexedText([$"{Code} {Name}", Field, Subjects, Body]).AddTo(document);
        return document;
    }
}

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
