using CchcSite.Content.Accounts;
using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>
/// An editor writing a video post uploads its cover image (the description required in the same dialog), a plan (DOCX) to
/// attach and the clip itself (sent in parts, with its progress) without leaving the form: each is chosen in the form at
/// once, what was typed stays, and the saved post has all three. With captions added in the library, the clip is
/// transcoded (poster made) and a citizen's browser plays it: its metadata loads and so does its caption track.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class PostFormUploadTests(SiteFixture site)
{
    private const string Unit = SeedFacts.Units.PhongGddtNgaNam;
    private const string Title = "Phòng GDĐT Ngã Năm giới thiệu dịch vụ công trực tuyến cho phụ huynh";
    private const string Alt = "Phụ huynh được hướng dẫn nộp hồ sơ chuyển trường trực tuyến";

    [Fact]
    public async Task An_editor_uploads_a_cover_image_a_file_and_a_video_from_the_post_form_and_they_are_chosen()
    {
        await site.AddUserAsync("tai-len-bai@nganam.test", (Unit, UnitRole.Editor));
        var editor = await site.SignInAsync("tai-len-bai@nganam.test", width: 1366, height: 900);
        await editor.GotoAsync($"/quan-tri/bai-viet/moi?don-vi={Unit}&loai=Video");
        await editor.GetByLabel("Tiêu đề (bắt buộc)").FillAsync(Title);
        await editor.GetByLabel("Nội dung (Markdown)").FillAsync("Đoạn đã gõ trước khi tải tệp lên.");

        var dialog = editor.GetByRole(AriaRole.Dialog, new() { Name = "Tải lên thư viện của đơn vị" });
        var status = dialog.GetByRole(AriaRole.Status);

        // The cover image: refused without its description, in the dialog, with the focus on the field to fill.
        await editor.GetByRole(AriaRole.Button, new() { Name = "Tải ảnh mới lên" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByLabel("Tệp (bắt buộc)")).ToBeFocusedAsync();
        await dialog.GetByLabel("Tệp (bắt buộc)").SetInputFilesAsync(EditorFlowTests.SeedImage());
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Tải lên và chọn" }).ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("Vui lòng nhập mô tả ảnh (văn bản thay thế) cho người không xem được ảnh.");
        var alt = dialog.GetByLabel("Mô tả ảnh (bắt buộc)");
        await Assertions.Expect(alt).ToBeFocusedAsync();
        await AccessibilityTests.AssertNoBlockingViolationsAsync(editor, "the upload dialog at 1366");
        await SiteFixture.ScreenshotAsync(editor, "post-form-upload-dialog-1366");
        await alt.FillAsync(Alt);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Tải lên và chọn" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        var cover = editor.GetByLabel("Ảnh đại diện (từ thư viện của đơn vị)");
        await Assertions.Expect(cover.Locator("option:checked")).ToHaveTextAsync($"{Alt} (dich-vu-cong-truc-tuyen.jpg)");
        await Assertions.Expect(editor.GetByRole(AriaRole.Button, new() { Name = "Tải ảnh mới lên" })).ToBeFocusedAsync();

        // A leaflet, attached and ticked.
        await editor.GetByRole(AriaRole.Button, new() { Name = "Tải tệp mới lên và đính kèm" }).ClickAsync();
        await dialog.GetByLabel("Tệp (bắt buộc)").SetInputFilesAsync(SeedFile("attachments", "kh-tuyen-truyen-cchc-2022-sgddt.docx"));
        await dialog.GetByLabel("Tên hiển thị (để trống: tên tệp)").FillAsync("Kế hoạch tuyên truyền CCHC 2022");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Tải lên và chọn" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Checkbox, new() { Name = "kh-tuyen-truyen-cchc-2022-sgddt.docx", Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(editor.GetByLabel("Tiêu đề hiển thị của kh-tuyen-truyen-cchc-2022-sgddt.docx")).ToHaveValueAsync("Kế hoạch tuyên truyền CCHC 2022");

        // A file of the wrong kind for the button is refused before anything is sent.
        await editor.GetByRole(AriaRole.Button, new() { Name = "Tải video mới lên" }).ClickAsync();
        await dialog.GetByLabel("Tệp (bắt buộc)").SetInputFilesAsync(EditorFlowTests.SeedImage());
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Tải lên và chọn" }).ClickAsync();
        await Assertions.Expect(status).ToContainTextAsync("Không chọn được tệp “dich-vu-cong-truc-tuyen.jpg” ở đây. Video MP4, MOV, WebM");
        // The clip, sent in parts through the library's upload, then chosen with its transcoding state.
        await dialog.GetByLabel("Tệp (bắt buộc)").SetInputFilesAsync(await TestVideos.Mp4Async());
        await dialog.GetByLabel("Mô tả video (để trống: tên tệp)").FillAsync("Clip hướng dẫn phụ huynh");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Tải lên và chọn" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync(new() { Timeout = 30_000 });
        var video = editor.GetByLabel("Video trong thư viện của đơn vị");
        await Assertions.Expect(video.Locator("option:checked")).ToContainTextAsync("Clip hướng dẫn phụ huynh");
        await Assertions.Expect(editor.Locator("#Video_FileId-state")).ToContainTextAsync("chuyển mã");

        // Nothing typed was lost; saving keeps the three choices.
        await Assertions.Expect(editor.GetByLabel("Tiêu đề (bắt buộc)")).ToHaveValueAsync(Title);
        await Assertions.Expect(editor.GetByLabel("Nội dung (Markdown)")).ToHaveValueAsync("Đoạn đã gõ trước khi tải tệp lên.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu bản nháp.");
        var saved = await site.WithDbAsync(db => db.Posts.Where(p => p.Title == Title).Select(p => new
        {
            Cover = p.CoverImage!.AltText, Attachments = p.Attachments.Select(a => a.MediaAsset.FileName).ToList(),
            Video = p.Video!.File!.AltText, p.BodyMarkdown,
        }).SingleAsync());
        Assert.Equal(Alt, saved.Cover);
        Assert.Equal(["kh-tuyen-truyen-cchc-2022-sgddt.docx"], saved.Attachments);
        Assert.Equal("Clip hướng dẫn phụ huynh", saved.Video);
        Assert.Equal("Đoạn đã gõ trước khi tải tệp lên.", saved.BodyMarkdown);

        // On a phone the dialog fits and passes axe too.
        var phone = await site.SignInAsync("tai-len-bai@nganam.test", width: 390, height: 844);
        await phone.GotoAsync($"/quan-tri/bai-viet/moi?don-vi={Unit}");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Tải ảnh mới lên" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoBlockingViolationsAsync(phone, "the upload dialog at 390");
        await SiteFixture.ScreenshotAsync(phone, "post-form-upload-dialog-390");

        // Captions for the clip in the library, then, once it is transcoded and published, a citizen plays it with them.
        await editor.GotoAsync($"/quan-tri/thu-vien?don-vi={Unit}");
        var item = editor.Locator("li.media-item").Filter(new() { HasText = "Clip hướng dẫn phụ huynh" });
        var captions = Path.Combine(Path.GetTempPath(), $"phu-de-{Guid.NewGuid():N}.vtt");
        await File.WriteAllTextAsync(captions, "WEBVTT\n\n00:00.000 --> 00:02.500\nPhụ huynh nộp hồ sơ chuyển trường trên Cổng dịch vụ công\n");
        await item.GetByLabel("Tệp phụ đề", new() { Exact = false }).SetInputFilesAsync(captions);
        await item.GetByRole(AriaRole.Button, new() { Name = "Gắn phụ đề", Exact = true }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã gắn phụ đề");
        var transcoded = DateTime.UtcNow.AddMinutes(4);
        while (await site.WithDbAsync(db => db.Set<Content.Videos.VideoTranscode>().Where(j => j.MediaAsset.AltText == "Clip hướng dẫn phụ huynh")
                   .Select(j => new { j.State, j.Failure }).SingleAsync()) is { State: not Content.Videos.TranscodeState.Done } job)
        {
            Assert.True(job.State != Content.Videos.TranscodeState.Failed, job.Failure);
            Assert.True(DateTime.UtcNow < transcoded, $"The clip is still {job.State} after four minutes.");
            await Task.Delay(1000);
        }
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
            await citizen.GotoAsync(path);
            var player = citizen.Locator("figure.video video");
            await Assertions.Expect(player).ToHaveAttributeAsync("poster", new System.Text.RegularExpressions.Regex("^/tep/"));
            await player.EvaluateAsync("v => v.load()");
            await citizen.WaitForFunctionAsync("() => document.querySelector('figure.video video').readyState >= HTMLMediaElement.HAVE_METADATA");
            await citizen.WaitForFunctionAsync("() => { const t = document.querySelector('figure.video track'); return t && t.readyState === 2 && t.track.cues.length === 1; }");
            await AccessibilityTests.AssertNoBlockingViolationsAsync(citizen, $"{path} at {width}");
            await SiteFixture.ScreenshotAsync(citizen, $"uploaded-video-{width}");
        }
    }

    internal static string SeedFile(string folder, string name) =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(EditorFlowTests.SeedImage())))!, "files", folder, name);
}
