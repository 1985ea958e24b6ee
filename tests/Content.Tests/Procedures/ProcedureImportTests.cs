using System.Text;
using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using CchcSite.Content.Indexes;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Procedures;
using CchcSite.Content.Search;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Tests.Procedures;

/// <summary>The import's rules: each bad row by line and column, the dry run's account, all or nothing, update by code with history.</summary>
public class ProcedureImportTests
{
    private static readonly Actor Approver = new("approver", "lanhdao@cchc.test", null);
    private static readonly string Header = string.Join(",", ProcedureImport.Titles.Select(Csv.Quote));

    /// <summary>A database with the two lists and two units; "phuong-a" manages what the tests import.</summary>
    internal static async Task<(TestDatabase Database, Unit Unit, Unit Other)> SiteAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var unit = await database.AddUnitAsync("phuong-a");
        var other = await database.AddUnitAsync("phuong-b");
        await using var db = database.NewContext();
        db.ProcedureTerms.AddRange(
            new ProcedureTerm { List = ProcedureList.Field, Slug = "ho-tich", Name = "Hộ tịch" },
            new ProcedureTerm { List = ProcedureList.Field, Slug = "chung-thuc", Name = "Chứng thực", SortOrder = 1 },
            new ProcedureTerm { List = ProcedureList.Level, Slug = "cap-xa", Name = "Cấp xã" });
        await db.SaveChangesAsync();
        return (database, unit, other);
    }

    /// <summary>A row with every required column, the rest as given (by the template's title).</summary>
    internal static string Row(string code, string name = "Đăng ký khai sinh", Dictionary<string, string>? cells = null)
    {
        var values = new Dictionary<string, string>
        {
            ["Mã thủ tục"] = code, ["Tên thủ tục"] = name, ["Lĩnh vực"] = "Hộ tịch", ["Cấp thực hiện"] = "cap-xa",
            ["Cơ quan thực hiện"] = "UBND phường", ["Thời hạn giải quyết"] = "Ngay trong ngày", ["Phí, lệ phí"] = "Không",
            ["Đối tượng thực hiện"] = "Cá nhân", ["Kết quả thực hiện"] = "Trích lục khai sinh",
        };
        foreach (var (title, value) in cells ?? [])
            values[title] = value;
        return string.Join(",", ProcedureImport.Titles.Select(t => Csv.Quote(values.GetValueOrDefault(t, ""))));
    }

    internal static byte[] File(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\r\n", rows.Prepend(Header)) + "\r\n");

    internal static async Task<Outcome<ProcedureImportSummary>> ImportAsync(TestDatabase database, Unit unit, byte[] file, bool dryRun, string name = "tthc.csv")
    {
        await using var db = database.NewContext();
        return await database.Get<ProcedureImport>(db).ImportAsync(unit.Id, new MemoryStream(file), name, dryRun, Approver, CancellationToken.None);
    }

    private static async Task<List<Procedure>> ProceduresAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await db.Procedures.AsNoTracking().Include(p => p.Revisions).Include(p => p.Units).OrderBy(p => p.Code).ToListAsync();
    }

    [Fact]
    public async Task Every_bad_row_is_listed_by_line_and_column_and_nothing_is_stored()
    {
        var (database, unit, _) = await SiteAsync();
        await using var _d = database;
        var file = File(
            Row("1.000001"),
            Row(""),
            Row("1.23"),
            Row("1.000004", cells: new() { ["Lĩnh vực"] = "Thuế" }),
            Row("1.000005", cells: new() { ["Cấp thực hiện"] = "Cấp trung ương" }),
            Row("1.000001", "Trùng mã"),
            Row("1.000007", cells: new() { ["Mức phí (đồng)"] = "tám nghìn" }),
            Row("1.000008", cells: new() { ["Mức phí (đồng)"] = "50.000" }),
            Row("1.000009", cells: new() { ["Mức phí (đồng)"] = "Không" }));

        var outcome = await ImportAsync(database, unit, file, dryRun: true);

        var invalid = Assert.IsType<Outcome<ProcedureImportSummary>.Invalid>(outcome);
        Assert.Equal(["Dòng 3", "Dòng 4", "Dòng 5", "Dòng 6", "Dòng 7", "Dòng 8"], invalid.Errors.Keys);
        Assert.StartsWith("Mã thủ tục: Vui lòng nhập mã thủ tục", Assert.Single(invalid.Errors["Dòng 3"]));
        Assert.Contains("không đúng dạng", Assert.Single(invalid.Errors["Dòng 4"]));
        Assert.StartsWith("Lĩnh vực: Lĩnh vực \"Thuế\" không có trong danh mục", Assert.Single(invalid.Errors["Dòng 5"]));
        Assert.StartsWith("Cấp thực hiện:", Assert.Single(invalid.Errors["Dòng 6"]));
        Assert.Equal("Mã thủ tục: Mã thủ tục 1.000001 đã có ở dòng 2 của tệp.", Assert.Single(invalid.Errors["Dòng 7"]));
        Assert.StartsWith("Mức phí (đồng): Mức phí \"tám nghìn\" phải là số tiền", Assert.Single(invalid.Errors["Dòng 8"]));

        // Applying the same file stores nothing either: all or nothing.
        Assert.IsType<Outcome<ProcedureImportSummary>.Invalid>(await ImportAsync(database, unit, file, dryRun: false));
        Assert.Empty(await ProceduresAsync(database));
    }

    [Fact]
    public async Task An_apply_stopped_after_its_first_batch_was_saved_leaves_nothing_of_the_file()
    {
        var (database, unit, _) = await SiteAsync();
        await using var _d = database;
        var file = File(Enumerable.Range(1, ProcedureImport.BatchSize + 50).Select(i => Row($"1.{i:D6}")).ToArray());
        await using (var db = database.NewContext())
        {
            // The first batch reaches the database inside the transaction; the import is then cancelled before the next.
            using var stop = new CancellationTokenSource();
            var saves = 0;
            db.SavedChanges += (_, _) =>
            {
                if (++saves == 1)
                    stop.Cancel();
            };
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => database.Get<ProcedureImport>(db)
                .ImportAsync(unit.Id, new MemoryStream(file), "tthc.csv", dryRun: false, Approver, stop.Token));
            Assert.True(saves >= 1);
        }
        Assert.Empty(await ProceduresAsync(database));
        await using (var db = database.NewContext())
        {
            Assert.Empty(await db.ProcedureRevisions.ToListAsync());
            Assert.Empty(await db.AuditEntries.Where(a => a.Action == AuditActions.ProceduresImported).ToListAsync());
        }

        // The same file applied to the end stores every row, across the batches.
        Assert.True((await ImportAsync(database, unit, file, dryRun: false)).IsOk);
        Assert.Equal(ProcedureImport.BatchSize + 50, (await ProceduresAsync(database)).Count);
    }

    [Fact]
    public async Task A_header_without_the_code_column_is_refused_for_the_whole_file()
    {
        var (database, unit, _) = await SiteAsync();
        await using var _d = database;
        var outcome = await ImportAsync(database, unit, Encoding.UTF8.GetBytes("Tên thủ tục,Lĩnh vực\r\nĐăng ký khai sinh,Hộ tịch\r\n"), dryRun: true);
        Assert.Contains("Mã thủ tục", Assert.IsType<Outcome<ProcedureImportSummary>.Invalid>(outcome).Problem);
    }

    [Fact]
    public async Task A_dry_run_tells_what_would_be_added_changed_field_by_field_and_abolished_and_stores_nothing()
    {
        var (database, unit, _) = await SiteAsync();
        await using var _d = database;
        Assert.True((await ImportAsync(database, unit, File(Row("1.000001"), Row("1.000002", "Chứng thực bản sao"), Row("1.000003", "Đăng ký kết hôn")), false)).IsOk);

        var file = File(
            Row("1.000001", cells: new() { ["Thời hạn giải quyết"] = "03 ngày làm việc", ["Phí, lệ phí"] = "8.000 đồng/bản" }),
            Row("1.000002", "Chứng thực bản sao", new() { ["Tình trạng"] = "Đã bãi bỏ", ["Số quyết định công bố"] = "12/QĐ-UBND", ["Ngày quyết định công bố"] = "05/01/2024" }),
            Row("1.000003", "Đăng ký kết hôn"),
            Row("2.000004", "Đăng ký khai tử"));
        var outcome = await ImportAsync(database, unit, file, dryRun: true);

        var summary = Assert.IsType<Outcome<ProcedureImportSummary>.Ok>(outcome).Value;
        Assert.True(summary.DryRun);
        Assert.Equal([ImportedChange.Changed, ImportedChange.Abolished, ImportedChange.Unchanged, ImportedChange.Added], summary.Rows.Select(r => r.Change));
        Assert.Equal([2, 3, 4, 5], summary.Rows.Select(r => r.Line));
        var changed = summary.Rows[0].Fields;
        Assert.Equal(["Thời hạn giải quyết", "Phí, lệ phí"], changed.Select(f => f.Field));
        Assert.Equal(new FieldChange("Thời hạn giải quyết", "Ngay trong ngày", "03 ngày làm việc"), changed[0]);
        Assert.Contains(summary.Rows[1].Fields, f => f is { Field: "Tình trạng", Before: "Đang hiệu lực", After: "Đã bãi bỏ" });
        Assert.Empty(summary.Rows[2].Fields);

        var stored = await ProceduresAsync(database);
        Assert.Equal(["1.000001", "1.000002", "1.000003"], stored.Select(p => p.Code));
        Assert.All(stored, p => Assert.Equal(ProcedureStatus.InForce, p.Status));
        Assert.All(stored, p => Assert.Single(p.Revisions));
        Assert.Equal("Ngay trong ngày", stored[0].ProcessingTime);
    }

    [Fact]
    public async Task Re_importing_updates_by_code_keeps_every_earlier_version_and_records_the_decision()
    {
        var (database, unit, _) = await SiteAsync();
        await using var _d = database;
        Assert.True((await ImportAsync(database, unit, File(Row("1.000001"), Row("1.000002", "Chứng thực bản sao")), false)).IsOk);
        var first = (await ProceduresAsync(database))[0];

        var outcome = await ImportAsync(database, unit, File(
            Row("1.000001", cells: new() { ["Thời hạn giải quyết"] = "03 ngày làm việc", ["Số quyết định công bố"] = "12/QĐ-UBND", ["Ngày quyết định công bố"] = "05/01/2024" }),
            Row("1.000002", "Chứng thực bản sao", new() { ["Tình trạng"] = "Đã bãi bỏ", ["Số quyết định công bố"] = "12/QĐ-UBND", ["Ngày quyết định công bố"] = "05/01/2024" })), false);

        var summary = Assert.IsType<Outcome<ProcedureImportSummary>.Ok>(outcome).Value;
        Assert.False(summary.DryRun);
        var stored = await ProceduresAsync(database);
        Assert.Equal(2, stored.Count);
        var amended = stored[0];
        Assert.Equal(first.Id, amended.Id);
        Assert.Equal("03 ngày làm việc", amended.ProcessingTime);
        Assert.NotEqual(first.Version, amended.Version);
        var revisions = amended.Revisions.OrderBy(r => r.Number).ToList();
        Assert.Equal([1, 2], revisions.Select(r => r.Number));
        Assert.Contains("Ngay trong ngày", revisions[0].Snapshot);
        Assert.Contains("03 ngày làm việc", revisions[1].Snapshot);
        Assert.Equal(ProcedureImport.ImportSource, revisions[1].Source);
        Assert.Contains("Thời hạn giải quyết", revisions[1].ChangedFields);
        Assert.Equal((ProcedureChange.Amended, "12/QĐ-UBND"), (revisions[1].Change!.Value, revisions[1].DecisionNumber));
        var abolished = stored[1];
        Assert.Equal(ProcedureStatus.Abolished, abolished.Status);
        Assert.Equal(ProcedureChange.Abolished, abolished.Revisions.OrderBy(r => r.Number).Last().Change);

        // The same file again changes nothing: no new revision.
        var again = await ImportAsync(database, unit, File(
            Row("1.000001", cells: new() { ["Thời hạn giải quyết"] = "03 ngày làm việc", ["Số quyết định công bố"] = "12/QĐ-UBND", ["Ngày quyết định công bố"] = "05/01/2024" })), false);
        Assert.Equal(ImportedChange.Unchanged, Assert.Single(Assert.IsType<Outcome<ProcedureImportSummary>.Ok>(again).Value.Rows).Change);
        Assert.Equal(2, (await ProceduresAsync(database))[0].Revisions.Count);
    }

    [Fact]
    public async Task An_import_writes_one_audit_entry_and_queues_every_procedure_for_the_search_index()
    {
        var (database, unit, _) = await SiteAsync();
        await using var _d = database;
        Assert.True((await ImportAsync(database, unit, File(Row("1.000001"), Row("1.000002", "Chứng thực bản sao")), false)).IsOk);

        await using var db = database.NewContext();
        var entry = await db.Set<AuditEntry>().SingleAsync(e => e.Action == AuditActions.ProceduresImported);
        Assert.Equal(unit.Id, entry.UnitId);
        Assert.Contains("2 thêm mới", entry.Summary);
        var ids = await db.Procedures.Select(p => p.Id).ToListAsync();
        var queued = await db.Set<SearchOutboxEntry>().Where(e => e.Source == Procedure.SourceName).Select(e => e.ItemId).ToListAsync();
        Assert.Equal(ids.Order(), queued.OfType<int>().Order());
    }

    [Fact]
    public async Task A_procedure_managed_by_another_unit_is_not_changed_by_this_units_file()
    {
        var (database, unit, other) = await SiteAsync();
        await using var _d = database;
        Assert.True((await ImportAsync(database, other, File(Row("1.000001")), false)).IsOk);

        var outcome = await ImportAsync(database, unit, File(Row("1.000001", "Tên khác")), false);

        Assert.Contains("do đơn vị khác quản lý", Assert.Single(Assert.IsType<Outcome<ProcedureImportSummary>.Invalid>(outcome).Errors["Dòng 2"]));
        Assert.Equal("Đăng ký khai sinh", Assert.Single(await ProceduresAsync(database)).Name);
    }

    [Fact]
    public async Task Lists_are_read_one_item_per_line_with_their_parts_and_the_template_reads_back()
    {
        var (database, unit, other) = await SiteAsync();
        await using var _d = database;
        var outcome = await ImportAsync(database, unit, File(Row("1.000001", cells: new()
        {
            ["Trình tự thực hiện"] = "Bước 1: Nộp hồ sơ.\nBước 2: Nhận kết quả.",
            ["Cách thức thực hiện"] = "Trực tiếp | Ngay trong ngày | Không\nQua dịch vụ bưu chính | 02 ngày",
            ["Thành phần hồ sơ"] = "Tờ khai | 1 | 0 | Mẫu số 01\nGiấy chứng sinh | 1 | 2",
            ["Mức độ dịch vụ công trực tuyến"] = "Toàn trình",
            ["Đơn vị phối hợp giải quyết"] = other.Slug,
        })), false);
        Assert.True(outcome.IsOk, outcome.Problem);
        var p = Assert.Single(await ProceduresAsync(database));
        Assert.Equal(["Bước 1: Nộp hồ sơ.", "Bước 2: Nhận kết quả."], p.Steps);
        Assert.Equal([SubmissionChannel.InPerson, SubmissionChannel.Post], p.Ways.Select(w => w.Channel));
        Assert.Equal("02 ngày", p.Ways[1].ProcessingTime);
        Assert.Equal(new (string, int, int, string?)[] { ("Tờ khai", 1, 0, "Mẫu số 01"), ("Giấy chứng sinh", 1, 2, null) }, p.Dossier.Select(d => (d.Name, d.Originals, d.Copies, d.FormName)));
        Assert.Equal(OnlineServiceLevel.Full, p.OnlineLevel);
        Assert.Equal(0m, p.FeeAmount);
        Assert.Equal([unit.Id, other.Id], p.Units.OrderBy(u => u.SortOrder).Select(u => u.UnitId));

        foreach (var (template, name) in new[] { (ProcedureImport.CsvTemplate(), "mau.csv"), (ProcedureImport.XlsxTemplate(), "mau.xlsx") })
        {
            var preview = await ImportAsync(database, other, template, dryRun: true, name);
            Assert.True(preview.IsOk, preview.Problem);
            Assert.Equal(ImportedChange.Added, Assert.Single(Assert.IsType<Outcome<ProcedureImportSummary>.Ok>(preview).Value.Rows).Change);
        }
    }

    [Fact]
    public async Task A_dossier_component_offers_a_form_file_from_the_managing_units_library_and_keeps_it_on_re_import()
    {
        var (database, unit, other) = await SiteAsync();
        await using var _d = database;
        await using (var db = database.NewContext())
        {
            db.MediaAssets.AddRange(
                new global::CchcSite.Content.Media.MediaAsset { UnitId = unit.Id, FileName = "to-khai.docx", ContentType = "application/msword", StoragePath = "a/to-khai.docx" },
                new global::CchcSite.Content.Media.MediaAsset { UnitId = other.Id, FileName = "cua-don-vi-khac.pdf", ContentType = "application/pdf", StoragePath = "b/x.pdf" });
            await db.SaveChangesAsync();
        }
        Dictionary<string, string> Dossier(string line) => new() { ["Thành phần hồ sơ"] = line };

        var refused = await ImportAsync(database, unit, File(Row("1.000001", cells: Dossier("Tờ khai | 1 | 0 | Mẫu 01 | cua-don-vi-khac.pdf"))), false);
        Assert.Contains("không có tệp \"cua-don-vi-khac.pdf\" trong thư viện của đơn vị",
            Assert.Single(Assert.IsType<Outcome<ProcedureImportSummary>.Invalid>(refused).Errors["Dòng 2"]));

        Assert.True((await ImportAsync(database, unit, File(Row("1.000001", cells: Dossier("Tờ khai | 1 | 0 | Mẫu 01 | TO-KHAI.docx"))), false)).IsOk);
        var file = Assert.Single(Assert.Single(await ProceduresAsync(database)).Dossier).FormAssetId;
        Assert.NotNull(file);

        // The national database's export names no file: the component keeps the one attached.
        Assert.True((await ImportAsync(database, unit, File(Row("1.000001", cells: Dossier("Tờ khai | 1 | 1 | Mẫu 01"))), false)).IsOk);
        var kept = Assert.Single(Assert.Single(await ProceduresAsync(database)).Dossier);
        Assert.Equal((1, file), (kept.Copies, kept.FormAssetId));
    }
}
