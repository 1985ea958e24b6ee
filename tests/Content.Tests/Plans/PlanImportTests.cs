using System.Text;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Audit;
using CchcSite.Content.Plans;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Tests.Plans;

public class PlanImportTests
{
    private static readonly Actor Approver = new("approver", "lanhdao@cchc.test", null);
    private static readonly string Header = string.Join(",", PlanItemFile.Columns);

    private static async Task<(TestDatabase Database, Plan Plan)> PlanWithOneRowAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var unit = await database.AddUnitAsync("so-a");
        await database.AddUnitAsync("to-cntt");
        return (database, await database.AddPlanAsync(unit, 2022, ("Tháng 1", "Dòng có sẵn")));
    }

    private static async Task<Outcome<int>> ImportAsync(TestDatabase database, int planId, byte[] file, string name)
    {
        await using var db = database.NewContext();
        var plan = (await database.PlanEditing(db).FindAsync(planId, CancellationToken.None))!;
        return await database.PlanEditing(db).ImportAsync(plan, new MemoryStream(file), name, Approver, CancellationToken.None);
    }

    private static async Task<List<PlanItem>> RowsAsync(TestDatabase database, int planId)
    {
        await using var db = database.NewContext();
        return await db.PlanItems.AsNoTracking().Where(i => i.PlanId == planId).OrderBy(i => i.Order).ToListAsync();
    }

    [Fact]
    public async Task A_file_with_bad_rows_is_refused_line_by_line_and_nothing_is_stored()
    {
        var (database, plan) = await PlanWithOneRowAsync();
        await using var _ = database;
        var csv = $"""
            {Header}
            2,,Đăng tin kế hoạch,Đăng web,Văn phòng,Tổ CNTT,Tháng 2,
            3,,,Đăng web,Văn phòng,,Tháng 3,
            ba,,Nội dung,,Văn phòng,,Tháng 4,
            5,,"Nội dung có
            xuống dòng",,Văn phòng,,Tháng 13,
            6,,Nội dung,,,,Thường xuyên,
            """;

        var outcome = await ImportAsync(database, plan.Id, Encoding.UTF8.GetBytes(csv), "nhiem-vu.csv");

        var rejected = Assert.IsType<Outcome<int>.Invalid>(outcome);
        Assert.Equal(["Dòng 3", "Dòng 4", "Dòng 5", "Dòng 7"], rejected.Errors.Keys);
        Assert.Contains("nội dung", Assert.Single(rejected.Errors["Dòng 3"]), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("STT", Assert.Single(rejected.Errors["Dòng 4"]));
        Assert.Contains("13", Assert.Single(rejected.Errors["Dòng 5"]));
        Assert.Contains("chủ trì", Assert.Single(rejected.Errors["Dòng 7"]));
        Assert.Equal(["Dòng có sẵn"], (await RowsAsync(database, plan.Id)).Select(i => i.Content));
        await using var db = database.NewContext();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.PlanImported));
    }

    [Fact]
    public async Task A_file_without_the_template_columns_is_refused_at_its_header()
    {
        var (database, plan) = await PlanWithOneRowAsync();
        await using var _ = database;
        var outcome = await ImportAsync(database, plan.Id, Encoding.UTF8.GetBytes("Tên,Ngày\nMột,Hai\n"), "sai.csv");
        var (line, messages) = Assert.Single(Assert.IsType<Outcome<int>.Invalid>(outcome).Errors);
        Assert.Equal("Dòng 1", line);
        Assert.Contains("Nội dung", Assert.Single(messages));
    }

    [Fact]
    public async Task A_good_csv_is_added_after_the_plans_rows_with_units_recognised_by_name()
    {
        var (database, plan) = await PlanWithOneRowAsync();
        await using var _ = database;
        // Excel in Vietnamese writes semicolons and a byte-order mark; columns may come in any order.
        var csv = "\uFEFFNội dung;Đơn vị chủ trì;Thời gian thực hiện;Đơn vị phối hợp;Sản phẩm\n"
                  + "Đưa tin, bài về CCHC;Văn phòng;Thường xuyên;\"to-cntt; Phòng TCCB\";≥ 1 bài/tháng\n"
                  + "Công bố chỉ số CCHC;Phòng TCCB;Tháng 3, 9;;\n";

        Assert.IsType<Outcome<int>.Ok>(await ImportAsync(database, plan.Id, Encoding.UTF8.GetBytes(csv), "nhiem-vu.csv"));

        await using var db = database.NewContext();
        var rows = await db.PlanItems.AsNoTracking().Where(i => i.PlanId == plan.Id).OrderBy(i => i.Order).ToListAsync();
        Assert.Equal([1, 2, 3], rows.Select(r => r.Order));
        Assert.Equal((PlanTiming.Monthly, "≥ 1 bài/tháng"), (rows[1].Timing, rows[1].ExpectedOutput));
        Assert.Equal(["to-cntt", "Phòng TCCB"], rows[1].Coordinators.Select(c => c.Name));
        Assert.NotNull(rows[1].Coordinators[0].UnitId);
        Assert.Null(rows[1].Coordinators[1].UnitId);
        Assert.Equal([3, 9], rows[2].DueMonths);
    }

    [Fact]
    public async Task An_xlsx_made_from_the_template_is_read_with_the_spreadsheets_row_numbers()
    {
        var (database, plan) = await PlanWithOneRowAsync();
        await using var _ = database;
        var file = WithRows(PlanItemFile.XlsxTemplate(),
            ["1", "", "Tuyên truyền kế hoạch thực hiện CCHC năm 2022.", "Đăng tin kèm theo KH trên website", "Phòng TCCB", "Tổ CNTT", "Tháng 01 năm 2022", ""],
            ["2", "", "", "", "Phòng TCCB", "", "Tháng 2", ""]);

        var rejected = Assert.IsType<Outcome<int>.Invalid>(await ImportAsync(database, plan.Id, file, "nhiem-vu.xlsx"));
        Assert.Equal("Dòng 3", Assert.Single(rejected.Errors).Key);

        file = WithRows(PlanItemFile.XlsxTemplate(),
            ["7", "", "Tuyên truyền kế hoạch thực hiện CCHC năm 2022.", "Đăng tin kèm theo KH trên website", "Phòng TCCB", "Tổ CNTT", "Tháng 01 năm 2022", ""]);
        Assert.IsType<Outcome<int>.Ok>(await ImportAsync(database, plan.Id, file, "nhiem-vu.xlsx"));
        var added = (await RowsAsync(database, plan.Id)).Last();
        Assert.Equal((7, "Phòng TCCB", PlanTiming.Months), (added.Order, added.LeadName, added.Timing));
    }

    private static byte[] WithRows(byte[] template, params string[][] rows)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var data = document.WorkbookPart!.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!;
            foreach (var row in rows)
                data.AppendChild(new Row(row.Select(value => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(value)) })));
        }
        return stream.ToArray();
    }
}
