using System.Net;
using CchcSite.Content.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Editor;

/// <summary>An approver sets up a plan in the editor area; editors then write against its rows, and only their own unit's rows.</summary>
public sealed class PlanEditingTests(EditorSite site) : IClassFixture<EditorSite>
{
    private const string Unit = SeedFacts.Units.UbndPhuongThacMo;

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string formPage, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = EditorSite.AntiforgeryToken(await browser.GetStringAsync(formPage));
        return await browser.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task An_approver_creates_a_plan_and_its_rows_and_an_editor_links_a_post_to_a_row_of_their_unit_only()
    {
        await site.AddUserAsync("lanh-dao-ke-hoach@cchc.test", (Unit, UnitRole.Approver));
        await site.AddUserAsync("bien-tap-ke-hoach@cchc.test", (Unit, UnitRole.Editor));
        await site.AddUserAsync("bien-tap-khac@cchc.test", (SeedFacts.Units.SoTaiChinhSocTrang, UnitRole.Editor));
        var approver = await site.SignedInAsync("lanh-dao-ke-hoach@cchc.test");
        var newPlan = $"/quan-tri/ke-hoach/moi?don-vi={Unit}";
        var documentId = await site.WithDbAsync(db => db.Posts.Where(p => p.Unit.Slug == Unit && p.Document!.Number == "16/KH-UBND").Select(p => p.Id).SingleAsync());
        Assert.Contains($"<option value=\"{documentId}\">", await approver.GetStringAsync(newPlan));

        var refused = await PostFormAsync(approver, newPlan, newPlan, new() { ["Year"] = "2024", ["Title"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Vui lòng nhập tên kế hoạch.", await refused.Content.ReadAsStringAsync());

        var created = await PostFormAsync(approver, newPlan, newPlan, new()
        {
            ["Year"] = "2024", ["Number"] = "16/KH-UBND", ["IssuedOn"] = "2024-03-20",
            ["Title"] = "Kế hoạch tuyên truyền cải cách hành chính năm 2024", ["DocumentPostId"] = documentId.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var planUrl = created.Headers.Location!.OriginalString;

        var badRow = await PostFormAsync(approver, planUrl, $"{planUrl}/nhiem-vu", new() { ["Content"] = "Đưa tin", ["Lead"] = "Văn phòng", ["TimingText"] = "Tháng 13" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badRow.StatusCode);
        Assert.Contains("tháng phải từ 1 đến 12", await badRow.Content.ReadAsStringAsync());
        var row = await PostFormAsync(approver, planUrl, $"{planUrl}/nhiem-vu", new()
        {
            ["Content"] = "Đưa tin, bài về cải cách hành chính lên trang thông tin điện tử của phường", ["Lead"] = "Công chức Văn phòng – Thống kê",
            ["TimingText"] = "Thường xuyên", ["ExpectedOutput"] = "≥ 1 bài/tháng",
        });
        Assert.Equal(HttpStatusCode.Redirect, row.StatusCode);
        var itemId = await site.WithDbAsync(db => db.PlanItems.Where(i => i.Content.StartsWith("Đưa tin, bài về cải cách hành chính lên")).Select(i => i.Id).SingleAsync());
        Assert.Contains("≥ 1 bài/tháng", await approver.GetStringAsync(planUrl));

        var writer = await site.SignedInAsync("bien-tap-ke-hoach@cchc.test");
        var form = $"/quan-tri/bai-viet/moi?don-vi={Unit}";
        Assert.Contains($"<option value=\"{itemId}\">1. Đưa tin, bài", await writer.GetStringAsync(form));
        var linked = await PostFormAsync(writer, form, "/quan-tri/bai-viet/moi", new()
        {
            ["Unit"] = Unit, ["Kind"] = "Article", ["Title"] = "Phường Thác Mơ tuyên truyền cải cách hành chính tại tổ dân phố",
            ["BodyMarkdown"] = "Nội dung tuyên truyền.", ["PlanItemId"] = itemId.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Contains("Phường Thác Mơ tuyên truyền cải cách hành chính tại tổ dân phố", await writer.GetStringAsync($"/quan-tri?muc-ke-hoach={itemId}"));

        var stranger = await site.SignedInAsync("bien-tap-khac@cchc.test");
        var otherForm = $"/quan-tri/bai-viet/moi?don-vi={SeedFacts.Units.SoTaiChinhSocTrang}";
        Assert.DoesNotContain($"<option value=\"{itemId}\">", await stranger.GetStringAsync(otherForm));
        var tampered = await PostFormAsync(stranger, otherForm, "/quan-tri/bai-viet/moi", new()
        {
            ["Unit"] = SeedFacts.Units.SoTaiChinhSocTrang, ["Kind"] = "Article", ["Title"] = "Tin của Sở Tài chính", ["BodyMarkdown"] = "Nội dung.",
            ["PlanItemId"] = itemId.ToString(),
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tampered.StatusCode);
        Assert.Contains("Chỉ gắn bài với nhiệm vụ trong kế hoạch của đơn vị", await tampered.Content.ReadAsStringAsync());
    }
}
