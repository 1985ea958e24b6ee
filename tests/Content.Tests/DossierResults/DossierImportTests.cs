using System.Text;
using CchcSite.Content.Audit;
using CchcSite.Content.DossierResults;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Procedures;
using CchcSite.Content.Units;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Tests.DossierResults;

/// <summary>
/// A unit's month from a file: every rule names its line and column, a bad line stores nothing, a dry run stores nothing,
/// and importing the month again replaces it. The test clock stands at 15/06/2022.
/// </summary>
public class DossierImportTests
{
    private static readonly Actor Approver = new("approver", "lanhdao@cchc.test", null);
    private static readonly string Header = string.Join(",", DossierImport.Columns);

    private sealed record Site(TestDatabase Database, Unit Unit) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }

    private static async Task<Site> SiteAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var unit = await database.AddUnitAsync("ubnd-phuong-a");
        await using var db = database.NewContext();
        db.ProcedureTerms.AddRange(
            new ProcedureTerm { List = ProcedureList.Field, Slug = "ho-tich", Name = "Hộ tịch", SortOrder = 1 },
            new ProcedureTerm { List = ProcedureList.Field, Slug = "chung-thuc", Name = "Chứng thực", SortOrder = 2 },
            new ProcedureTerm { List = ProcedureList.Field, Slug = "bao-tro-xa-hoi", Name = "Bảo trợ xã hội", SortOrder = 3 },
            new ProcedureTerm { List = ProcedureList.Field, Slug = "nguoi-co-cong", Name = "Người có công", SortOrder = 4 },
            new ProcedureTerm { List = ProcedureList.Field, Slug = "viec-lam", Name = "Việc làm", SortOrder = 5 },
            new ProcedureTerm { List = ProcedureList.Field, Slug = "giao-duc-dao-tao", Name = "Giáo dục và Đào tạo", SortOrder = 6 },
            new ProcedureTerm { List = ProcedureList.Level, Slug = "cap-xa", Name = "Cấp xã", SortOrder = 1 });
        await db.SaveChangesAsync();
        return new Site(database, unit);
    }

    private static async Task<Outcome<DossierImportSummary>> ImportAsync(Site site, int year, int month, string csv, bool dryRun = false) =>
        await ImportAsync(site, year, month, Encoding.UTF8.GetBytes(csv), "thang.csv", dryRun);

    private static async Task<Outcome<DossierImportSummary>> ImportAsync(Site site, int year, int month, byte[] file, string name, bool dryRun)
    {
        await using var db = site.Database.NewContext();
        return await site.Database.Get<DossierImport>(db).ImportAsync(new DossierImportRequest(site.Unit.Id, year, month), new MemoryStream(file), name,
            dryRun, Approver, CancellationToken.None);
    }

    private static async Task<List<(string Field, int Month, DossierFigures Figures)>> StoredAsync(Site site)
    {
        await using var db = site.Database.NewContext();
        return (await db.DossierResults.AsNoTracking().OrderBy(r => r.Month).ThenBy(r => r.Field.SortOrder)
            .Select(r => new { r.Field.Slug, r.Month, r.Figures }).ToListAsync()).Select(r => (r.Slug, r.Month, r.Figures)).ToList();
    }

    private static async Task<DossierYear> YearAsync(Site site, int? year)
    {
        await using var db = site.Database.NewContext();
        var unit = await site.Database.Get<UnitDirectory>(db).FindAsync(site.Unit.Slug, CancellationToken.None);
        return await site.Database.Get<DossierStatistics>(db).YearAsync(unit, year, CancellationToken.None);
    }

    [Fact]
    public async Task A_file_is_stored_with_fields_matched_by_name_or_slug_ignoring_tones_and_empty_cells_as_zero()
    {
        await using var site = await SiteAsync();

        var outcome = await ImportAsync(site, 2022, 5, $"{Header}\r\nho tich,95,40,90,2,12,,1\r\nchung-thuc,320,100,318,,20,0,\r\n");

        var summary = Assert.IsType<Outcome<DossierImportSummary>.Ok>(outcome).Value;
        Assert.Equal(0, summary.Replaced);
        Assert.Equal(415, summary.Total.Received);
        var stored = await StoredAsync(site);
        Assert.Equal(["ho-tich", "chung-thuc"], stored.Select(s => s.Field));
        Assert.Equal(new DossierFigures { Received = 95, ReceivedOnline = 40, ResolvedOnTime = 90, ResolvedLate = 2, PendingInTime = 12, Apologies = 1 },
            stored[0].Figures);
        await using var db = site.Database.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.DossierResultsImported && e.UnitId == site.Unit.Id
                                                       && e.Summary.Contains("Tháng 5/2022")));
    }

    [Fact]
    public async Task Every_bad_line_is_named_by_line_and_column_and_nothing_is_stored()
    {
        await using var site = await SiteAsync();
        var csv = $"""
            {Header}
            Hộ tịch,95,40,90,2,12,0,1
            ,10,0,10,0,0,0,0
            Đất đai,10,0,10,0,0,0,0
            Chứng thực,abc,0,10,0,0,0,0
            Bảo trợ xã hội,10,-1,10,0,0,0,0
            Hộ tịch,10,0,10,0,0,0,0
            Người có công,10,11,10,0,0,0,0
            Việc làm,10,0,10,1,0,1,3
            Giáo dục và đào tạo,"10,5",0,10,0,0,0,0
            """;

        var outcome = await ImportAsync(site, 2022, 5, csv);

        var errors = Assert.IsType<Outcome<DossierImportSummary>.Invalid>(outcome).Errors;
        Assert.Equal(["Dòng 3", "Dòng 4", "Dòng 5", "Dòng 6", "Dòng 7", "Dòng 8", "Dòng 9", "Dòng 10"], errors.Keys);
        Assert.Contains("Vui lòng ghi lĩnh vực", errors["Dòng 3"].Single());
        Assert.Contains("Không có lĩnh vực \"Đất đai\". Các lĩnh vực: Hộ tịch; Chứng thực; Bảo trợ xã hội;", errors["Dòng 4"].Single());
        Assert.Contains("Cột \"Tiếp nhận\": \"abc\" không phải là số nguyên.", errors["Dòng 5"].Single());
        Assert.Contains("Cột \"Trong đó trực tuyến\": \"-1\" không phải là số nguyên.", errors["Dòng 6"].Single());
        Assert.Contains("Lĩnh vực \"Hộ tịch\" đã có ở dòng 2.", errors["Dòng 7"].Single());
        Assert.Contains("trực tuyến (11) lớn hơn số hồ sơ tiếp nhận (10)", errors["Dòng 8"].Single());
        Assert.Contains("thư xin lỗi (3) lớn hơn số hồ sơ quá hạn (2)", errors["Dòng 9"].Single());
        Assert.Contains("không phải là số nguyên", errors["Dòng 10"].Single());
        Assert.Empty(await StoredAsync(site));
    }

    [Fact]
    public async Task A_header_without_a_column_is_refused_as_a_whole()
    {
        await using var site = await SiteAsync();

        var outcome = await ImportAsync(site, 2022, 5, "Lĩnh vực,Tiếp nhận\r\nHộ tịch,5\r\n");

        var errors = Assert.IsType<Outcome<DossierImportSummary>.Invalid>(outcome).Errors;
        Assert.Contains("Dòng tiêu đề thiếu cột: Trong đó trực tuyến", errors["Dòng 1"].Single());
        Assert.Empty(await StoredAsync(site));
    }

    [Theory]
    [InlineData(2022, 0, "Month", "Tháng phải từ 1 đến 12.")]
    [InlineData(2022, 13, "Month", "Tháng phải từ 1 đến 12.")]
    [InlineData(1999, 5, "Year", "Năm phải từ 2000 đến 2100.")]
    [InlineData(2022, 7, "Month", "Chưa đến tháng này")]
    public async Task A_month_out_of_range_or_not_yet_come_is_refused(int year, int month, string field, string message)
    {
        await using var site = await SiteAsync();

        var outcome = await ImportAsync(site, year, month, $"{Header}\r\nHộ tịch,1,0,1,0,0,0,0\r\n");

        Assert.Contains(message, Assert.IsType<Outcome<DossierImportSummary>.Invalid>(outcome).Errors[field].Single());
        Assert.Empty(await StoredAsync(site));
    }

    [Fact]
    public async Task A_dry_run_stores_nothing_and_a_second_import_of_the_month_replaces_it_whole()
    {
        await using var site = await SiteAsync();
        await ImportAsync(site, 2022, 4, $"{Header}\r\nHộ tịch,50,10,50,0,5,0,0\r\n");
        await ImportAsync(site, 2022, 5, $"{Header}\r\nHộ tịch,95,40,90,2,12,0,1\r\nChứng thực,320,100,318,0,20,0,0\r\n");

        var preview = await ImportAsync(site, 2022, 5, $"{Header}\r\nChứng thực,300,90,300,0,10,0,0\r\n", dryRun: true);
        Assert.Equal(2, Assert.IsType<Outcome<DossierImportSummary>.Ok>(preview).Value.Replaced);
        Assert.Equal(3, (await StoredAsync(site)).Count);

        var again = await ImportAsync(site, 2022, 5, $"{Header}\r\nChứng thực,300,90,300,0,10,0,0\r\n");

        Assert.Equal(2, Assert.IsType<Outcome<DossierImportSummary>.Ok>(again).Value.Replaced);
        var stored = await StoredAsync(site);
        // Hộ tịch of May is gone with the rest of May; April is untouched.
        Assert.Equal([("ho-tich", 4), ("chung-thuc", 5)], stored.Select(s => (s.Field, s.Month)));
        Assert.Equal(300, stored[1].Figures.Received);
    }

    [Fact]
    public async Task An_xlsx_export_is_read_like_a_csv()
    {
        await using var site = await SiteAsync();
        var xlsx = Xlsx([[.. DossierImport.Columns], ["Hộ tịch", "95", "40", "90", "2", "12", "0", "1"]]);

        var outcome = await ImportAsync(site, 2022, 5, xlsx, "thang.xlsx", dryRun: false);

        Assert.IsType<Outcome<DossierImportSummary>.Ok>(outcome);
        Assert.Equal(95, (await StoredAsync(site)).Single().Figures.Received);
        var negative = Xlsx([[.. DossierImport.Columns], ["Chứng thực", "10", "2", "-3", "0", "0", "0", "0"]]);
        var refused = await ImportAsync(site, 2022, 4, negative, "am.xlsx", dryRun: false);
        Assert.Equal("Cột \"Giải quyết đúng hạn\" không được là số âm.", Assert.IsType<Outcome<DossierImportSummary>.Invalid>(refused).Errors["Dòng 2"].Single());
        // The template the editor downloads is read back as an empty file, not a malformed one.
        var template = await ImportAsync(site, 2022, 6, DossierImport.XlsxTemplate(), "mau.xlsx", dryRun: true);
        Assert.Contains("chỉ có dòng tiêu đề", Assert.IsType<Outcome<DossierImportSummary>.Invalid>(template).Errors["Dòng 1"].Single());
    }

    [Fact]
    public async Task The_year_shows_each_month_the_latest_month_the_year_to_date_and_each_field()
    {
        await using var site = await SiteAsync();
        await ImportAsync(site, 2022, 1, $"{Header}\r\nHộ tịch,100,40,90,10,8,2,10\r\nChứng thực,200,50,200,0,0,0,0\r\n");
        await ImportAsync(site, 2022, 3, $"{Header}\r\nHộ tịch,80,40,78,2,5,0,2\r\n");

        var year = await YearAsync(site, null);

        Assert.Equal(2022, year.Year);
        Assert.Equal([1, 3], year.Months.Select(m => m.Month));
        Assert.Equal(3, year.LatestMonth);
        Assert.Equal(80, year.LatestMonthFigures.Received);
        Assert.Equal(380, year.YearToDate.Received);
        Assert.Equal(368, year.YearToDate.ResolvedOnTime);
        Assert.Equal(5, year.YearToDate.PendingInTime);
        Assert.Equal(96.8m, year.YearToDate.OnTimeRate);
        Assert.Equal(["Hộ tịch", "Chứng thực"], year.Fields.Select(f => f.Field.Name));
        Assert.Equal(180, year.Fields[0].YearToDate.Received);
        Assert.Equal(0, year.Fields[1].LatestMonth.Received);
        Assert.Equal(200, year.Fields[1].YearToDate.Received);
        Assert.Equal([2022], year.Years);
        Assert.Null((await YearAsync(site, 2021)).LatestMonth);
    }

    private static byte[] Xlsx(string[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            // Numbers as number cells, as a spreadsheet export writes them; text as inline strings.
            sheet.Worksheet = new Worksheet(new SheetData(rows.Select(r => new Row(r.Select(c => int.TryParse(c, out _)
                ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(c) }
                : new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(c)) })))));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Sheet1" }));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }
}
