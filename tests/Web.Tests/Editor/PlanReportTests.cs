using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CchcSite.Content.Plans;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Editor;

/// <summary>The seeded plans over HTTP: the report's four renderings agree, and the figures match the seed counted by hand.</summary>
public sealed partial class PlanReportTests(EditorSite site) : IClassFixture<EditorSite>
{
    private const string FirstQuarter2022 = $"don-vi={SeedFacts.Units.SoGddtSocTrang}&ky=Quarter&nam=2022&quy=1";

    [Fact]
    public async Task Page_csv_xlsx_and_json_give_the_same_numbers_counted_by_hand_from_the_seed()
    {
        var browser = await site.SignedInAsync(EditorSite.AdminEmail);
        var json = JsonDocument.Parse(await site.CreateClient().GetStringAsync($"/api/v1/reports/{SeedFacts.Units.SoGddtSocTrang}?period=Quarter&year=2022&quarter=1")).RootElement;
        var cells = (from section in json.GetProperty("sections").EnumerateArray()
                     from row in section.GetProperty("rows").EnumerateArray()
                     from pair in section.GetProperty("columns").EnumerateArray().Zip(row.GetProperty("values").EnumerateArray())
                     select (Key: $"{section.GetProperty("key")}/{row.GetProperty("key")}/{pair.First.GetProperty("key")}",
                         Titles: (section.GetProperty("title").GetString(), row.GetProperty("label").GetString(), pair.First.GetProperty("title").GetString()),
                         Value: pair.Second.GetInt32())).ToList();

        // Sở GDĐT, January–March 2022: documents 17/1 and 24/2, articles 20/1, 28/2 and 22/3, the announcement of 1/3.
        var value = cells.ToDictionary(c => c.Key, c => c.Value);
        Assert.Equal(6, value["posts-by-kind/total/count"]);
        Assert.Equal(3, value["posts-by-kind/Article/count"]);
        Assert.Equal(2, value["posts-by-kind/Document/count"]);
        Assert.Equal(1, value["posts-by-kind/Announcement/count"]);
        // Rows 1–3 of the appendix, each with its post in its month; every month has an article.
        Assert.Equal([3, 0, 0, 0], new[] { "done", "late", "overdue", "not-due" }.Select(c => value[$"plan-items/total/{c}"]));
        Assert.Equal([3, 0, 0], new[] { "met", "missing", "upcoming" }.Select(c => value[$"monthly-quota/{SeedFacts.Units.SoGddtSocTrang}/{c}"]));
        Assert.Equal("2022-03-15", json.GetProperty("period").GetProperty("dueOn").GetString());

        var page = await browser.GetStringAsync($"/quan-tri/bao-cao?{FirstQuarter2022}");
        Assert.Contains("Hạn gửi báo cáo: 15/03/2022", page);
        Assert.Equal(cells.Select(c => (c.Key, c.Value)), PageCell().Matches(page).Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))));

        using var csv = new CsvReader(new StreamReader(await browser.GetStreamAsync($"/quan-tri/bao-cao/tai-ve.csv?{FirstQuarter2022}")), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var fromCsv = new List<((string?, string?, string?), int)>();
        while (csv.Read())
            fromCsv.Add(((csv.GetField(0), csv.GetField(1), csv.GetField(2)), csv.GetField<int>(3)));
        Assert.Equal(cells.Select(c => (c.Titles, c.Value)), fromCsv);

        var xlsx = await browser.GetAsync($"/quan-tri/bao-cao/tai-ve.xlsx?{FirstQuarter2022}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        Assert.Equal(cells.Select(c => c.Value), workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>()
            .Where(c => c.DataType?.Value == CellValues.Number).Select(c => int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task The_api_explains_a_wrong_period_or_unit_as_problem_details()
    {
        var api = site.CreateClient();
        var wrong = await api.GetAsync($"/api/v1/reports/{SeedFacts.Units.SoGddtSocTrang}?period=Quarter&year=2022&quarter=5");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Quý phải từ 1 đến 4", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/reports/khong-co?period=Year&year=2022")).StatusCode);
    }

    [Fact]
    public async Task The_seeded_plan_shows_done_overdue_and_occasional_rows_with_their_posts()
    {
        var browser = await site.SignedInAsync(EditorSite.AdminEmail);
        var planId = await site.WithDbAsync(db => db.Plans.Where(p => p.Unit.Slug == SeedFacts.Units.SoLdtbxhBinhDinh).Select(p => p.Id).SingleAsync());
        var page = await browser.GetStringAsync($"/quan-tri/ke-hoach/{planId}");
        Assert.Contains("Niêm yết công khai các thủ tục hành chính tại Quầy số 20", page);
        Assert.Contains("badge--done", page);
        Assert.Contains("badge--overdue", page);
        Assert.Contains("Khi phát sinh", page);
        Assert.Contains("Chi trả trợ cấp", page, StringComparison.OrdinalIgnoreCase);
        // The draft linked to the monthly row does not count.
        Assert.DoesNotContain("dự thảo", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_malformed_file_is_refused_by_line_in_vietnamese_and_the_plan_keeps_its_rows()
    {
        var browser = await site.SignedInAsync(EditorSite.AdminEmail);
        var planId = await site.WithDbAsync(db => db.Plans.Where(p => p.Unit.Slug == SeedFacts.Units.SoGddtSocTrang).Select(p => p.Id).SingleAsync());
        var token = EditorSite.AntiforgeryToken(await browser.GetStringAsync($"/quan-tri/ke-hoach/{planId}"));
        var csv = string.Join(",", PlanItemFile.Columns) + "\n12,,Đăng tin tổng kết,Đăng web,Phòng TCCB,Tổ CNTT,Tháng 12,\n13,,,Đăng web,,,Tháng 14,\n";
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "tep", "nhiem-vu.csv" },
        };

        var response = await browser.PostAsync($"/quan-tri/ke-hoach/{planId}/nhap", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("không có nhiệm vụ nào được lưu", html);
        // One message per wrong cell, each with its line.
        Assert.Contains("Dòng 3: Thiếu nội dung.", html);
        Assert.Contains("Dòng 3: Thiếu đơn vị chủ trì.", html);
        Assert.Contains("Dòng 3: Tháng \"14\" không hợp lệ", html);
        Assert.Equal(12, await site.WithDbAsync(db => db.PlanItems.CountAsync(i => i.PlanId == planId)));
        Assert.Equal("Nội dung", (await browser.GetStringAsync("/quan-tri/ke-hoach/mau-nhap.csv")).Split(',')[2]);
    }

    [GeneratedRegex("data-cell=\"([^\"]+)\">(\\d+)<")]
    private static partial Regex PageCell();
}
