using System.Text.RegularExpressions;
using CchcSite.Content.Accounts;
using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>
/// A video published on YouTube, embedded in a post: the editor's form refuses a host no administrator allowed, in
/// Vietnamese; the citizen's page shows a placeholder and asks nothing of YouTube until the citizen clicks, then inserts
/// the nocookie player. The test machine has no internet, so every request to another origin is answered by a local
/// stub and recorded: the record is the browser's own request log, not what the page's policy let through.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class VideoEmbedTests(SiteFixture site)
{
    private const string Unit = SeedFacts.Units.UbndPhuongThacMo;
    private const string Title = "Phường Thác Mơ hướng dẫn cài đặt ứng dụng VNeID";
    /// <summary>The privacy-enhanced player the typed YouTube address is embedded as.</summary>
    private const string Player = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ";

    [Fact]
    public async Task An_allowed_embed_is_a_placeholder_that_asks_nothing_of_the_host_until_the_click()
    {
        await site.AddUserAsync("nhung-video@thacmo.test", (Unit, UnitRole.Editor));
        var editor = await site.SignInAsync("nhung-video@thacmo.test", width: 390, height: 844);
        await editor.GotoAsync($"/quan-tri/bai-viet/moi?don-vi={Unit}&loai=Video");
        await editor.GetByLabel("Tiêu đề (bắt buộc)").FillAsync(Title);
        var address = editor.GetByLabel("Hoặc địa chỉ video trên YouTube, Facebook");
        await address.FillAsync("https://vimeo.com/76979871");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(editor.Locator("#Video_ExternalUrl-error"))
            .ToHaveTextAsync("Không nhúng được video từ vimeo.com. Chỉ nhúng được video từ YouTube, Facebook.");
        // What was typed stays; the refused address can be corrected in place.
        await Assertions.Expect(editor.GetByLabel("Tiêu đề (bắt buộc)")).ToHaveValueAsync(Title);
        Assert.Equal(0, await site.WithDbAsync(db => db.Posts.CountAsync(p => p.Title == Title)));

        await address.FillAsync("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu bản nháp.");
        // Publishing is another person's step (tested in the editor flow); here the post is made public directly.
        var slug = await site.WithDbAsync(async db =>
        {
            var post = await db.Posts.SingleAsync(p => p.Title == Title);
            post.Status = PostStatus.Published;
            post.PublishAt = DateTime.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
            return post.Slug;
        });
        var path = PostKindSegments.PostUrl(Unit, PostKind.Video, slug);

        foreach (var (width, height) in new[] { (390, 844), (1366, 900) })
        {
            var citizen = await site.NewPageAsync(width, height);
            var elsewhere = new List<string>();
            // The page is idle before the click, so waiting for the idle state after it need not wait for the player: this does.
            var playerAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await citizen.Context.RouteAsync(url => !url.StartsWith(site.Origin + "/", StringComparison.Ordinal)
                                                    && !url.StartsWith("data:", StringComparison.Ordinal), async route =>
            {
                lock (elsewhere)
                    elsewhere.Add(route.Request.Url);
                if (route.Request.Url == Player)
                    playerAsked.TrySetResult();
                await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html", Body = "<!doctype html><title>stub</title>" });
            });
            await citizen.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

            var place = citizen.Locator("figure.video [data-embed]");
            var play = place.GetByRole(AriaRole.Button, new() { Name = "Phát video (tải từ YouTube)" });
            await Assertions.Expect(play).ToBeVisibleAsync();
            await Assertions.Expect(place.Locator("iframe")).ToHaveCountAsync(0);
            await AccessibilityTests.AssertNoBlockingViolationsAsync(citizen, $"{path} at {width}");
            await PhoneLayoutTests.AssertFitsAsync(citizen, path);
            await SiteFixture.ScreenshotAsync(citizen, $"video-embed-{width}");
            lock (elsewhere)
                Assert.True(elsewhere.Count == 0, $"Requests left the site before the click:\n{string.Join("\n", elsewhere)}");

            await play.ClickAsync();
            var player = citizen.Locator("figure.video iframe");
            await Assertions.Expect(player).ToHaveAttributeAsync("src", Player);
            await Assertions.Expect(player).ToHaveAttributeAsync("title", $"Video: {Title}");
            await Assertions.Expect(player).ToBeFocusedAsync();
            // The click is what asks the host, and only the nocookie player's host.
            await playerAsked.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await citizen.WaitForLoadStateAsync(LoadState.NetworkIdle);
            lock (elsewhere)
            {
                Assert.Contains(Player, elsewhere);
                Assert.All(elsewhere, url => Assert.Matches(new Regex("^https://www\\.youtube-nocookie\\.com/"), url));
            }
            await citizen.Context.CloseAsync();
        }
    }
}
