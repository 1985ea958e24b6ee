using System.Net;
using System.Text.RegularExpressions;
using CchcSite.Content.Accounts;
using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Editor;

/// <summary>What a post's public address answers after it is taken down or renamed.</summary>
public sealed partial class RetirementTests(EditorSite site) : IClassFixture<EditorSite>
{
    private const string Unit = SeedFacts.Units.SoTaiChinhSocTrang;

    private async Task<(int Id, string Url)[]> PublishedArticlesAsync(int count, string unit = Unit) =>
        (await site.WithDbAsync(db => db.Posts.Where(p => p.Unit.Slug == unit && p.Kind == PostKind.Article && p.Status == PostStatus.Published)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Slug }).Take(count).ToListAsync()))
        .Select(p => (p.Id, PostKindSegments.PostUrl(unit, PostKind.Article, p.Slug))).ToArray();

    private async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, int id, string url, Dictionary<string, string> fields)
    {
        var html = await browser.GetStringAsync($"/quan-tri/bai-viet/{id}");
        fields["__RequestVerificationToken"] = EditorSite.AntiforgeryToken(html);
        fields[url.Contains("/buoc/") ? "version" : "Version"] = VersionField().Match(html).Groups[1].Value;
        return await browser.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Published_in_error_answers_410_replaced_answers_301_and_withdrawn_keeps_the_page_with_a_notice()
    {
        await site.AddUserAsync("go-bai@cchc.test", (Unit, UnitRole.Approver));
        var approver = await site.SignedInAsync("go-bai@cchc.test");
        var citizen = site.NewBrowser();
        var posts = await PublishedArticlesAsync(4);
        var (error, replaced, withdrawn, replacement) = (posts[0], posts[1], posts[2], posts[3]);

        await PostFormAsync(approver, error.Id, $"/quan-tri/bai-viet/{error.Id}/buoc/Unpublish", new() { ["reason"] = "PublishedInError" });
        var gone = await citizen.GetAsync(error.Url);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains("Bài viết đã được gỡ", await gone.Content.ReadAsStringAsync());

        var refused = await PostFormAsync(approver, replaced.Id, $"/quan-tri/bai-viet/{replaced.Id}/buoc/Unpublish", new() { ["reason"] = "Replaced" });
        Assert.Contains("số của một bài đang đăng", await approver.GetStringAsync(refused.Headers.Location!.OriginalString));
        await PostFormAsync(approver, replaced.Id, $"/quan-tri/bai-viet/{replaced.Id}/buoc/Unpublish",
            new() { ["reason"] = "Replaced", ["replacedBy"] = replacement.Id.ToString() });
        var moved = await citizen.GetAsync(replaced.Url);
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal(replacement.Url, moved.Headers.Location!.OriginalString);

        await PostFormAsync(approver, withdrawn.Id, $"/quan-tri/bai-viet/{withdrawn.Id}/buoc/Unpublish",
            new() { ["reason"] = "Withdrawn", ["note"] = "Số liệu trong bài đã được điều chỉnh theo báo cáo mới." });
        var notice = await citizen.GetAsync(withdrawn.Url);
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        var html = await notice.Content.ReadAsStringAsync();
        Assert.Contains("Bài viết này đã được thu hồi.", html);
        Assert.Contains("Số liệu trong bài đã được điều chỉnh theo báo cáo mới.", html);
        Assert.DoesNotContain(withdrawn.Url, await citizen.GetStringAsync($"/{Unit}/tin-tuc"));
    }

    [Fact]
    public async Task A_renamed_post_answers_301_from_its_old_address()
    {
        // Another unit than the other test's, which takes posts down.
        const string unit = SeedFacts.Units.SoLdtbxhBinhDinh;
        await site.AddUserAsync("doi-ten@cchc.test", (unit, UnitRole.Editor));
        await site.AddUserAsync("duyet-doi-ten@cchc.test", (unit, UnitRole.Approver));
        var editor = await site.SignedInAsync("doi-ten@cchc.test");
        var (id, oldUrl) = (await PublishedArticlesAsync(1, unit))[0];
        var title = await site.WithDbAsync(db => db.Posts.Where(p => p.Id == id).Select(p => p.Title).SingleAsync());

        // The new address of a live post is part of a change that an approver approves.
        var saved = await PostFormAsync(editor, id, $"/quan-tri/bai-viet/{id}",
            new() { ["Title"] = title, ["Slug"] = "duong-dan-moi-sau-khi-sua", ["BodyMarkdown"] = "Nội dung." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.NewBrowser().GetAsync(oldUrl)).StatusCode);
        await PostFormAsync(editor, id, $"/quan-tri/bai-viet/{id}/buoc/Submit", []);
        await PostFormAsync(await site.SignedInAsync("duyet-doi-ten@cchc.test"), id, $"/quan-tri/bai-viet/{id}/buoc/Publish", []);

        var response = await site.NewBrowser().GetAsync(oldUrl);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/{unit}/tin-tuc/duong-dan-moi-sau-khi-sua", response.Headers.Location!.OriginalString);
    }

    [GeneratedRegex("name=\"(?:Version|version)\" value=\"([^\"]+)\"")]
    private static partial Regex VersionField();
}
