using System.Net;
using CchcSite.Content.Accounts;
using CchcSite.Content.Bulletins;
using CchcSite.Content.Posts;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace CchcSite.Web.Tests.Bulletins;

/// <summary>
/// An issue end to end: an editor starts it, the site proposes the period's posts, the editor picks one and writes an
/// introduction, submits it; the editor cannot approve it, an approver publishes it; it shows in the archives, on its page,
/// in print and in a PDF whose text holds its titles.
/// </summary>
public sealed class BulletinWorkflowTests(EditorSite site) : IClassFixture<EditorSite>
{
    private const string Unit = SeedFacts.Units.PhongGddtNgaNam;

    [Fact]
    public async Task An_issue_is_compiled_reviewed_by_a_second_person_and_published_with_its_pdf()
    {
        var title = "Ngã Năm số hóa hồ sơ tuyển sinh đầu cấp năm học mới";
        var postId = await BulletinData.PublishedPostAsync(site, Unit, title, new DateOnly(2019, 5, 14));
        var outside = await BulletinData.PublishedPostAsync(site, Unit, "Bài đăng ngoài kỳ của bản tin", new DateOnly(2019, 6, 2));
        await site.AddUserAsync("bt-bien-tap@cchc.test", (Unit, UnitRole.Editor));
        await site.AddUserAsync("bt-lanh-dao@cchc.test", (Unit, UnitRole.Approver));
        var editor = await site.SignedInAsync("bt-bien-tap@cchc.test");
        var approver = await site.SignedInAsync("bt-lanh-dao@cchc.test");

        var started = await EditorSite.PostFormAsync(editor, "/quan-tri/ban-tin", new()
        {
            ["don-vi"] = Unit, ["nam"] = "2019", ["loai-ky"] = "Month", ["ky"] = "5",
        });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var url = started.Headers.Location!.OriginalString;
        var id = int.Parse(url.Split('/').Last());

        var form = WebUtility.HtmlDecode(await editor.GetStringAsync(url));
        Assert.Contains(title, form);
        Assert.DoesNotContain("Bài đăng ngoài kỳ", form);

        // An item of another period cannot be slipped in by hand: nothing is saved.
        var forged = await EditorSite.PostFormAsync(editor, url, new() { ["loi-gioi-thieu"] = "Giới thiệu", ["chon"] = $"Post-{outside}" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forged.StatusCode);
        Assert.Equal(0, (await BulletinData.StateAsync(site, id)).Entries);

        var saved = await EditorSite.PostFormAsync(editor, url, new()
        {
            ["loi-gioi-thieu"] = "Bản tin tháng 5 điểm lại các việc làm nổi bật.", ["chon"] = $"Post-{postId}", [$"thu-tu-Post-{postId}"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSite.PostFormAsync(editor, $"{url}/buoc/Submit", [])).StatusCode);
        Assert.Equal(PostStatus.InReview, (await BulletinData.StateAsync(site, id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await site.NewBrowser().GetAsync($"/ban-tin/{id}")).StatusCode);

        // The editor holds no right to publish; an approver may not approve their own work either (checked in the rules).
        await EditorSite.PostFormAsync(editor, $"{url}/buoc/Publish", []);
        Assert.Equal(PostStatus.InReview, (await BulletinData.StateAsync(site, id)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSite.PostFormAsync(approver, $"{url}/buoc/Publish", [])).StatusCode);
        Assert.Equal(PostStatus.Published, (await BulletinData.StateAsync(site, id)).Status);

        var reader = site.NewBrowser();
        var page = WebUtility.HtmlDecode(await reader.GetStringAsync($"/ban-tin/{id}"));
        Assert.Contains("Bản tin CCHC số 1/2019", page);
        Assert.Contains(title, page);
        Assert.Contains("Tháng 5/2019", page);
        Assert.Contains($"/ban-tin/{id}", await reader.GetStringAsync($"/{Unit}/ban-tin"));
        Assert.Contains($"/ban-tin/{id}", await reader.GetStringAsync($"/{SeedFacts.Units.UbndThiXaNgaNam}/ban-tin"));
        Assert.Contains($"/ban-tin/{id}", await reader.GetStringAsync("/ban-tin"));
        Assert.Contains(title, WebUtility.HtmlDecode(await reader.GetStringAsync($"/ban-tin/{id}/in")));

        var pdf = await reader.GetAsync($"/ban-tin/{id}/tai-ve.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("Bản tin CCHC số 1/2019", text);
        Assert.Contains(title, text);
        Assert.Contains("điểm lại các việc làm nổi bật", text);

        // Taken down, it is gone from every public address.
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSite.PostFormAsync(approver, $"{url}/buoc/Unpublish", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.NewBrowser().GetAsync($"/ban-tin/{id}/tai-ve.pdf")).StatusCode);
    }

    [Fact]
    public async Task A_bad_start_is_a_form_with_vietnamese_messages_not_an_error()
    {
        var browser = await site.SignedInAsync(EditorSite.AdminEmail);
        var response = await EditorSite.PostFormAsync(browser, "/quan-tri/ban-tin", new() { ["don-vi"] = Unit, ["nam"] = "2019", ["loai-ky"] = "Quarter", ["ky"] = "7" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Vui lòng chọn quý từ I đến IV", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        var junk = await EditorSite.PostFormAsync(browser, "/quan-tri/ban-tin", new() { ["don-vi"] = "khong-co", ["nam"] = "abc", ["loai-ky"] = "Năm" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, junk.StatusCode);
        Assert.Equal(0, await site.WithDbAsync(db => db.Set<BulletinIssue>().CountAsync(i => i.Year == 2019 && i.Period == BulletinPeriod.Quarter)));
    }

    [Theory]
    [InlineData("/ban-tin/999999")]
    [InlineData("/ban-tin?trang=0")]
    [InlineData("/ban-tin?trang=99")]
    [InlineData("/khong-co-don-vi/ban-tin")]
    public async Task Addresses_that_do_not_exist_are_404(string url) =>
        Assert.Equal(HttpStatusCode.NotFound, (await site.NewBrowser().GetAsync(url)).StatusCode);
}
