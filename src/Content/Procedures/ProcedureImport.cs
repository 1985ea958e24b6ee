using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using CchcSite.Content.Imports;
using CchcSite.Content.Outcomes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Procedures;

public enum ImportedChange
{
    /// <summary>Thêm mới.</summary>
    Added,
    /// <summary>Sửa đổi.</summary>
    Changed,
    /// <summary>Bãi bỏ: the row says abolished, the procedure was not.</summary>
    Abolished,
    /// <summary>Không đổi.</summary>
    Unchanged,
}

/// <summary>What one row of a file does: to which procedure, and field by field what it changes.</summary>
public sealed record ImportedProcedure(int Line, string Code, string Name, ImportedChange Change, IReadOnlyList<FieldChange> Fields);

/// <summary>A dry run's or an import's account of the file.</summary>
public sealed record ProcedureImportSummary(bool DryRun, IReadOnlyList<ImportedProcedure> Rows)
{
    public int Count(ImportedChange change) => Rows.Count(r => r.Change == change);
}

/// <summary>
/// Procedures from a CSV or XLSX file (the national database's export laid out as the template), through the one table reader.
/// A dry run first: every wrong row by line and column, then what would be added, changed field by field, and abolished; then all
/// rows or none, in one transaction. A code already on the site updates that procedure, with a revision per changed procedure, so
/// its history stays. The rows are filed under one managing unit, which the caller has checked the user may manage.
/// </summary>
public sealed class ProcedureImport(CchcDbContext db, ProcedureEditing editing, AuditLog audit, TimeProvider clock, IOptions<TableLimits> limits)
{
    public const string ImportSource = "Nhập từ tệp";

    public static IReadOnlyList<string> Titles { get; } = ProcedureInputRules.Fields.Select(f => f.Title).ToList();

    private static readonly TableLayout Layout = new(ProcedureInputRules.Fields.Select(f => new TableField(f.Title, f.Field == nameof(ProcedureInput.Code))).ToList());

    /// <summary>The template: the header row and one example row showing how lists are written.</summary>
    public static IReadOnlyList<string?> ExampleRow { get; } =
    [
        "1.001193", "Đăng ký khai sinh", "Hộ tịch", "Cấp xã", "TTHC được luân chuyển trong hệ thống một cửa", "Ủy ban nhân dân cấp xã",
        "Ủy ban nhân dân cấp xã", "Bộ phận tiếp nhận và trả kết quả của Ủy ban nhân dân cấp xã",
        "Bước 1: Nộp hồ sơ.\nBước 2: Kiểm tra, tiếp nhận hồ sơ.\nBước 3: Giải quyết và trả kết quả.",
        "Trực tiếp | Ngay trong ngày | Miễn lệ phí | Nộp tại Bộ phận một cửa\nTrực tuyến | Ngay trong ngày | Miễn lệ phí | Nộp trên Cổng Dịch vụ công",
        "Tờ khai đăng ký khai sinh | 1 | 0 | Mẫu tờ khai đăng ký khai sinh\nGiấy chứng sinh | 1 | 0",
        "Ngay trong ngày tiếp nhận hồ sơ", "Không", "Không", "Cá nhân", "Trích lục khai sinh",
        "Luật Hộ tịch số 60/2014/QH13\nNghị định số 123/2015/NĐ-CP", "", "Toàn trình", "https://dichvucong.gov.vn/", "", "", "", "Đang hiệu lực", "", "",
    ];

    public static byte[] CsvTemplate() => TableTemplate.Csv(Titles, [ExampleRow]);

    public static byte[] XlsxTemplate() => TableTemplate.Xlsx(Titles, "Thủ tục", [ExampleRow]);

    public async Task<Outcome<ProcedureImportSummary>> ImportAsync(int ownerUnitId, Stream file, string fileName, bool dryRun, Actor actor, CancellationToken ct)
    {
        var catalog = await editing.CatalogAsync(ownerUnitId, ct);
        // The line each code first appears on: the same code twice is a mistake in the file, found while reading.
        var firstLine = new Dictionary<string, int>();
        var read = TableFile.Read(file, fileName, Layout with { Limits = limits.Value }, row => Row(row, catalog, firstLine));
        var errors = read.Errors.ToList();
        var rows = read.Rows.Where(r => r.Value is not null).ToList();
        var codes = firstLine.Keys.ToList();
        // The codes go to the database as one parameter (a JSON array on SQLite, an array on PostgreSQL): the SQL stays the same
        // for any file, so it is built once, instead of a statement with thousands of parameters built again for each count.
        // The checks need only each procedure's id and managing unit; the whole procedures are read for a dry run's comparison
        // (untracked), and an apply loads each batch's procedures tracked when it applies that batch.
        var owners = codes.Count == 0 ? []
            : await db.Procedures.Where(p => EF.Parameter(codes).Contains(p.Code))
                .Select(p => new { p.Code, p.Id, Owner = p.Units.OrderBy(u => u.SortOrder).Select(u => (int?)u.UnitId).FirstOrDefault() })
                .ToDictionaryAsync(p => p.Code, ct);
        var replacements = rows.Select(r => r.Value!.ReplacedBy).OfType<string>().Where(c => !firstLine.ContainsKey(c)).Distinct().ToList();
        var known = replacements.Count == 0 ? []
            : (await db.Procedures.Where(p => EF.Parameter(replacements).Contains(p.Code)).Select(p => p.Code).ToListAsync(ct)).ToHashSet();
        foreach (var row in rows)
        {
            var v = row.Value!;
            if (owners.TryGetValue(v.Code, out var current) && current.Owner is { } owner && owner != ownerUnitId)
                errors.Add(Error(row.Line, nameof(ProcedureInput.Code), $"Thủ tục {v.Code} do đơn vị khác quản lý; đơn vị này không sửa được."));
            if (v.ReplacedBy is { } replacement && !firstLine.ContainsKey(replacement) && !known.Contains(replacement))
                errors.Add(Error(row.Line, nameof(ProcedureInput.ReplacedBy), $"Chưa có thủ tục mã {replacement} trên trang hoặc trong tệp."));
        }
        if (errors.Count > 0)
            return Outcome<ProcedureImportSummary>.Invalid.Of(errors.OrderBy(e => e.Line).Select(e => KeyValuePair.Create(e.Key,
                e.Field is null || e.Message.Contains($"\"{e.Field}\"") ? e.Message : $"{e.Field}: {e.Message}")));

        var now = clock.GetUtcNow().UtcDateTime;
        var slugs = catalog.UnitIdsBySlug.ToDictionary(u => u.Value, u => u.Key);
        var ids = owners.Values.Select(p => p.Id).ToList();
        var numbers = ids.Count == 0 ? [] : await db.ProcedureRevisions.Where(r => EF.Parameter(ids).Contains(r.ProcedureId)).GroupBy(r => r.ProcedureId)
            .Select(g => new { Id = g.Key, Number = g.Max(r => r.Number) }).ToDictionaryAsync(x => x.Id, x => x.Number, ct);

        // What one row does to its procedure: "current" is the procedure as the database has it, "target" what is written
        // (a detached copy in a dry run, so that a later apply starts from the database).
        ImportedProcedure Stage(int line, ProcedureValues v, Procedure? current, Procedure target)
        {
            var before = current is null ? null : ProcedureEditing.Snapshot(current, slugs);
            var statusBefore = current?.Status;
            var (changed, after) = ProcedureEditing.Stage(target, v, ownerUnitId, catalog, before, slugs, ImportSource, actor.UserId, now,
                current is null ? 1 : numbers.GetValueOrDefault(current.Id) + 1);
            var fields = before is null ? [] : (changed ?? []).Select(f => new FieldChange(f, before.GetValueOrDefault(f, ""), after[f])).ToList();
            var kind = current is null ? ImportedChange.Added
                : changed is null ? ImportedChange.Unchanged
                : v.Status == ProcedureStatus.Abolished && statusBefore != ProcedureStatus.Abolished ? ImportedChange.Abolished
                : ImportedChange.Changed;
            return new ImportedProcedure(line, v.Code, v.Name, kind, fields);
        }

        if (dryRun)
        {
            var existing = owners.Count == 0 ? []
                : await Loading().Where(p => EF.Parameter(codes).Contains(p.Code)).AsNoTracking().ToDictionaryAsync(p => p.Code, ct);
            var preview = rows.Select(r => Stage(r.Line, r.Value!, existing.GetValueOrDefault(r.Value!.Code), Copy(existing.GetValueOrDefault(r.Value!.Code), r.Value!.Code, now)))
                .ToList();
            return new Outcome<ProcedureImportSummary>.Ok(new ProcedureImportSummary(true, preview));
        }

        var decisions = await editing.DecisionPostsAsync(rows.Select(r => r.Value!.DecisionNumber).OfType<string>(), ct);
        var summary = new List<ImportedProcedure>(rows.Count);
        var revisions = new List<ProcedureRevision>();
        // Thousands of procedures, each with its lists, units and revision: saved a batch at a time inside the one transaction,
        // so that the change tracker holds one batch (its cost grows with what it tracks) and detects each change once.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var batch in rows.Chunk(BatchSize))
            {
                var batchCodes = batch.Select(r => r.Value!.Code).Where(owners.ContainsKey).ToList();
                var tracked = batchCodes.Count == 0 ? []
                    : await Loading().Where(p => EF.Parameter(batchCodes).Contains(p.Code)).ToDictionaryAsync(p => p.Code, ct);
                foreach (var row in batch)
                {
                    var v = row.Value!;
                    var current = tracked.GetValueOrDefault(v.Code);
                    var target = current ?? Copy(null, v.Code, now);
                    summary.Add(Stage(row.Line, v, current, target));
                    if (current is null)
                        db.Procedures.Add(target);
                    if (target is { DecisionPostId: null, DecisionNumber: { } number })
                        target.DecisionPostId = decisions.GetValueOrDefault(number);
                }
                db.ChangeTracker.DetectChanges();
                revisions.AddRange(db.ChangeTracker.Entries<ProcedureRevision>().Where(e => e.State == EntityState.Added).Select(e => e.Entity));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                // The lists' values stay the ones the next batch's procedures point at, known to the tracker as they are.
                db.ProcedureTerms.AttachRange(catalog.Terms);
            }
            var result = new ProcedureImportSummary(false, summary);
            audit.Record(actor, AuditActions.ProceduresImported,
                $"Từ {fileName}: {result.Count(ImportedChange.Added)} thêm mới, {result.Count(ImportedChange.Changed)} sửa đổi, "
                + $"{result.Count(ImportedChange.Abolished)} bãi bỏ, {result.Count(ImportedChange.Unchanged)} không đổi",
                nameof(Procedure), null, ownerUnitId);
            // The revisions have their ids now; the alerts go in the same transaction, so an import is never announced half.
            Subscriptions.SubscriptionAlerts.Announced(db, revisions, now);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new Outcome<ProcedureImportSummary>.Ok(result);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    /// <summary>Rows saved at once inside the import's transaction.</summary>
    public const int BatchSize = 500;

    private IQueryable<Procedure> Loading() =>
        db.Procedures.Include(p => p.Units).Include(p => p.Field).Include(p => p.Level).AsSplitQuery();

    /// <summary>A row as the form would type it, checked by the same rules; messages go to the row under the column's title.</summary>
    private static ProcedureValues? Row(TableRow row, ProcedureCatalog catalog, Dictionary<string, int> firstLine)
    {
        string? T(string field) => row.Text(ProcedureInputRules.Title(field));
        var input = new ProcedureInput
        {
            Code = T(nameof(ProcedureInput.Code)), Name = T(nameof(ProcedureInput.Name)), Field = T(nameof(ProcedureInput.Field)),
            Level = T(nameof(ProcedureInput.Level)), ProcedureType = T(nameof(ProcedureInput.ProcedureType)),
            ImplementingBody = T(nameof(ProcedureInput.ImplementingBody)), CompetentBody = T(nameof(ProcedureInput.CompetentBody)),
            WhereToSubmit = T(nameof(ProcedureInput.WhereToSubmit)), Steps = T(nameof(ProcedureInput.Steps)), Ways = T(nameof(ProcedureInput.Ways)),
            Dossier = T(nameof(ProcedureInput.Dossier)), ProcessingTime = T(nameof(ProcedureInput.ProcessingTime)), Fees = T(nameof(ProcedureInput.Fees)),
            FeeAmount = T(nameof(ProcedureInput.FeeAmount)), Subjects = T(nameof(ProcedureInput.Subjects)), Result = T(nameof(ProcedureInput.Result)),
            LegalBases = T(nameof(ProcedureInput.LegalBases)), Requirements = T(nameof(ProcedureInput.Requirements)),
            OnlineLevel = T(nameof(ProcedureInput.OnlineLevel)), PortalUrl = T(nameof(ProcedureInput.PortalUrl)), Units = T(nameof(ProcedureInput.Units)),
            DecisionNumber = T(nameof(ProcedureInput.DecisionNumber)), DecisionDate = row.Date(ProcedureInputRules.Title(nameof(ProcedureInput.DecisionDate))),
            Status = T(nameof(ProcedureInput.Status)), StatusSince = row.Date(ProcedureInputRules.Title(nameof(ProcedureInput.StatusSince))),
            ReplacedBy = T(nameof(ProcedureInput.ReplacedBy)),
        };
        var errors = new List<KeyValuePair<string, string>>();
        var values = ProcedureInputRules.Check(input, catalog, errors);
        foreach (var (field, message) in errors)
            row.Fail(ProcedureInputRules.Title(field), message);
        var code = input.Code?.Trim();
        if (ProcedureRules.IsCode(code) && !firstLine.TryAdd(code!, row.Line))
            row.Fail(ProcedureInputRules.Title(nameof(ProcedureInput.Code)), $"Mã thủ tục {code} đã có ở dòng {firstLine[code!]} của tệp.");
        return row.Errors.Count == 0 ? values : null;
    }

    private static LineError Error(int line, string field, string message) => new(line, ProcedureInputRules.Title(field), message);

    /// <summary>A detached procedure standing for a new one, or for an existing one in a dry run (its units and history as they are).</summary>
    private static Procedure Copy(Procedure? current, string code, DateTime now)
    {
        if (current is null)
            return new Procedure { Code = code, Name = "", ImplementingBody = "", ProcessingTime = "", Fees = "", Subjects = "", Result = "", CreatedAt = now };
        var copy = new Procedure
        {
            Code = current.Code, Name = current.Name, ImplementingBody = current.ImplementingBody, ProcessingTime = current.ProcessingTime,
            Fees = current.Fees, Subjects = current.Subjects, Result = current.Result, Status = current.Status, DecisionNumber = current.DecisionNumber,
            Dossier = current.Dossier.Select(d => new DossierComponent { Name = d.Name, Originals = d.Originals, Copies = d.Copies, FormName = d.FormName, FormAssetId = d.FormAssetId }).ToList(),
            LegalBases = current.LegalBases.Select(l => new LegalBasis { Text = l.Text, DocumentPostId = l.DocumentPostId }).ToList(),
            Units = current.Units.Select(u => new ProcedureUnit { UnitId = u.UnitId, SortOrder = u.SortOrder }).ToList(),
        };
        return copy;
    }
}
