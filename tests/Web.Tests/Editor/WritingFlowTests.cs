using System.Net;
using System.Text.RegularExpressions;
using CchcSite.Content.Accounts;

namespace CchcSite.Web.Tests.Editor;

public sealed partial class WritingFlowTests(EditorSite site) : IClassFixture<EditorSite>
{
    private static async Task<(string Token, string Version)> FormStateAsync(HttpClient browser, string url)
    {
        var html = await browser.GetStringAsync(url);
        return (EditorSite.AntiforgeryToken(html), VersionField().Match(html).Groups[1].Value);
    }

    [Fact]
    public async Task An_editor_writes_and_submits_an_approver_publishes_and_citizens_see_it()
    {
        await site.AddUserAsync("viet@cchc.test", (SeedFacts.Units.UbndPhuongThacMo, UnitRole.Editor));
        await site.AddUserAsync("duyet@cchc.test", (SeedFacts.Units.UbndPhuongThacMo, UnitRole.Approver));
        var writer = await site.SignedInAsync("viet@cchc.test");

        var (token, _) = await FormStateAsync(writer, $"/quan-tri/bai-viet/moi?don-vi={SeedFacts.Units.UbndPhuongThacMo}");
        var created = await writer.PostAsync("/quan-tri/bai-viet/moi", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Unit"] = SeedFacts.Units.UbndPhuongThacMo, ["Kind"] = "Article", ["Title"] = "Phường Thác Mơ ra mắt tổ công nghệ số cộng đồng",
            ["Summary"] = "Tổ hỗ trợ người dân nộp hồ sơ trực tuyến.", ["BodyMarkdown"] = "Tổ **công nghệ số** cộng đồng đã ra mắt.",
            ["Tags"] = "chuyển đổi số, dịch vụ công", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editUrl = created.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateClient().GetAsync($"/{SeedFacts.Units.UbndPhuongThacMo}/tin-tuc/phuong-thac-mo-ra-mat-to-cong-nghe-so-cong-dong")).StatusCode);

        (token, var version) = await FormStateAsync(writer, editUrl);
        Assert.Equal(HttpStatusCode.Redirect, (await writer.PostAsync($"{editUrl}/buoc/Submit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["version"] = version, ["__RequestVerificationToken"] = token,
        }))).StatusCode);
        Assert.Contains("Chờ duyệt", await writer.GetStringAsync(editUrl));

        var approver = await site.SignedInAsync("duyet@cchc.test");
        (token, version) = await FormStateAsync(approver, editUrl);
        await approver.PostAsync($"{editUrl}/buoc/Publish", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["version"] = version, ["__RequestVerificationToken"] = token,
        }));
        Assert.Contains("Đã đăng", await approver.GetStringAsync(editUrl));

        var citizen = site.CreateClient();
        var page = await citizen.GetStringAsync($"/{SeedFacts.Units.UbndPhuongThacMo}/tin-tuc/phuong-thac-mo-ra-mat-to-cong-nghe-so-cong-dong");
        Assert.Contains("<strong>công nghệ số</strong>", page);
        Assert.Contains("phuong-thac-mo-ra-mat-to-cong-nghe-so-cong-dong", await citizen.GetStringAsync($"/{SeedFacts.Units.UbndPhuongThacMo}/tin-tuc"));
    }

    [Fact]
    public async Task A_stale_save_keeps_the_editors_text_and_says_why()
    {
        await site.AddUserAsync("a@cchc.test", (SeedFacts.Units.SoGddtSocTrang, UnitRole.Editor));
        var a = await site.SignedInAsync("a@cchc.test");
        var (token, _) = await FormStateAsync(a, $"/quan-tri/bai-viet/moi?don-vi={SeedFacts.Units.SoGddtSocTrang}");
        var created = await a.PostAsync("/quan-tri/bai-viet/moi", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Unit"] = SeedFacts.Units.SoGddtSocTrang, ["Kind"] = "Announcement", ["Title"] = "Thông báo gốc", ["BodyMarkdown"] = "Gốc", ["__RequestVerificationToken"] = token,
        }));
        var editUrl = created.Headers.Location!.OriginalString;
        var (tokenA, staleVersion) = await FormStateAsync(a, editUrl);

        // Someone else saves first.
        await a.PostAsync(editUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = staleVersion, ["Title"] = "Bản của người kia", ["BodyMarkdown"] = "Khác", ["__RequestVerificationToken"] = tokenA,
        }));
        var conflict = await a.PostAsync(editUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = staleVersion, ["Title"] = "Bản của tôi", ["BodyMarkdown"] = "Nội dung tôi vừa gõ", ["__RequestVerificationToken"] = tokenA,
        }));

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var html = await conflict.Content.ReadAsStringAsync();
        Assert.Contains("vừa được người khác lưu", html);
        Assert.Contains("Nội dung tôi vừa gõ", html);
        Assert.Contains("value=\"Bản của tôi\"", html);
        Assert.Contains("Bản của người kia", await a.GetStringAsync(editUrl));
    }

    [Fact]
    public async Task A_title_left_empty_gets_a_vietnamese_message_and_nothing_is_saved()
    {
        await site.AddUserAsync("trong@cchc.test", (SeedFacts.Units.SoGddtSocTrang, UnitRole.Editor));
        var browser = await site.SignedInAsync("trong@cchc.test");
        var (token, _) = await FormStateAsync(browser, $"/quan-tri/bai-viet/moi?don-vi={SeedFacts.Units.SoGddtSocTrang}");
        var response = await browser.PostAsync("/quan-tri/bai-viet/moi", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Unit"] = SeedFacts.Units.SoGddtSocTrang, ["Kind"] = "Article", ["Title"] = "", ["BodyMarkdown"] = "Nội dung không mất", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Vui lòng nhập tiêu đề.", html);
        Assert.Contains("Nội dung không mất", html);
    }

    [Fact]
    public async Task Revisions_can_be_compared_and_an_old_one_restored()
    {
        await site.AddUserAsync("phien-ban@cchc.test", (SeedFacts.Units.SoGddtSocTrang, UnitRole.Editor));
        var browser = await site.SignedInAsync("phien-ban@cchc.test");
        var (token, _) = await FormStateAsync(browser, $"/quan-tri/bai-viet/moi?don-vi={SeedFacts.Units.SoGddtSocTrang}");
        var created = await browser.PostAsync("/quan-tri/bai-viet/moi", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Unit"] = SeedFacts.Units.SoGddtSocTrang, ["Kind"] = "Article", ["Title"] = "Tiêu đề ban đầu", ["BodyMarkdown"] = "Câu thứ nhất.", ["__RequestVerificationToken"] = token,
        }));
        var editUrl = created.Headers.Location!.OriginalString;
        (token, var version) = await FormStateAsync(browser, editUrl);
        await browser.PostAsync(editUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = version, ["Title"] = "Tiêu đề đã sửa", ["BodyMarkdown"] = "Câu thứ hai.", ["__RequestVerificationToken"] = token,
        }));

        var compare = await browser.GetStringAsync($"{editUrl}/so-sanh?tu=1&den=2");
        Assert.Contains("<del class=\"diff-removed\"><span class=\"visually-hidden\">Đã xóa: </span>Tiêu đề ban đầu</del>", compare);
        Assert.Contains("<ins class=\"diff-added\"><span class=\"visually-hidden\">Thêm mới: </span>Tiêu đề đã sửa</ins>", compare);

        (token, version) = await FormStateAsync(browser, editUrl);
        var restored = await browser.PostAsync($"{editUrl}/phien-ban/1/khoi-phuc", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["version"] = version, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var page = await browser.GetStringAsync(editUrl);
        Assert.Contains("value=\"Tiêu đề ban đầu\"", page);
        Assert.Contains("Phiên bản 3", page);
    }

    [GeneratedRegex("name=\"Version\" value=\"([^\"]+)\"")]
    private static partial Regex VersionField();
}
