using System.Text;
using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using CchcSite.Content.Imports;
using CchcSite.Content.Indexes;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Procedures;
using CchcSite.Content.Text;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.DossierResults;

/// <summary>What an import is for: the unit whose one-stop desk reported, and the month.</summary>
public sealed record DossierImportRequest(int UnitId, int Year, int Month);

/// <summary>One row of the file as it would be stored.</summary>
public sealed record DossierImportRow(int Line, TermRef Field, DossierFigures Figures);

/// <summary>A unit's month as the editor lists it: how many fields, the totals, when it was imported.</summary>
public sealed record ImportedMonth(string UnitName, int Year, int Month, int Fields, DossierFigures Figures, DateTime ImportedAt);

/// <summary>A dry run's or an import's account: the rows, their total, and how many stored rows of that month they replace.</summary>
public sealed record DossierImportSummary(bool DryRun, int Year, int Month, IReadOnlyList<DossierImportRow> Rows, int Replaced)
{
    public DossierFigures Total => DossierFigures.Sum(Rows.Select(r => r.Figures));
}

/// <summary>
/// Enters a unit's month of dossier results from a CSV or XLSX file, one row per procedure field, as the one-stop software
/// exports them: a dry run first (the same reading, nothing stored), then all rows or none, in one transaction. The file is
/// the whole month: importing it again replaces every row of that unit and month, so a corrected export is simply imported
/// again. The caller has checked <see cref="Accounts.EditorAction.ManageDossierResults"/> on the unit.
/// </summary>
public sealed class DossierImport(CchcDbContext db, AuditLog audit, TimeProvider clock, IOptions<TableLimits> limits)
{
    public const string FieldColumn = "Lĩnh vực";
    public const string ReceivedColumn = "Tiếp nhận";
    public const string OnlineColumn = "Trong đó trực tuyến";
    public const string OnTimeColumn = "Giải quyết đúng hạn";
    public const string LateColumn = "Giải quyết quá hạn";
    public const string PendingInTimeColumn = "Đang giải quyết trong hạn";
    public const string PendingOverdueColumn = "Đang giải quyết quá hạn";
    public const string ApologiesColumn = "Thư xin lỗi";

    /// <summary>Every column is required in the header: a misspelt column would otherwise read as zeros.</summary>
    public static readonly IReadOnlyList<string> Columns =
        [FieldColumn, ReceivedColumn, OnlineColumn, OnTimeColumn, LateColumn, PendingInTimeColumn, PendingOverdueColumn, ApologiesColumn];

    private static readonly TableLayout Layout = new(Columns.Select(c => new TableField(c, Required: true)).ToList());

    public static byte[] CsvTemplate() => TableTemplate.Csv(Columns);

    public static byte[] XlsxTemplate() => TableTemplate.Xlsx(Columns, "Kết quả giải quyết");

    /// <summary>The months imported for the units given (null: all), newest first: the editor's list.</summary>
    public async Task<IReadOnlyList<ImportedMonth>> MonthsAsync(IReadOnlySet<int>? unitIds, CancellationToken ct)
    {
        var rows = db.DossierResults.AsNoTracking();
        if (unitIds is not null)
            rows = rows.Where(r => unitIds.Contains(r.UnitId));
        var list = await rows.Select(r => new { r.UnitId, r.Unit.Name, r.Year, r.Month, r.Figures, r.ImportedAt }).ToListAsync(ct);
        return list.GroupBy(r => (r.UnitId, r.Name, r.Year, r.Month))
            .Select(g => new ImportedMonth(g.Key.Name, g.Key.Year, g.Key.Month, g.Count(), DossierFigures.Sum(g.Select(r => r.Figures)), g.Max(r => r.ImportedAt)))
            .OrderByDescending(m => m.Year).ThenByDescending(m => m.Month).ThenBy(m => m.UnitName).Take(200).ToList();
    }

    /// <summary>
    /// Reads and checks every row; with <paramref name="dryRun"/> stores nothing, else replaces the unit's month in one
    /// transaction with one audit entry, or stores nothing when any row is wrong (errors keyed "Dòng N", "" for the file).
    /// </summary>
    public async Task<Outcome<DossierImportSummary>> ImportAsync(DossierImportRequest request, Stream file, string fileName, bool dryRun, Actor actor,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (request.Year is < DossierStatistics.FirstYear or > DossierStatistics.LastYear)
            errors[nameof(DossierImportRequest.Year)] = $"Năm phải từ {DossierStatistics.FirstYear} đến {DossierStatistics.LastYear}.";
        if (request.Month is < 1 or > 12)
            errors[nameof(DossierImportRequest.Month)] = "Tháng phải từ 1 đến 12.";
        else if (errors.Count == 0 && new DateOnly(request.Year, request.Month, 1) > VietnamTime.Today(clock))
            errors[nameof(DossierImportRequest.Month)] = "Chưa đến tháng này; vui lòng chọn tháng đã có số liệu.";
        if (!await db.Units.AnyAsync(u => u.Id == request.UnitId, ct))
            errors[nameof(DossierImportRequest.UnitId)] = "Không có đơn vị này trên trang.";
        if (errors.Count > 0)
            return Outcome<DossierImportSummary>.Invalid.Of(errors);

        var fields = await db.ProcedureTerms.AsNoTracking().Where(t => t.List == ProcedureList.Field).ToListAsync(ct);
        var byKey = fields.SelectMany(f => new[] { (Key: f.Slug, Field: f), (Key: Slug.From(f.Name), Field: f) })
            .DistinctBy(p => p.Key).ToDictionary(p => p.Key, p => p.Field);
        // Field → the line it was first on: a field twice is reported while reading, beside the file's other errors.
        var seen = new Dictionary<int, int>();
        var read = TableFile.Read(file, fileName, Layout with { Limits = limits.Value }, row => ToRow(row, byKey, fields, seen));
        if (!read.IsValid)
            return Outcome<DossierImportSummary>.Invalid.Of(read.Errors.OrderBy(e => e.Line).Select(e => KeyValuePair.Create(e.Key, e.Message)));

        var existing = await db.DossierResults
            .Where(r => r.UnitId == request.UnitId && r.Year == request.Year && r.Month == request.Month).ToListAsync(ct);
        var rows = read.Rows.Select(r => new DossierImportRow(r.Line, new TermRef(r.Value!.Field.Slug, r.Value.Field.Name), r.Value.Figures)).ToList();
        var summary = new DossierImportSummary(dryRun, request.Year, request.Month, rows, existing.Count);
        if (dryRun)
            return new Outcome<DossierImportSummary>.Ok(summary);

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Removed first in their own save: the unique index (unit, month, field) would refuse a new row beside its old one.
        db.DossierResults.RemoveRange(existing);
        await db.SaveChangesAsync(ct);
        db.DossierResults.AddRange(read.Rows.Select(r => new DossierResult
        {
            UnitId = request.UnitId, Year = request.Year, Month = request.Month, FieldId = r.Value!.Field.Id, Figures = r.Value.Figures, ImportedAt = now,
        }));
        var total = summary.Total;
        audit.Record(actor, AuditActions.DossierResultsImported,
            $"Tháng {request.Month}/{request.Year}: {rows.Count} lĩnh vực, tiếp nhận {total.Received}, giải quyết {total.Resolved}" +
            $"{(existing.Count > 0 ? $", thay {existing.Count} dòng đã nhập" : "")}, từ {fileName}",
            nameof(DossierResult), null, request.UnitId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Outcome<DossierImportSummary>.Ok(summary);
    }

    private sealed record ReadRow(ProcedureTerm Field, DossierFigures Figures);

    private static ReadRow? ToRow(TableRow row, Dictionary<string, ProcedureTerm> byKey, List<ProcedureTerm> fields, Dictionary<int, int> seen)
    {
        ProcedureTerm? field = null;
        if (row.Text(FieldColumn) is not { } name)
            row.Fail(FieldColumn, "Vui lòng ghi lĩnh vực.");
        else if (!byKey.TryGetValue(Slug.From(name), out field))
            row.Fail(FieldColumn, $"Không có lĩnh vực \"{TableRow.Shorten(name)}\". Các lĩnh vực: {string.Join("; ", fields.OrderBy(f => f.SortOrder).Select(f => f.Name))}.");
        else if (seen.TryGetValue(field.Id, out var first))
            row.Fail(FieldColumn, $"Lĩnh vực \"{field.Name}\" đã có ở dòng {first}.");
        else
            seen[field.Id] = row.Line;

        int Count(string column)
        {
            var value = row.Integer(column);
            // Typed text with a sign is already refused as not a whole number; a spreadsheet number cell can still be negative.
            if (value < 0)
                row.Fail(column, $"Cột \"{column}\" không được là số âm.");
            return Math.Max(0, value ?? 0);
        }
        var figures = new DossierFigures
        {
            Received = Count(ReceivedColumn), ReceivedOnline = Count(OnlineColumn), ResolvedOnTime = Count(OnTimeColumn), ResolvedLate = Count(LateColumn),
            PendingInTime = Count(PendingInTimeColumn), PendingOverdue = Count(PendingOverdueColumn), Apologies = Count(ApologiesColumn),
        };
        if (figures.ReceivedOnline > figures.Received)
            row.Fail(OnlineColumn, $"Số hồ sơ trực tuyến ({figures.ReceivedOnline}) lớn hơn số hồ sơ tiếp nhận ({figures.Received}).");
        // A letter of apology answers a late dossier: resolved late or still pending past its limit.
        if (figures.Apologies > figures.ResolvedLate + figures.PendingOverdue)
            row.Fail(ApologiesColumn, $"Số thư xin lỗi ({figures.Apologies}) lớn hơn số hồ sơ quá hạn ({figures.ResolvedLate + figures.PendingOverdue}).");
        return field is null ? null : new ReadRow(field, figures);
    }
}
