using System.Net;
using System.Text;
using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Content.Indexes;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Indexes;

/// <summary>An approver of the publishing unit imports a year of results: a dry run stores nothing, then all rows or none.</summary>
public sealed class IndexImportTests(EditorSite site) : IClassFixture<EditorSite>
{
    private const string Publisher = "ubnd-thi-xa-nga-nam";

    private async Task<HttpClient> ApproverAsync(string name)
    {
        await site.AddUserAsync($"{name}@cchc.test", (Publisher, UnitRole.Approver));
        return await site.SignedInAsync($"{name}@cchc.test");
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient browser, int year, string csv, bool apply = false, string? previewed = null) =>
        ImportAsync(browser, year, Encoding.UTF8.GetBytes(csv), "ket-qua.csv", apply, previewed);

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient browser, int year, byte[] file, string fileName, bool apply = false, string? previewed = null)
    {
        var token = EditorSite.AntiforgeryToken(await browser.GetStringAsync("/quan-tri/chi-so"));
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(Publisher), "don-vi-cong-bo" },
            { new StringContent("PAR_INDEX"), "chi-so" },
            { new StringContent(year.ToString()), "nam" },
            { new StringContent("Wards"), "nhom" },
            { new StringContent(Publisher), "trong-don-vi" },
            { new StringContent($"Quyết định công bố Chỉ số CCHC năm {year} của các xã, phường"), "van-ban" },
        };
        if (apply)
        {
            form.Add(new StringContent("true"), "ap-dung");
            form.Add(new StringContent(previewed!), "noi-dung");
            form.Add(new StringContent(fileName), "ten-tep");
        }
        else
            form.Add(new ByteArrayContent(file), "tep", fileName);
        return await browser.PostAsync("/quan-tri/chi-so/nhap", form);
    }

    private Task<int> CountAsync(int year) => site.WithDbAsync(db => db.IndexResults.CountAsync(r => r.Year == year));

    [Fact]
    public async Task A_dry_run_stores_nothing_and_applying_the_previewed_file_stores_every_row_with_an_audit_entry()
    {
        var browser = await ApproverAsync("nhap-chi-so");
        const string csv = "Đơn vị,Điểm,Xếp hạng,Cải cách thủ tục hành chính\r\nubnd-phuong-1-nga-nam,88.5,,12\r\nUBND xã Mỹ Quới,\"85,25\",,11.5\r\n";

        var preview = await ImportAsync(browser, 2031, csv);
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Xem trước (chưa lưu): 2 dòng — 2 mới", html);
        Assert.Equal(0, await CountAsync(2031));

        var previewed = System.Text.RegularExpressions.Regex.Match(html, "name=\"noi-dung\" value=\"([^\"]+)\"").Groups[1].Value;
        var applied = await ImportAsync(browser, 2031, "", apply: true, previewed: previewed);
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var stored = await site.WithDbAsync(db => db.IndexResults.Include(r => r.Components).Include(r => r.Unit).Where(r => r.Year == 2031).OrderBy(r => r.Score).ToListAsync());
        Assert.Equal(["ubnd-xa-my-quoi-nga-nam", "ubnd-phuong-1-nga-nam"], stored.Select(r => r.Unit.Slug));
        Assert.Equal(85.25m, stored[0].Score);
        Assert.Equal(11.5m, stored[0].Components.Single(c => c.Code == "TTHC").Score);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.IndexResultsImported && e.Summary.Contains("2031"))));

        // The public overview is current at once (the import makes the cached pages stale) and computes the ranks.
        var overview = WebUtility.HtmlDecode(await site.NewBrowser().GetStringAsync("/chi-so?chi-so=PAR_INDEX&nam=2031"));
        Assert.Contains("UBND Phường 1", overview);
        Assert.Contains("1/2", overview);
    }

    [Fact]
    public async Task A_file_with_a_bad_line_or_an_unknown_unit_stores_nothing_and_names_the_lines_and_the_units()
    {
        var browser = await ApproverAsync("nhap-chi-so-sai");
        const string csv = "Đơn vị,Điểm\r\nubnd-phuong-2-nga-nam,80\r\nPhường Không Có,70\r\nubnd-phuong-3-nga-nam,abc\r\nubnd-xa-tan-long-nga-nam,120\r\n";
        var units = await site.WithDbAsync(db => db.Units.CountAsync());

        var answer = await ImportAsync(browser, 2032, csv);
        var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        Assert.Contains("Các đơn vị chưa có trên trang (không được tạo tự động", html);
        Assert.Contains("Phường Không Có", html);
        Assert.Contains("Dòng 3: Đơn vị \"Phường Không Có\" chưa có trên trang", html);
        Assert.Contains("Dòng 4: Cột \"Điểm\": \"abc\" không phải là số.", html);
        Assert.Contains("Dòng 5: Điểm phải từ 0 đến 100.", html);
        Assert.Equal(0, await CountAsync(2032));
        Assert.Equal(units, await site.WithDbAsync(db => db.Units.CountAsync()));
    }

    [Fact]
    public async Task A_correction_keeps_the_earlier_figures_in_the_history()
    {
        var browser = await ApproverAsync("dinh-chinh-chi-so");
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(browser, 2033, "Đơn vị,Điểm,Xếp hạng,Số đơn vị xếp hạng\r\nubnd-phuong-1-nga-nam,80,2,8\r\n")).StatusCode);
        var first = await ImportAsync(browser, 2033, "", apply: true, previewed: Convert.ToBase64String(Encoding.UTF8.GetBytes("Đơn vị,Điểm,Xếp hạng,Số đơn vị xếp hạng\r\nubnd-phuong-1-nga-nam,80,2,8\r\n")));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var corrected = await ImportAsync(browser, 2033, "", apply: true, previewed: Convert.ToBase64String(Encoding.UTF8.GetBytes("Đơn vị,Điểm,Xếp hạng,Số đơn vị xếp hạng\r\nubnd-phuong-1-nga-nam,82.5,1,8\r\n")));
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);

        var result = await site.WithDbAsync(db => db.IndexResults.Include(r => r.Corrections).SingleAsync(r => r.Year == 2033));
        Assert.Equal(82.5m, result.Score);
        Assert.Equal(1, result.Rank);
        var earlier = Assert.Single(result.Corrections);
        Assert.Equal(80m, earlier.Score);
        Assert.Equal(2, earlier.Rank);
        Assert.Contains("dinh-chinh-chi-so", earlier.UserName);
        var history = WebUtility.HtmlDecode(await browser.GetStringAsync($"/quan-tri/chi-so/{result.Id}"));
        Assert.Contains("Lịch sử đính chính", history);
        Assert.Contains("<td>80 → 82,5</td>", history);
    }

    [Fact]
    public async Task The_xlsx_template_has_the_years_columns_and_an_xlsx_file_is_imported_like_a_csv()
    {
        var browser = await ApproverAsync("nhap-chi-so-xlsx");
        var template = await browser.GetAsync("/quan-tri/chi-so/mau-nhap.xlsx?chi-so=PAR_INDEX&nam=2034");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", template.Content.Headers.ContentType?.MediaType);
        using (var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await template.Content.ReadAsByteArrayAsync()), false))
        {
            var header = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList();
            Assert.Equal(["Đơn vị", "Điểm", "Xếp hạng", "Số đơn vị xếp hạng"], header.Take(4));
            Assert.Contains("Cải cách thủ tục hành chính", header);
            Assert.DoesNotContain("Hiện đại hóa hành chính", header); // assessed in 2021 only
        }

        var file = CchcSite.Testing.Hostile.HostileSpreadsheets.Valid(["Đơn vị", "Điểm", "Cải cách thủ tục hành chính"], ["ubnd-phuong-3-nga-nam", "77,5", "10"]);
        var preview = await ImportAsync(browser, 2034, file, "ket-qua.xlsx");
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Contains("Xem trước (chưa lưu): 1 dòng — 1 mới", html);
        var previewed = System.Text.RegularExpressions.Regex.Match(html, "name=\"noi-dung\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await ImportAsync(browser, 2034, [], "ket-qua.xlsx", apply: true, previewed: previewed)).StatusCode);
        var stored = await site.WithDbAsync(db => db.IndexResults.Include(r => r.Components).SingleAsync(r => r.Year == 2034));
        Assert.Equal((77.5m, 10m), (stored.Score, stored.Components.Single(c => c.Code == "TTHC").Score));
    }
}
