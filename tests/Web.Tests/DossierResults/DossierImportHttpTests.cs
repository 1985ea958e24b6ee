using System.Net;
using System.Text;
using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Web.Tests.Editor;
using CchcSite.Content.Text;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.DossierResults;

/// <summary>An approver imports a month: the dry run stores nothing, applying the previewed file stores it and the public page shows it.</summary>
public sealed class DossierImportHttpTests(EditorSite site) : IClassFixture<EditorSite>
{
    private const string Unit = "ubnd-phuong-2-nga-nam";
    private const string Header = "Lĩnh vực,Tiếp nhận,Trong đó trực tuyến,Giải quyết đúng hạn,Giải quyết quá hạn,Đang giải quyết trong hạn,Đang giải quyết quá hạn,Thư xin lỗi";

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient browser, int year, int month, string csv, string? previewed = null)
    {
        var token = EditorSite.AntiforgeryToken(await browser.GetStringAsync("/quan-tri/ket-qua-giai-quyet"));
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(Unit), "don-vi" },
            { new StringContent(year.ToString()), "nam" },
            { new StringContent(month.ToString()), "thang" },
        };
        if (previewed is not null)
        {
            form.Add(new StringContent("true"), "ap-dung");
            form.Add(new StringContent(previewed), "noi-dung");
            form.Add(new StringContent("thang.csv"), "ten-tep");
        }
        else
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "tep", "thang.csv");
        return await browser.PostAsync("/quan-tri/ket-qua-giai-quyet/nhap", form);
    }

    [Fact]
    public async Task A_dry_run_stores_nothing_then_the_previewed_file_is_stored_audited_and_shown_in_public()
    {
        await site.AddUserAsync("nhap-ho-so@cchc.test", (Unit, UnitRole.Approver));
        var browser = await site.SignedInAsync("nhap-ho-so@cchc.test");
        var publicPage = $"/{Unit}/thu-tuc-hanh-chinh/ket-qua-giai-quyet?nam=2024";
        Assert.Contains("Chưa có số liệu năm 2024.", WebUtility.HtmlDecode(await site.NewBrowser().GetStringAsync(publicPage)));

        var preview = await ImportAsync(browser, 2024, 3, $"{Header}\r\nHộ tịch,120,60,117,3,10,0,3\r\n");
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Xem trước (chưa lưu): tháng 3/2024, 1 lĩnh vực", html);
        Assert.Equal(0, await site.WithDbAsync(db => db.DossierResults.CountAsync(r => r.Unit.Slug == Unit)));

        var previewed = System.Text.RegularExpressions.Regex.Match(html, "name=\"noi-dung\" value=\"([^\"]+)\"").Groups[1].Value;
        var applied = await ImportAsync(browser, 2024, 3, "", previewed);

        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal(120, await site.WithDbAsync(db => db.DossierResults.Where(r => r.Unit.Slug == Unit).SumAsync(r => r.Figures.Received)));
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.DossierResultsImported && e.Summary.Contains("Tháng 3/2024"))));
        // The list of imported months dates the import as every editor page does: dd/mm/yyyy hh:mm, Vietnam time.
        var importedAt = await site.WithDbAsync(db => db.DossierResults.Where(r => r.Unit.Slug == Unit).Select(r => r.ImportedAt).FirstAsync());
        Assert.Contains($"<td>{VietnameseDate.FormatDateTime(importedAt)}</td>", await browser.GetStringAsync("/quan-tri/ket-qua-giai-quyet"));
        // The cached public page is dropped by the import.
        Assert.Contains("97,5%", WebUtility.HtmlDecode(await site.NewBrowser().GetStringAsync(publicPage)));
    }

    [Fact]
    public async Task A_bad_file_is_answered_422_with_its_lines_and_stores_nothing()
    {
        await site.AddUserAsync("nhap-ho-so-sai@cchc.test", (Unit, UnitRole.Approver));
        var browser = await site.SignedInAsync("nhap-ho-so-sai@cchc.test");

        var answer = await ImportAsync(browser, 2023, 5, $"{Header}\r\nHộ tịch,10,20,10,0,0,0,0\r\nKhông có,1,0,1,0,0,0,0\r\n");
        var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        Assert.Contains("Dòng 2: Số hồ sơ trực tuyến (20) lớn hơn số hồ sơ tiếp nhận (10).", html);
        Assert.Contains("Dòng 3: Không có lĩnh vực \"Không có\"", html);
        Assert.Equal(0, await site.WithDbAsync(db => db.DossierResults.CountAsync(r => r.Year == 2023 && r.Unit.Slug == Unit)));
    }

    [Fact]
    public async Task The_templates_have_the_vietnamese_header()
    {
        var browser = await site.SignedInAsync(EditorSite.AdminEmail);
        var csv = await browser.GetByteArrayAsync("/quan-tri/ket-qua-giai-quyet/mau-nhap.csv");
        Assert.Equal(Header, Encoding.UTF8.GetString(csv).TrimStart('\uFEFF').TrimEnd());
        var xlsx = await browser.GetAsync("/quan-tri/ket-qua-giai-quyet/mau-nhap.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }
}
