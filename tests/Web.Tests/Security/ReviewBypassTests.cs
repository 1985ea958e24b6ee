using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CchcSite.Content.Accounts;
using CchcSite.Content.Posts;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Security;

/// <summary>
/// Issue 13, finding 1: an editor rewrote a published post with no review. Each test is the attack: the request an
/// editor (or an approver acting alone) sends, and what must not happen on the public page, the API and search.
/// </summary>
public sealed partial class ReviewBypassTests(EditorSite site) : IClassFixture<EditorSite>
{
    private const string Unit = SeedFacts.Units.UbndPhuongThacMo;
    private const string OldTitle = "Phường Thác Mơ công bố lịch tiếp công dân quý III";
    private const string OldBody = "Lịch tiếp công dân được niêm yết tại trụ sở phường.";
    private const string ForgedTitle = "Thông báo khẩn: nộp lệ phí hồ sơ tại cổng zebrazulu";
    private const string ForgedBody = "Mọi hồ sơ phải nộp lại lệ phí tại [cổng thanh toán mới](https://cong-dich-vu-cong.evil.example/nop-phi) zebrazulu.";

    private static async Task<(string Token, string Version)> FormStateAsync(HttpClient browser, int id)
    {
        var html = await browser.GetStringAsync($"/quan-tri/bai-viet/{id}");
        return (EditorSite.AntiforgeryToken(html), VersionField().Match(html).Groups[1].Value);
    }

    /// <summary>Posts a form of the post's edit page, with its current version and the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient browser, int id, string path, Dictionary<string, string> fields)
    {
        var (token, version) = await FormStateAsync(browser, id);
        fields["__RequestVerificationToken"] = token;
        fields[path.Contains("/buoc/") ? "version" : "Version"] = version;
        return await browser.PostAsync($"/quan-tri/bai-viet/{id}{path}", new FormUrlEncodedContent(fields));
    }

    private static Task<HttpResponseMessage> StepAsync(HttpClient browser, int id, WorkflowStep step) => SendAsync(browser, id, $"/buoc/{step}", []);

    /// <summary>Users of the unit, named per test so that no two tests share one.</summary>
    private async Task<HttpClient> UserAsync(string name, UnitRole role, string unit = Unit)
    {
        await site.AddUserAsync($"{name}@cchc.test", (unit, role));
        return await site.SignedInAsync($"{name}@cchc.test");
    }

    /// <summary>A post written by the editor and published by the approver through the editor area, as in the report.</summary>
    private async Task<(int Id, string Url)> PublishedPostAsync(HttpClient editor, HttpClient approver, string title, string unit = Unit)
    {
        var html = await editor.GetStringAsync($"/quan-tri/bai-viet/moi?don-vi={unit}");
        var created = await editor.PostAsync("/quan-tri/bai-viet/moi", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Unit"] = unit, ["Kind"] = "Article", ["Title"] = title, ["BodyMarkdown"] = OldBody,
            ["__RequestVerificationToken"] = EditorSite.AntiforgeryToken(html),
        }));
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        await StepAsync(editor, id, WorkflowStep.Submit);
        await StepAsync(approver, id, WorkflowStep.Publish);
        var slug = await site.WithDbAsync(db => db.Posts.Where(p => p.Id == id && p.Status == PostStatus.Published).Select(p => p.Slug).SingleAsync());
        return (id, PostKindSegments.PostUrl(unit, PostKind.Article, slug));
    }

    /// <summary>The part of a public page that shows the post.</summary>
    private async Task<string> PublicMainAsync(string url)
    {
        var html = await site.NewBrowser().GetStringAsync(url);
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        return html[start..html.IndexOf("</main>", start, StringComparison.Ordinal)];
    }

    private async Task<string> ApiTitleAsync(int id) =>
        (await site.NewBrowser().GetFromJsonAsync<JsonElement>($"/api/v1/posts/{id}")).GetProperty("card").GetProperty("title").GetString()!;

    /// <summary>The forged text of the report: new title, a body linking to another site, a new address.</summary>
    private static Dictionary<string, string> Forged() => new()
    {
        ["Title"] = ForgedTitle, ["BodyMarkdown"] = ForgedBody, ["Slug"] = "thong-bao-khan-nop-le-phi",
    };

    [Fact]
    public async Task An_editors_rewrite_of_a_published_post_stays_off_the_page_the_api_and_search_until_another_approver_approves_it()
    {
        var editor = await UserAsync("sua-bai-dang", UnitRole.Editor);
        var approver = await UserAsync("duyet-bai-dang", UnitRole.Approver);
        var (id, url) = await PublishedPostAsync(editor, approver, OldTitle);
        var citizen = site.NewBrowser();
        var pageBefore = await PublicMainAsync(url);

        var saved = await SendAsync(editor, id, "", Forged());

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var pageAfter = await PublicMainAsync(url);
        Assert.Equal(pageBefore, pageAfter);
        Assert.Contains(OldBody, pageAfter);
        Assert.DoesNotContain("evil.example", pageAfter);
        Assert.Equal(OldTitle, await ApiTitleAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/{Unit}/tin-tuc/thong-bao-khan-nop-le-phi")).StatusCode);
        Assert.Equal(PostStatus.Published, await site.WithDbAsync(db => db.Posts.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));
        await AssertSearchHasNotSeenAsync("zebrazulu");
        var form = await editor.GetStringAsync($"/quan-tri/bai-viet/{id}");
        Assert.Contains("Thay đổi chờ duyệt", form);
        Assert.Contains($"value=\"{ForgedTitle}\"", form);

        // Submitted, the change is in the approvers' review queue, with what it changes against the live text.
        await StepAsync(editor, id, WorkflowStep.Submit);
        var queue = await approver.GetStringAsync($"/quan-tri?don-vi={Unit}&trang-thai=InReview");
        Assert.Contains($"<a href=\"/quan-tri/bai-viet/{id}\">{OldTitle}</a>", queue);
        Assert.Contains("Thay đổi chờ duyệt", queue);
        var review = await approver.GetStringAsync($"/quan-tri/bai-viet/{id}");
        Assert.Matches("<ins class=\"diff-added\"><span class=\"visually-hidden\">Thêm mới: </span>[^<]*evil\\.example", review);
        Assert.Contains("Duyệt và đăng thay đổi", review);

        // The editor has no right to approve; the approver, who did not write the change, does.
        Assert.Contains("/quan-tri/khong-co-quyen", (await StepAsync(editor, id, WorkflowStep.Publish)).Headers.Location!.OriginalString);
        Assert.Equal(OldTitle, await ApiTitleAsync(id));
        await StepAsync(approver, id, WorkflowStep.Publish);

        Assert.Equal(ForgedTitle, await ApiTitleAsync(id));
        var moved = await citizen.GetAsync(url);
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal($"/{Unit}/tin-tuc/thong-bao-khan-nop-le-phi", moved.Headers.Location!.OriginalString);
        Assert.Contains("zebrazulu", await citizen.GetStringAsync(moved.Headers.Location!.OriginalString));
        Assert.Contains(ForgedTitle, await EventuallyFoundAsync("zebrazulu"));
    }

    [Fact]
    public async Task An_editor_cannot_take_a_live_post_offline_or_reschedule_it_by_saving_the_form()
    {
        var editor = await UserAsync("doi-gio", UnitRole.Editor);
        var approver = await UserAsync("duyet-doi-gio", UnitRole.Approver);
        var (id, url) = await PublishedPostAsync(editor, approver, "Phường Thác Mơ thông báo lịch trực giải quyết hồ sơ");
        var pageBefore = await PublicMainAsync(url);
        var timesBefore = await site.WithDbAsync(db => db.Posts.Where(p => p.Id == id).Select(p => new { p.PublishAt, p.UnpublishAt, p.Version }).SingleAsync());

        var offline = Forged();
        offline["UnpublishAt"] = "2020-01-01T08:00";
        var later = Forged();
        later["PublishAt"] = "2030-01-01T08:00";
        foreach (var attack in new[] { offline, later })
        {
            var response = await SendAsync(editor, id, "", attack);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains("chỉ người có quyền", await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(pageBefore, await PublicMainAsync(url));
        Assert.Equal("Phường Thác Mơ thông báo lịch trực giải quyết hồ sơ", await ApiTitleAsync(id));
        Assert.Equal(timesBefore, await site.WithDbAsync(db => db.Posts.Where(p => p.Id == id).Select(p => new { p.PublishAt, p.UnpublishAt, p.Version }).SingleAsync()));
        Assert.False(await site.WithDbAsync(db => db.Set<PendingChange>().AnyAsync(c => c.PostId == id)));
        // The times show read-only to the editor.
        Assert.Matches("id=\"UnpublishAt\"[^>]*readonly", await editor.GetStringAsync($"/quan-tri/bai-viet/{id}"));
    }

    [Fact]
    public async Task An_approver_cannot_approve_their_own_change_of_a_live_post_unless_the_unit_allows_self_publishing()
    {
        const string selfPublishing = SeedFacts.Units.SoGddtSocTrang;
        var editor = await UserAsync("viet-tu-duyet", UnitRole.Editor);
        var approver = await UserAsync("tu-duyet", UnitRole.Approver);
        var other = await UserAsync("duyet-khac", UnitRole.Approver);
        var (id, url) = await PublishedPostAsync(editor, other, OldTitle + " (bản tự duyệt)");
        var pageBefore = await PublicMainAsync(url);

        const string ownChange = "Lịch tiếp công dân đổi sang thứ Bảy, liên hệ qua số lạ";
        await SendAsync(approver, id, "", new() { ["Title"] = ownChange, ["BodyMarkdown"] = "Gọi [số này](https://evil.example/) để đặt lịch." });
        await StepAsync(approver, id, WorkflowStep.Submit);
        var refused = await StepAsync(approver, id, WorkflowStep.Publish);

        Assert.Contains("hai người", await approver.GetStringAsync(refused.Headers.Location!.OriginalString));
        Assert.Equal(pageBefore, await PublicMainAsync(url));
        Assert.Equal(OldTitle + " (bản tự duyệt)", await ApiTitleAsync(id));
        await StepAsync(other, id, WorkflowStep.Publish);
        Assert.Equal(ownChange, await ApiTitleAsync(id));

        // Where the unit allows self-publishing, the same approver's change goes live on their own approval.
        await site.WithDbAsync(db => db.Units.Where(u => u.Slug == selfPublishing).ExecuteUpdateAsync(s => s.SetProperty(u => u.AllowSelfPublishing, true)));
        var selfEditor = await UserAsync("viet-don-vi-tu-duyet", UnitRole.Editor, selfPublishing);
        var selfApprover = await UserAsync("lanh-dao-tu-duyet", UnitRole.Approver, selfPublishing);
        var (ownId, _) = await PublishedPostAsync(selfEditor, selfApprover, "Sở GDĐT Sóc Trăng công bố thủ tục mới", selfPublishing);
        await SendAsync(selfApprover, ownId, "", new() { ["Title"] = "Sở GDĐT Sóc Trăng công bố thủ tục mới (đã sửa)", ["BodyMarkdown"] = OldBody });
        await StepAsync(selfApprover, ownId, WorkflowStep.Submit);
        await StepAsync(selfApprover, ownId, WorkflowStep.Publish);
        Assert.Equal("Sở GDĐT Sóc Trăng công bố thủ tục mới (đã sửa)", await ApiTitleAsync(ownId));
    }

    /// <summary>
    /// Search applies the outbox in order: once a later change to another post is searchable, the save before it was
    /// applied too, so the word not being found means the index kept the live text.
    /// </summary>
    private async Task AssertSearchHasNotSeenAsync(string word)
    {
        const string marker = "kiwimarker";
        await site.WithDbAsync(async db =>
        {
            var other = await db.Posts.FirstAsync(p => p.Status == PostStatus.Published && p.PublishAt < DateTime.UtcNow && p.Unit.Slug != Unit);
            other.Title += " " + marker;
            return await db.SaveChangesAsync();
        });
        Assert.NotEmpty(await EventuallyFoundAsync(marker));
        Assert.Empty(await TitlesAsync(word));
    }

    private async Task<List<string>> TitlesAsync(string q)
    {
        var results = await site.NewBrowser().GetFromJsonAsync<JsonElement>($"/api/v1/search?q={Uri.EscapeDataString(q)}&pageSize=50");
        return results.GetProperty("hits").GetProperty("items").EnumerateArray()
            .Select(h => h.GetProperty("post").GetProperty("title").GetString()!).ToList();
    }

    /// <summary>Asks until the background index worker has applied the change; fails only if it never does.</summary>
    private async Task<List<string>> EventuallyFoundAsync(string q)
    {
        var titles = await TitlesAsync(q);
        for (var attempt = 0; attempt < 100 && titles.Count == 0; attempt++)
        {
            await Task.Delay(100);
            titles = await TitlesAsync(q);
        }
        return titles;
    }

    [GeneratedRegex("name=\"Version\" value=\"([^\"]+)\"")]
    private static partial Regex VersionField();
}
