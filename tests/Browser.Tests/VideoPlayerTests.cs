using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>
/// A citizen on a phone plays the seeded video clip: the player loads its metadata from a source the site serves in
/// ranges, the Vietnamese captions track loads, and the page passes axe and fits the phone (and a desktop).
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class VideoPlayerTests(SiteFixture site)
{
    [Fact]
    public async Task The_seeded_video_clip_plays_with_its_captions_on_a_phone()
    {
        var post = await site.WithDbAsync(db => db.Posts
            .Where(p => p.Kind == PostKind.Video && p.Status == PostStatus.Published && p.Video!.FileId != null && p.Video.CaptionsId != null)
            .OrderBy(p => p.Id).Select(p => new { Unit = p.Unit.Slug, p.Slug }).FirstAsync());
        var path = PostKindSegments.PostUrl(post.Unit, PostKind.Video, post.Slug);
        var phone = await site.NewPageAsync(width: 390, height: 844);
        await phone.GotoAsync(path);

        var video = phone.Locator("figure.video video");
        await Assertions.Expect(video).ToHaveAttributeAsync("preload", "none");
        // Nothing of the clip is fetched before the citizen asks; then the browser reads its metadata.
        await video.EvaluateAsync("v => v.load()");
        await phone.WaitForFunctionAsync("() => document.querySelector('figure.video video').readyState >= HTMLMediaElement.HAVE_METADATA");
        var track = await phone.WaitForFunctionAsync("() => { const t = document.querySelector('figure.video track'); return t && t.readyState === 2 && t.track.cues.length > 0 && t.srclang; }");
        Assert.Equal("vi", await track.JsonValueAsync<string>());

        var status = await video.EvaluateAsync<int>("async v => (await fetch(v.currentSrc, { headers: { Range: 'bytes=0-99' } })).status");
        Assert.Equal(206, status);

        await AccessibilityTests.AssertNoBlockingViolationsAsync(phone, path);
        await PhoneLayoutTests.AssertFitsAsync(phone, path);
        await SiteFixture.ScreenshotAsync(phone, "video-390");
        var desktop = await site.NewPageAsync(width: 1366, height: 900);
        await desktop.GotoAsync(path);
        await AccessibilityTests.AssertNoBlockingViolationsAsync(desktop, path);
        await SiteFixture.ScreenshotAsync(desktop, "video-1366");
    }
}
