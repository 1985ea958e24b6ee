using System.Net;
using System.Text.RegularExpressions;
using CchcSite.Content.Accounts;
using CchcSite.Content.Posts;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Databases;

/// <summary>
/// Text one character longer than its column is refused with a Vietnamese message beside the field, and nothing is saved:
/// PostgreSQL refuses such text where SQLite keeps it, so the site must never leave it to the database (a 500 there).
/// </summary>
public sealed partial class ColumnLimitTests(EditorSite site) : IClassFixture<EditorSite>
{
    private const string Unit = SeedFacts.Units.SoLdtbxhBinhDinh;

    private static string Over(int max) => new('ạ', max + 1);

    private async Task<HttpClient> SignedInAsync(string email, UnitRole role)
    {
        await site.AddUserAsync(email, (Unit, role));
        return await site.SignedInAsync(email);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string formPage, string action, Dictionary<string, string> fields)
    {
        var html = await browser.GetStringAsync(formPage);
        fields["__RequestVerificationToken"] = EditorSite.AntiforgeryToken(html);
        return await browser.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task A_post_with_each_limited_field_too_long_is_refused_field_by_field_and_not_saved()
    {
        var writer = await SignedInAsync("gioi-han-bai@cchc.test", UnitRole.Editor);
        const string document = "Văn bản có trường quá dài", video = "Video có địa chỉ quá dài";
        var newPost = $"/quan-tri/bai-viet/moi?don-vi={Unit}";

        var refusedDocument = await PostFormAsync(writer, newPost, "/quan-tri/bai-viet/moi", new()
        {
            ["Unit"] = Unit, ["Kind"] = "Document", ["Title"] = document, ["BodyMarkdown"] = "Nội dung.", ["Summary"] = Over(PostDraft.MaxSummary),
            ["Tags"] = $"cải cách, {Over(PostDraft.MaxTag)}", ["Document.Number"] = Over(PostDraft.MaxDocumentNumber),
            ["Document.Issuer"] = Over(PostDraft.MaxDocumentParty), ["Document.Signer"] = Over(PostDraft.MaxDocumentParty),
            ["Document.Abstract"] = Over(PostDraft.MaxDocumentAbstract),
        });
        var refusedVideo = await PostFormAsync(writer, newPost, "/quan-tri/bai-viet/moi", new()
        {
            ["Unit"] = Unit, ["Kind"] = "Video", ["Title"] = video, ["Video.ExternalUrl"] = "https://video.example/" + Over(PostDraft.MaxVideoUrl),
        });
        var refusedTitle = await PostFormAsync(writer, newPost, "/quan-tri/bai-viet/moi", new()
        {
            ["Unit"] = Unit, ["Kind"] = "Article", ["Title"] = Over(PostDraft.MaxTitle), ["BodyMarkdown"] = "Nội dung.",
        });

        Assert.Equal([HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity],
            new[] { refusedDocument.StatusCode, refusedVideo.StatusCode, refusedTitle.StatusCode });
        var form = await refusedDocument.Content.ReadAsStringAsync();
        Assert.Matches("id=\"Summary-error\"[^>]*>Tóm tắt không quá 1.000 ký tự.<", form);
        Assert.Matches("id=\"Tags-error\"[^>]*>Mỗi từ khóa không quá 100 ký tự.<", form);
        Assert.Matches("id=\"Document_Number-error\"[^>]*>Số ký hiệu không quá 60 ký tự.<", form);
        Assert.Matches("id=\"Document_Issuer-error\"[^>]*>Cơ quan ban hành không quá 200 ký tự.<", form);
        Assert.Matches("id=\"Document_Signer-error\"[^>]*>Người ký không quá 200 ký tự.<", form);
        Assert.Matches("id=\"Document_Abstract-error\"[^>]*>Trích yếu không quá 1.000 ký tự.<", form);
        Assert.Matches("id=\"Video_ExternalUrl-error\"[^>]*>Địa chỉ video không quá 500 ký tự.<", await refusedVideo.Content.ReadAsStringAsync());
        Assert.Matches("id=\"Title-error\"[^>]*>Tiêu đề không quá 400 ký tự.<", await refusedTitle.Content.ReadAsStringAsync());
        Assert.Equal(0, await site.WithDbAsync(db => db.Posts.CountAsync(p => p.Title == document || p.Title == video || p.Title.StartsWith("ạạạ"))));
    }

    [Fact]
    public async Task A_workflow_note_too_long_is_refused_with_a_message_and_the_post_stays_as_it_was()
    {
        var approver = await SignedInAsync("gioi-han-ghi-chu@cchc.test", UnitRole.Approver);
        var id = await site.WithDbAsync(db => db.Posts.Where(p => p.Unit.Slug == Unit && p.Status == PostStatus.Published && p.Kind == PostKind.Article)
            .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var html = await approver.GetStringAsync($"/quan-tri/bai-viet/{id}");

        var refused = await approver.PostAsync($"/quan-tri/bai-viet/{id}/buoc/Unpublish", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = EditorSite.AntiforgeryToken(html), ["version"] = VersionField().Match(html).Groups[1].Value,
            ["reason"] = "Withdrawn", ["note"] = Over(PostWorkflow.MaxNote),
        }));

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("Ghi chú không quá 2.000 ký tự.", await approver.GetStringAsync(refused.Headers.Location!.OriginalString));
        Assert.Equal(PostStatus.Published, await site.WithDbAsync(db => db.Posts.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_plan_and_a_plan_row_with_fields_too_long_are_refused_field_by_field()
    {
        var approver = await SignedInAsync("gioi-han-ke-hoach@cchc.test", UnitRole.Approver);
        var newPlan = $"/quan-tri/ke-hoach/moi?don-vi={Unit}";
        var planId = await site.WithDbAsync(db => db.Plans.Where(p => p.Unit.Slug == Unit).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var planUrl = $"/quan-tri/ke-hoach/{planId}";
        var rowsBefore = await site.WithDbAsync(db => db.PlanItems.CountAsync(i => i.PlanId == planId));

        var plan = await PostFormAsync(approver, newPlan, newPlan, new()
        {
            ["Year"] = "2025", ["Title"] = "Kế hoạch có số ký hiệu quá dài", ["Number"] = Over(60),
        });
        var row = await PostFormAsync(approver, planUrl, $"{planUrl}/nhiem-vu", new()
        {
            ["Content"] = "Nhiệm vụ có các trường quá dài", ["Lead"] = "Văn phòng Sở", ["TimingText"] = "Quý II",
            ["Group"] = Over(300), ["Form"] = Over(500), ["ExpectedOutput"] = Over(300), ["Coordinators"] = $"Phòng Tổ chức; {Over(300)}",
        });

        Assert.Equal((HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity), (plan.StatusCode, row.StatusCode));
        Assert.Contains("Số ký hiệu không quá 60 ký tự.", await plan.Content.ReadAsStringAsync());
        var rowForm = await row.Content.ReadAsStringAsync();
        Assert.Contains("Nhóm nhiệm vụ không quá 300 ký tự.", rowForm);
        Assert.Contains("Hình thức không quá 500 ký tự.", rowForm);
        Assert.Contains("Sản phẩm không quá 300 ký tự.", rowForm);
        Assert.Contains("Tên mỗi đơn vị phối hợp không quá 300 ký tự.", rowForm);
        Assert.False(await site.WithDbAsync(db => db.Plans.AnyAsync(p => p.Title == "Kế hoạch có số ký hiệu quá dài")));
        Assert.Equal(rowsBefore, await site.WithDbAsync(db => db.PlanItems.CountAsync(i => i.PlanId == planId)));
    }

    [GeneratedRegex("name=\"(?:Version|version)\" value=\"([^\"]+)\"")]
    private static partial Regex VersionField();
}
