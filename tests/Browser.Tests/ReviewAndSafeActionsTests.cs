using CchcSite.Content.Accounts;
using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>
/// The approver's review page (decision at the top, the change against the published version, the post as it will
/// read) and the destructive step that asks first, saying what will happen, with the replacing post found by its title.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ReviewAndSafeActionsTests(SiteFixture site)
{
    private const string Unit = SeedFacts.Units.SoTaiChinhSocTrang;

    private Task<List<(int Id, string Title)>> PublishedAsync() => site.WithDbAsync(async db =>
        (await db.Posts.Where(p => p.Unit.Slug == Unit && p.Status == PostStatus.Published && p.PendingChange == null)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Title }).ToListAsync()).Select(p => (p.Id, p.Title)).ToList());

    [Fact]
    public async Task An_approver_reviews_a_change_with_the_decision_above_the_diff_and_publishes_it()
    {
        await site.AddUserAsync("sua-bai@stc.test", (Unit, UnitRole.Editor));
        await site.AddUserAsync("duyet-bai@stc.test", (Unit, UnitRole.Approver));
        var (id, title) = (await PublishedAsync())[0];
        var proposed = title + " (cập nhật số liệu)";
        // The editor proposes the change; the approver, a second person, decides on it.
        var writer = await site.SignInAsync("sua-bai@stc.test", 1366, 900);
        await writer.GotoAsync($"/quan-tri/bai-viet/{id}");
        await writer.GetByLabel("Tiêu đề (bắt buộc)").FillAsync(proposed);
        await writer.GetByRole(AriaRole.Button, new() { Name = "Lưu thay đổi (chờ duyệt)" }).ClickAsync();
        await writer.GetByRole(AriaRole.Button, new() { Name = "Gửi duyệt thay đổi" }).ClickAsync();
        await Assertions.Expect(writer.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã gửi duyệt thay đổi", new() { Timeout = 30_000 });

        var page = await site.SignInAsync("duyet-bai@stc.test", 1366, 900);
        await page.GotoAsync($"/quan-tri/bai-viet/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Trang duyệt bài" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Duyệt bài: " + title);
        var publish = page.GetByRole(AriaRole.Button, new() { Name = "Duyệt và đăng thay đổi" });
        var sendBack = page.GetByRole(AriaRole.Button, new() { Name = "Trả lại thay đổi để sửa" });
        await Assertions.Expect(publish).ToBeVisibleAsync();
        await Assertions.Expect(sendBack).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("button--danger"));
        await Assertions.Expect(page.Locator(".diff-added").First).ToContainTextAsync(proposed);
        // The decision sits above the diff and the post, without scrolling past a form.
        var actionsTop = (await publish.BoundingBoxAsync())!.Y;
        Assert.True(actionsTop < (await page.Locator("#thay-doi").BoundingBoxAsync())!.Y, "the buttons come before the change");
        Assert.True(actionsTop < 900, $"the publish button is on the first screen (top {actionsTop}px)");
        await Assertions.Expect(page.Locator(".review-body h3")).ToHaveTextAsync(proposed);
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, "the review page at 1366 px");
        await SiteFixture.ScreenshotAsync(page, "review-1366");
        await page.SetViewportSizeAsync(390, 900);
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, "the review page at 390 px");
        await SiteFixture.ScreenshotAsync(page, "review-390");
        await page.SetViewportSizeAsync(1366, 900);

        await publish.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã duyệt: thay đổi đã thay cho bản đang đăng.", new() { Timeout = 30_000 });
        Assert.Equal(proposed, await site.WithDbAsync(db => db.Posts.Where(p => p.Id == id).Select(p => p.Title).SingleAsync()));
    }

    [Fact]
    public async Task Unpublishing_asks_first_saying_what_will_happen_and_the_replacement_is_found_by_its_title()
    {
        await site.AddUserAsync("go-bai@stc.test", (Unit, UnitRole.Approver));
        var posts = await PublishedAsync();
        var (id, _) = posts[1];
        var (replacementId, replacementTitle) = posts[2];
        var page = await site.SignInAsync("go-bai@stc.test", 1366, 900);
        await page.GotoAsync($"/quan-tri/bai-viet/{id}");

        await page.GetByLabel("Đã có bài thay thế (chuyển đến bài mới)").CheckAsync();
        // Two words of the title, typed without accents, are enough to pick the post.
        var words = TwoWordsOnlyIn(replacementTitle, posts.Where(p => p.Id != replacementId).Select(p => p.Title));
        await page.GetByLabel("Tìm bài thay thế theo tiêu đề").FillAsync(words);
        var chosen = await page.GetByLabel("Bài thay thế (khi lý do là đã có bài thay thế)").InputValueAsync();
        Assert.Equal(replacementTitle, await page.Locator($"#replacedBy option[value='{chosen}']").TextContentAsync());
        await page.GetByLabel("Bài thay thế (khi lý do là đã có bài thay thế)").SelectOptionAsync(replacementId.ToString());
        await SiteFixture.ScreenshotAsync(page, "unpublish-1366");

        var unpublish = page.GetByRole(AriaRole.Button, new() { Name = "Gỡ bài", Exact = true });
        await unpublish.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Gỡ bài?" });
        await Assertions.Expect(dialog).ToContainTextAsync("Bài sẽ không còn hiển thị với người dân");
        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, "the unpublish confirmation");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Hủy, không thực hiện" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        Assert.Equal(PostStatus.Published, await site.WithDbAsync(db => db.Posts.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));

        await unpublish.ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Gỡ bài" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã gỡ");
        var after = await site.WithDbAsync(db => db.Posts.Where(p => p.Id == id).Select(p => new { p.Status, p.ReplacedByPostId }).SingleAsync());
        Assert.Equal(PostStatus.Unpublished, after.Status);
        Assert.Equal(replacementId, after.ReplacedByPostId);
    }

    /// <summary>Two words of the title, without accents, that no other title holds both of: what the search box keeps.</summary>
    private static string TwoWordsOnlyIn(string title, IEnumerable<string> others)
    {
        static string Fold(string text) => new string(text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray()).ToLowerInvariant();
        var folded = others.Select(Fold).ToList();
        var words = Fold(title).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Enumerable.Range(0, words.Length - 1).Select(i => (words[i], words[i + 1]))
            .Where(pair => !folded.Any(t => t.Contains(pair.Item1) && t.Contains(pair.Item2)))
            .Select(pair => $"{pair.Item1} {pair.Item2}").First();
    }
}
