using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Content.Imports;
using CchcSite.Content.Procedures;
using CchcSite.Web.Tests.Editor;
using CchcSite.Content.Text;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Procedures;

/// <summary>
/// An approver keeps the unit's procedures in the editor area: templates, a file looked at first and applied all or nothing, the
/// form with Vietnamese messages; the public pages, the API and the search index follow each save.
/// </summary>
public sealed partial class ProcedureEditorTests(EditorSite site) : IClassFixture<EditorSite>
{
    private const string Unit = SeedFacts.Units.PhongGddtNgaNam;
    /// <summary>A seeded procedure the unit manages.</summary>
    private const string Seeded = "1.004492";

    private async Task<HttpClient> ApproverAsync(string name)
    {
        await site.AddUserAsync($"{name}@cchc.test", (Unit, UnitRole.Approver));
        return await site.SignedInAsync($"{name}@cchc.test");
    }

    private static IReadOnlyList<string?> Row(string code, string name, string time) => ProcedureImport.Titles.Select(t => t switch
    {
        "Mã thủ tục" => code, "Tên thủ tục" => name, "Lĩnh vực" => "Giáo dục và Đào tạo", "Cấp thực hiện" => "Cấp huyện",
        "Cơ quan thực hiện" => "Phòng Giáo dục và Đào tạo", "Thời hạn giải quyết" => time, "Phí, lệ phí" => "Không",
        "Đối tượng thực hiện" => "Cá nhân", "Kết quả thực hiện" => "Văn bản chấp thuận", "Mức độ dịch vụ công trực tuyến" => "Một phần",
        "Thành phần hồ sơ" => "Đơn đề nghị | 1 | 0 | Mẫu số 01",
        _ => null,
    }).ToList();

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, byte[] file, string fileName)
    {
        var token = EditorSite.AntiforgeryToken(await browser.GetStringAsync("/quan-tri/thu-tuc"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(Unit), "don-vi" },
            { new ByteArrayContent(file), "tep", fileName },
        };
        return await browser.PostAsync("/quan-tri/thu-tuc/nhap", form);
    }

    private Task<int> CountAsync(string code) => site.WithDbAsync(db => db.Procedures.CountAsync(p => p.Code == code));

    private static async Task<List<string>> FoundAsync(HttpClient client, string q)
    {
        for (var attempt = 0; ; attempt++)
        {
            var results = await client.GetFromJsonAsync<JsonElement>($"/api/v1/procedures?q={Uri.EscapeDataString(q)}&status=all&pageSize=50");
            var codes = results.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();
            if (codes.Count > 0 || attempt == 100)
                return codes;
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task The_templates_have_the_vietnamese_header_row_and_read_back()
    {
        var browser = await ApproverAsync("mau-thu-tuc");
        var csv = await browser.GetAsync("/quan-tri/thu-tuc/mau-nhap.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFMã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện", text);
        var xlsx = await browser.GetAsync("/quan-tri/thu-tuc/mau-nhap.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var read = TableFile.Read(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), "mau.xlsx",
            new TableLayout(ProcedureImport.Titles.Select(t => new TableField(t, true)).ToList()), row => row.Text("Mã thủ tục"));
        Assert.Equal("1.001193", Assert.Single(read.Rows).Value);
    }

    [Fact]
    public async Task A_file_is_looked_at_first_then_applied_whole_and_the_public_site_api_and_search_follow()
    {
        var browser = await ApproverAsync("nhap-thu-tuc");
        var file = TableTemplate.Xlsx(ProcedureImport.Titles, "Thủ tục",
            [Row("9.800001", "Cấp phép tổ chức trại hè khăn quàng đỏ", "10 ngày làm việc"), Row(Seeded, "Chuyển trường đối với học sinh trung học cơ sở", "02 ngày làm việc")]);

        var preview = await UploadAsync(browser, file, "thu-tuc.xlsx");

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Contains("Xem trước (chưa lưu): 2 dòng — 1 thêm mới, 1 sửa đổi", html);
        Assert.Contains("Thời hạn giải quyết", html);
        Assert.Contains("02 ngày làm việc", html);
        Assert.Equal(0, await CountAsync("9.800001"));

        var apply = await EditorSite.PostFormAsync(browser, "/quan-tri/thu-tuc/nhap", new()
        {
            ["don-vi"] = Unit, ["noi-dung"] = ContentField().Match(html).Groups[1].Value, ["ten-tep"] = "thu-tuc.xlsx", ["ap-dung"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, apply.StatusCode);
        Assert.Equal(1, await CountAsync("9.800001"));
        var revisions = await site.WithDbAsync(db => db.ProcedureRevisions.Where(r => r.ProcedureId == db.Procedures.Single(p => p.Code == Seeded).Id)
            .OrderBy(r => r.Number).Select(r => r.Source).ToListAsync());
        Assert.Equal(ProcedureImport.ImportSource, revisions[^1]);
        Assert.True(revisions.Count >= 2);
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ProceduresImported)));
        // The list dates each procedure's last change as every editor page does: dd/mm/yyyy hh:mm, Vietnam time.
        var updatedAt = await site.WithDbAsync(db => db.Procedures.Where(p => p.Code == "9.800001").Select(p => p.UpdatedAt).SingleAsync());
        Assert.Contains($"<td>{VietnameseDate.FormatDateTime(updatedAt)} (", WebUtility.HtmlDecode(await browser.GetStringAsync($"/quan-tri/thu-tuc?don-vi={Unit}&q=9.800001")));
        var client = site.CreateClient();
        Assert.Contains("Cấp phép tổ chức trại hè khăn quàng đỏ", WebUtility.HtmlDecode(await client.GetStringAsync("/thu-tuc-hanh-chinh/9.800001")));
        Assert.Contains("02 ngày làm việc", WebUtility.HtmlDecode(await client.GetStringAsync($"/thu-tuc-hanh-chinh/{Seeded}")));
        Assert.Equal(["9.800001"], await FoundAsync(client, "trai he khan quang do"));
    }

    [Fact]
    public async Task A_file_with_bad_rows_is_refused_by_line_and_column_and_nothing_is_stored()
    {
        var browser = await ApproverAsync("nhap-sai");
        var file = TableTemplate.Csv(ProcedureImport.Titles, [Row("9.800101", "Thủ tục đúng", "05 ngày"), Row("9.8001", "Mã sai", "05 ngày"),
            Row("9.800101", "Trùng mã", "05 ngày")]);

        var response = await UploadAsync(browser, file, "thu-tuc.csv");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("không thủ tục nào được lưu", html);
        Assert.Contains("Dòng 3: Mã thủ tục: Mã thủ tục \"9.8001\" không đúng dạng", html);
        Assert.Contains("Dòng 4: Mã thủ tục: Mã thủ tục 9.800101 đã có ở dòng 2 của tệp.", html);
        Assert.Equal(0, await CountAsync("9.800101"));
    }

    [Fact]
    public async Task The_form_says_what_is_wrong_in_vietnamese_and_each_save_is_a_revision_the_public_page_shows()
    {
        var browser = await ApproverAsync("sua-thu-tuc");
        var form = new Dictionary<string, string>
        {
            ["don-vi"] = Unit, ["Code"] = "9.800201", ["Name"] = "", ["Field"] = "Giáo dục và Đào tạo", ["Level"] = "Cấp huyện",
            ["ImplementingBody"] = "Phòng Giáo dục và Đào tạo", ["ProcessingTime"] = "05 ngày làm việc", ["Fees"] = "Không", ["FeeAmount"] = "năm nghìn",
            ["Subjects"] = "Cá nhân", ["Result"] = "Văn bản", ["OnlineLevel"] = "Toàn trình", ["Status"] = "Đang hiệu lực",
            ["Steps"] = "Bước 1: Nộp hồ sơ.\r\nBước 2: Nhận kết quả.",
        };
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/quan-tri/thu-tuc/moi")).StatusCode);

        var refused = await EditorSite.PostFormAsync(browser, "/quan-tri/thu-tuc/moi", new(form));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Vui lòng nhập tên thủ tục.", html);
        Assert.Contains("Mức phí \"năm nghìn\" phải là số tiền", html);
        Assert.Equal(0, await CountAsync("9.800201"));

        form["Name"] = "Cho phép hoạt động giáo dục kỹ năng sống";
        form["FeeAmount"] = "";
        var created = await EditorSite.PostFormAsync(browser, "/quan-tri/thu-tuc/moi", new(form));
        Assert.Equal("/quan-tri/thu-tuc/9.800201", created.Headers.Location?.OriginalString);
        var client = site.CreateClient();
        Assert.Contains("Cho phép hoạt động giáo dục kỹ năng sống", WebUtility.HtmlDecode(await client.GetStringAsync("/thu-tuc-hanh-chinh/9.800201")));

        var edit = WebUtility.HtmlDecode(await browser.GetStringAsync("/quan-tri/thu-tuc/9.800201"));
        Assert.Contains("Lịch sử thay đổi", edit);
        form["Name"] = "Cho phép hoạt động giáo dục kỹ năng sống ngoài giờ chính khóa";
        form["phien-ban"] = VersionField().Match(edit).Groups[1].Value;
        var updated = await EditorSite.PostFormAsync(browser, "/quan-tri/thu-tuc/9.800201", new(form));
        Assert.Equal(HttpStatusCode.Redirect, updated.StatusCode);
        Assert.Contains("ngoài giờ chính khóa", WebUtility.HtmlDecode(await client.GetStringAsync("/thu-tuc-hanh-chinh/9.800201")));
        Assert.Equal(["Tên thủ tục"], await site.WithDbAsync(db => db.ProcedureRevisions
            .Where(r => r.ProcedureId == db.Procedures.Single(p => p.Code == "9.800201").Id && r.Number == 2).Select(r => r.ChangedFields).SingleAsync()));
        Assert.Equal(2, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ProcedureSaved && e.ItemId == "9.800201")));

        // The same form again, from the version it was opened at: someone else's save came first.
        var stale = await EditorSite.PostFormAsync(browser, "/quan-tri/thu-tuc/9.800201", new(form) { ["Name"] = "Tên cũ đè lên" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.DoesNotContain("Tên cũ đè lên", WebUtility.HtmlDecode(await client.GetStringAsync("/thu-tuc-hanh-chinh/9.800201")));
    }

    [GeneratedRegex("name=\"noi-dung\" value=\"([^\"]*)\"")]
    private static partial Regex ContentField();

    [GeneratedRegex("name=\"phien-ban\" value=\"([^\"]*)\"")]
    private static partial Regex VersionField();
}
