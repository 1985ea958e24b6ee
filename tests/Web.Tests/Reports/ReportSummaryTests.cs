using System.Globalization;
using System.Text.Json;
using CchcSite.Content.Reports;
using CchcSite.Web.Editor;
using CchcSite.Web.Tests.Editor;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Web.Tests.Reports;

/// <summary>
/// The Phòng Nội vụ's summary of a period: every unit it oversees, sent or not; each section's totals as the reports
/// froze them, side by side; sums that equal the units' lines; and the page, CSV and XLSX giving the same numbers.
/// </summary>
public sealed class ReportSummaryTests(EditorSite site) : IClassFixture<EditorSite>
{
    private const int Year = 2095;
    private const string Phuong1 = "ubnd-phuong-1-nga-nam";

    private static string Figures(int posts, (int Done, int Late)? plan)
    {
        var sections = new List<ReportSection>
        {
            new("posts-by-kind", "Tin, bài đã đăng", [new("count", "Số lượng")],
                [new("News", "Tin", [posts - 1]), new("Article", "Bài", [1]), new("total", "Tổng cộng", [posts])]),
        };
        if (plan is { } p)
            sections.Add(new("plan-items", "Nhiệm vụ", [new("done", "Hoàn thành"), new("late", "Hoàn thành trễ")],
                [new("total", "Tổng cộng", [p.Done, p.Late])]));
        return JsonSerializer.Serialize(sections, new JsonSerializerOptions(JsonSerializerDefaults.Web));
    }

    private Task SendAsync(string unit, DateTime submittedAt, string figures) => site.WithDbAsync(async db =>
    {
        var unitId = await db.Units.Where(u => u.Slug == unit).Select(u => u.Id).SingleAsync();
        var overseer = await db.Units.Where(u => u.Slug == AuthorizationMatrix.OverseerUnit).Select(u => u.Id).SingleAsync();
        db.SubmittedReports.Add(new SubmittedReport
        {
            UnitId = unitId, OverseerUnitId = overseer, PeriodKind = ReportPeriodKind.HalfYear, Year = Year, Version = 1, DueOn = new DateOnly(Year, 6, 15),
            SubmittedAt = submittedAt, SubmittedById = "x", SubmittedByName = "Lãnh đạo", FiguresJson = figures,
            Results = "Kết quả", Limitations = "Hạn chế", Proposals = "Đề xuất", Status = SubmittedReportStatus.Submitted,
        });
        await db.SaveChangesAsync();
        return 0;
    });

    [Fact]
    public async Task The_summary_lists_every_overseen_unit_sums_the_figures_sent_and_its_files_give_the_same_numbers()
    {
        // 15/6 at 23:30 in Vietnam is still the due day (on time); 16/6 at 00:30 in Vietnam is late, though still 15/6 in UTC.
        await SendAsync(AuthorizationMatrix.Unit, new DateTime(Year, 6, 15, 16, 30, 0, DateTimeKind.Utc), Figures(7, (3, 1)));
        await SendAsync(Phuong1, new DateTime(Year, 6, 15, 17, 30, 0, DateTimeKind.Utc), Figures(5, null));
        await site.AddUserAsync("giam-sat-tong-hop@cchc.test", (AuthorizationMatrix.OverseerUnit, Content.Accounts.UnitRole.Overseer));
        var overseer = await site.SignedInAsync("giam-sat-tong-hop@cchc.test");
        var query = $"ky=HalfYear&nam={Year}";

        var csvLines = new List<string[]>();
        using (var csv = new CsvReader(new StreamReader(await overseer.GetStreamAsync($"{SubmittedReportsController.Base}/tong-hop.csv?{query}")), CultureInfo.InvariantCulture))
            while (await csv.ReadAsync())
                csvLines.Add(Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i)!).ToArray());
        Assert.Equal(["Đơn vị", "Tình trạng", "Ngày gửi", "Đúng hạn", "Lần gửi", "Tin, bài đã đăng: Số lượng", "Nhiệm vụ: Hoàn thành", "Nhiệm vụ: Hoàn thành trễ"], csvLines[0]);
        var overseen = await site.WithDbAsync(db => db.UnitOversights.CountAsync(o => o.OverseerUnit.Slug == AuthorizationMatrix.OverseerUnit));
        // A header, a line per overseen unit (sent or not), the totals.
        Assert.Equal(overseen + 2, csvLines.Count);
        var gddt = csvLines.Single(l => l[0] == "Phòng Giáo dục và Đào tạo thị xã Ngã Năm");
        Assert.Equal(["Đã gửi, chờ tiếp nhận", "15/06/2095", "Đúng hạn", "1", "7", "3", "1"], gddt[1..]);
        var phuongName = await site.WithDbAsync(db => db.Units.Where(u => u.Slug == Phuong1).Select(u => u.Name).SingleAsync());
        var phuong = csvLines.Single(l => l[0] == phuongName);
        Assert.Equal(["16/06/2095", "Quá hạn", "1", "5", "", ""], phuong[2..]);
        Assert.Equal(overseen - 2, csvLines.Count(l => l[1] == "Chưa gửi"));
        var totals = csvLines[^1];
        Assert.Equal(["Tổng cộng", $"2/{overseen} đã gửi", "", "1 quá hạn", "", "12", "3", "1"], totals);
        // Each total is the sum of the units' lines.
        for (var column = 5; column < totals.Length; column++)
            Assert.Equal(int.Parse(totals[column]), csvLines[1..^1].Sum(l => l[column] == "" ? 0 : int.Parse(l[column])));

        // The XLSX holds the same numbers in the same order (versions, figures, totals).
        var numbersInCsv = csvLines[1..].SelectMany(l => l[4..]).Where(v => v != "").Select(int.Parse).ToList();
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await overseer.GetByteArrayAsync($"{SubmittedReportsController.Base}/tong-hop.xlsx?{query}")), false);
        Assert.Equal(numbersInCsv, workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>()
            .Where(c => c.DataType?.Value == CellValues.Number).Select(c => int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)));

        // The page shows the totals line and the count of units sent.
        var page = await overseer.GetStringAsync($"{SubmittedReportsController.Base}/tong-hop?{query}");
        Assert.Contains($"2/{overseen} đơn vị đã gửi (1 đúng hạn, 1 quá hạn), {overseen - 2} chưa gửi", page);
        var footer = page[page.IndexOf("<tfoot>", StringComparison.Ordinal)..page.IndexOf("</tfoot>", StringComparison.Ordinal)];
        Assert.Equal(["12", "3", "1"], System.Text.RegularExpressions.Regex.Matches(footer, "<td class=\"num\"[^>]*>(\\d+)</td>").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public async Task A_period_without_a_due_day_is_a_vietnamese_message_not_a_500()
    {
        var overseer = await AuthorizationMatrix.BrowserForAsync(site, Who.Overseer, "tong-hop-ky-sai");
        var page = await overseer.GetAsync($"{SubmittedReportsController.Base}/tong-hop?ky=Custom&nam={Year}");
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, page.StatusCode);
        Assert.Contains("Chỉ gửi báo cáo quý, 6 tháng hoặc năm.", await page.Content.ReadAsStringAsync());
        var file = await overseer.GetAsync($"{SubmittedReportsController.Base}/tong-hop.csv?ky=Quarter&nam={Year}&quy=7");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, file.StatusCode);
    }

    [Fact]
    public async Task The_seeded_reports_show_each_state_to_the_so_noi_vu_with_the_figures_the_seed_gives_for_their_period()
    {
        await site.AddUserAsync("giam-sat-snv-mau@cchc.test", (SeedFacts.Units.SoNoiVuSocTrang, Content.Accounts.UnitRole.Overseer));
        var overseer = await site.SignedInAsync("giam-sat-snv-mau@cchc.test");
        var lines = new List<string[]>();
        using (var csv = new CsvReader(new StreamReader(await overseer.GetStreamAsync($"{SubmittedReportsController.Base}/tong-hop.csv?ky=HalfYear&nam=2025")), CultureInfo.InvariantCulture))
            while (await csv.ReadAsync())
                lines.Add(Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i)!).ToArray());
        string[] Line(string unitName) => lines.Single(l => l[0] == unitName);
        Assert.Equal(["Đã tiếp nhận", "12/06/2025", "Đúng hạn"], Line(SeedFacts.UnitNames.SoGddtSocTrang)[1..4]);
        Assert.Equal(["Đã gửi, chờ tiếp nhận", "19/06/2025", "Quá hạn"], Line("Sở Tài chính tỉnh Sóc Trăng")[1..4]);
        Assert.Equal(["Trả lại để bổ sung", "13/06/2025", "Đúng hạn"], Line("Sở Tư pháp tỉnh Sóc Trăng")[1..4]);
        // Bình Định's report goes to its own Sở Nội vụ, not to Sóc Trăng's.
        Assert.DoesNotContain(lines, l => l[0].Contains("Bình Định"));

        var seeded = await site.WithDbAsync(db => db.SubmittedReports.Where(r => r.SubmittedById == "seed").ToListAsync());
        Assert.Equal(5, seeded.Count);
        Assert.All(seeded, r => Assert.Equal(SubmittedReportSeed.SampleSender, r.SubmittedByName));
        Assert.All(seeded.Where(r => r.Status != SubmittedReportStatus.Submitted), r => Assert.Equal(SubmittedReportSeed.SampleReviewer, r.ReviewedByName));
        // The frozen figures are the unit's report of that past period built from the seed: the same on every seeding.
        var gddt = seeded.Single(r => r.Status == SubmittedReportStatus.Acknowledged && r.PeriodKind == ReportPeriodKind.HalfYear);
        await using var scope = site.Services.CreateAsyncScope();
        var (period, _) = ReportPeriod.Create(ReportPeriodKind.HalfYear, 2025, null, null, null);
        var live = (await scope.ServiceProvider.GetRequiredService<PeriodicReports>().BuildAsync(gddt.UnitId, true, period!, default))!.Sections;
        Assert.Equal(ReportSubmissions.Serialize(live), gddt.FiguresJson);
    }
}
