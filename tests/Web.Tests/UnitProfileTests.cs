using System.Net;
using System.Text.Json;
using CchcSite.Content.Accounts;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests;

/// <summary>
/// The pages Decree 42/2022 asks a state portal to publish: each unit's "Giới thiệu" (functions, organisation, leaders,
/// contacts), its English page, the site-wide contact page; written by the unit's approver in the editor area.
/// </summary>
public sealed class UnitProfileTests(EditorSite site) : IClassFixture<EditorSite>
{
    private const string Unit = SeedFacts.Units.SoGddtSocTrang;

    [Fact]
    public async Task Every_seeded_unit_has_an_about_page_an_english_page_linked_both_ways_and_a_line_on_the_contact_page()
    {
        var client = site.CreateClient();
        var units = await site.WithDbAsync(db => db.Units.Where(u => u.IsActive).Select(u => new { u.Slug, u.Name, u.Contact.Address }).ToListAsync());
        var contact = WebUtility.HtmlDecode(await client.GetStringAsync("/lien-he"));
        foreach (var unit in units)
        {
            var about = WebUtility.HtmlDecode(await client.GetStringAsync($"/{unit.Slug}/gioi-thieu"));
            Assert.Contains("Chức năng, nhiệm vụ", about);
            Assert.Contains("aria-current=\"page\">Giới thiệu</a>", about);
            Assert.Contains($"<link rel=\"alternate\" hreflang=\"en\" href=\"http://localhost/{unit.Slug}/en\">", about);
            var english = await client.GetStringAsync($"/{unit.Slug}/en");
            Assert.Contains("<article class=\"section english-page\" lang=\"en\">", english);
            Assert.Contains($"<link rel=\"alternate\" hreflang=\"vi\" href=\"http://localhost/{unit.Slug}/gioi-thieu\">", english);
            Assert.Contains($"<link rel=\"canonical\" href=\"http://localhost/{unit.Slug}/en\">", english);
            Assert.Contains(unit.Name, contact);
            if (unit.Address is not null)
                Assert.Contains(unit.Address, contact);
        }
        var seeded = WebUtility.HtmlDecode(await client.GetStringAsync($"/{Unit}/gioi-thieu"));
        Assert.Contains("Khảo thí và Quản lý chất lượng giáo dục", seeded);
        Assert.Contains("Soc Trang Department of Education and Training", await client.GetStringAsync($"/{Unit}/en"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/khong-co-don-vi-nay/gioi-thieu")).StatusCode);
    }

    [Fact]
    public async Task An_approver_adds_leaders_the_public_page_and_the_api_show_them_and_bad_rows_get_vietnamese_messages()
    {
        await site.AddUserAsync("gioi-thieu@gddt.test", (Unit, UnitRole.Approver));
        var browser = await site.SignedInAsync("gioi-thieu@gddt.test");
        var token = EditorSite.AntiforgeryToken(await browser.GetStringAsync($"/quan-tri/gioi-thieu/{Unit}"));
        var path = $"/quan-tri/gioi-thieu/{Unit}";
        // The form posts every field; the seeded texts go back unchanged, so the other tests of this site still find them.
        var (functions, organisation) = await site.WithDbAsync(async db => (await db.Units.AsNoTracking().Where(u => u.Slug == Unit)
            .Select(u => new { u.Profile.Functions, u.Profile.Organisation }).SingleAsync()) is var p ? (p.Functions, p.Organisation) : default);

        var bad = await EditorSite.PostFormAsync(browser, path, new()
        {
            ["__RequestVerificationToken"] = token, ["Functions"] = functions!,
            ["Leaders[0].Name"] = "", ["Leaders[0].Position"] = "Giám đốc Sở",
            ["Leaders[1].Name"] = "Trần Thị B", ["Leaders[1].Position"] = "Phó Giám đốc Sở", ["Leaders[1].Email"] = "khong-phai-thu",
            ["MapUrl"] = "ban-do",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var page = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Lãnh đạo thứ 1: hãy nhập họ và tên.", page);
        Assert.Contains("Lãnh đạo thứ 2: địa chỉ thư điện tử không đúng dạng", page);
        Assert.Contains("Liên kết bản đồ phải là một địa chỉ web đầy đủ", page);
        Assert.Contains("value=\"Trần Thị B\"", page); // what was typed is kept
        Assert.Empty(await site.WithDbAsync(db => db.Units.AsNoTracking().Where(u => u.Slug == Unit).Select(u => u.Profile.Leaders).SingleAsync()));

        var saved = await EditorSite.PostFormAsync(browser, path, new()
        {
            ["__RequestVerificationToken"] = token, ["Functions"] = functions!, ["Organisation"] = organisation!, ["EnglishName"] = "Soc Trang Department of Education and Training",
            ["Leaders[0].Name"] = "Nguyễn Văn A", ["Leaders[0].Position"] = "Giám đốc Sở", ["Leaders[0].Phone"] = "0299 3822 264",
            ["Leaders[1].Name"] = "", ["Leaders[1].Position"] = "",
            ["Leaders[2].Name"] = "Trần Thị B", ["Leaders[2].Position"] = "Phó Giám đốc Sở", ["Leaders[2].Email"] = "ttb@soctrang.gov.vn",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var about = WebUtility.HtmlDecode(await site.CreateClient().GetStringAsync($"/{Unit}/gioi-thieu"));
        Assert.Contains("<th scope=\"row\">Nguyễn Văn A</th>", about);
        Assert.Contains("href=\"mailto:ttb@soctrang.gov.vn\"", about);
        Assert.DoesNotContain("Đơn vị chưa cập nhật danh sách lãnh đạo.", about);
        Assert.Contains("Nguyễn Văn A", WebUtility.HtmlDecode(await site.CreateClient().GetStringAsync($"/{Unit}/en")));

        using var api = JsonDocument.Parse(await site.CreateClient().GetStringAsync($"/api/v1/units/{Unit}/profile"));
        var leaders = api.RootElement.GetProperty("profile").GetProperty("leaders");
        Assert.Equal(["Nguyễn Văn A", "Trần Thị B"], leaders.EnumerateArray().Select(l => l.GetProperty("name").GetString()));
        Assert.Equal("Sở Giáo dục và Đào tạo tỉnh Sóc Trăng", api.RootElement.GetProperty("unit").GetProperty("unit").GetProperty("name").GetString());
        Assert.Contains(await site.WithDbAsync(db => db.AuditEntries.Select(a => a.Summary).ToListAsync()), s => s.Contains("Sửa trang giới thiệu"));
    }

    [Fact]
    public async Task The_api_answers_an_unknown_unit_with_problem_details_and_the_manifest_names_the_site()
    {
        var client = site.CreateClient();
        var missing = await client.GetAsync("/api/v1/units/khong-co/profile");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);

        var manifest = await client.GetAsync("/manifest.webmanifest");
        Assert.Equal("application/manifest+json", manifest.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await manifest.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("name").GetString()));
        var icon = json.RootElement.GetProperty("icons")[0].GetProperty("src").GetString()!;
        var svg = await client.GetAsync(icon);
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        var home = await client.GetStringAsync("/");
        Assert.Contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">", home);
        Assert.Contains("rel=\"icon\"", home);
    }

    [Fact]
    public async Task The_home_page_starts_a_citizens_task_and_the_footer_links_the_contact_page()
    {
        var home = WebUtility.HtmlDecode(await site.CreateClient().GetStringAsync("/"));
        var strip = home[home.IndexOf("<nav class=\"tasks\" aria-label=\"Việc cần làm\">", StringComparison.Ordinal)..];
        foreach (var link in new[] { "href=\"/thu-tuc-hanh-chinh\"", "href=\"/gui-cau-hoi\"", "href=\"/phan-anh-kien-nghi\"", "href=\"/tra-cuu\"" })
            Assert.Contains(link, strip[..strip.IndexOf("</nav>", StringComparison.Ordinal)]);
        Assert.Contains("<a href=\"/lien-he\">Liên hệ</a>", home);
    }
}
