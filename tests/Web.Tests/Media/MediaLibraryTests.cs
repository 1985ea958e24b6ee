using System.Net;
using System.Text.RegularExpressions;
using CchcSite.Content.Accounts;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Media;

/// <summary>The editor's media library over HTTP: upload, list, refusal, and who may see what.</summary>
public sealed partial class MediaLibraryTests(MediaSite site) : IClassFixture<MediaSite>
{
    private const string Unit = SeedFacts.Units.PhongGddtNgaNam;
    private const string OtherUnit = SeedFacts.Units.SoLdtbxhBinhDinh;
    private const string Library = "/quan-tri/thu-vien?don-vi=" + Unit;

    private async Task<HttpClient> EditorAsync(string name, string unit = Unit, UnitRole role = UnitRole.Editor)
    {
        await site.AddUserAsync($"{name}@cchc.test", (unit, role));
        return await site.SignedInAsync($"{name}@cchc.test");
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, string fileName, byte[] content, string? alt, string library = Library)
    {
        var token = EditorSite.AntiforgeryToken(await browser.GetStringAsync("/quan-tri/dang-nhap"));
        return await browser.PostAsync(library, MediaSite.UploadForm(token, fileName, content, alt));
    }

    [Fact]
    public async Task An_editor_uploads_an_image_and_finds_it_in_the_library()
    {
        var browser = await EditorAsync("bt-tai-anh");
        var page = await browser.GetStringAsync(Library);
        var token = EditorSite.AntiforgeryToken(page);
        Assert.Contains("enctype=\"multipart/form-data\"", page);

        var response = await browser.PostAsync(Library, MediaSite.UploadForm(token, "Hội nghị CCHC.jpg", MediaSite.Jpeg(), "Quang cảnh hội nghị triển khai CCHC"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Library, response.Headers.Location!.OriginalString);
        var library = await browser.GetStringAsync(Library);
        Assert.Contains("Đã tải lên “hoi-nghi-cchc.jpg”", library);
        Assert.Contains("Quang cảnh hội nghị triển khai CCHC", library);
        var thumbnail = ThumbnailSrc().Match(library);
        Assert.True(thumbnail.Success, library);
        var image = await browser.GetAsync(thumbnail.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);

        // Not used by a public post yet: the public address does not serve it.
        var id = await site.WithDbAsync(db => db.MediaAssets.Where(a => a.FileName == "hoi-nghi-cchc.jpg").Select(a => a.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateClient().GetAsync($"/tep/{id}/hoi-nghi-cchc.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateClient().GetAsync($"/tep/{id}/nho/hoi-nghi-cchc.webp")).StatusCode);
    }

    [Fact]
    public async Task A_document_is_uploaded_and_listed_with_its_size()
    {
        var browser = await EditorAsync("bt-tai-tep");
        var pdf = "%PDF-1.4\n%%EOF\n"u8.ToArray();
        var response = await UploadAsync(browser, "Kế hoạch 21.pdf", pdf, null);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var library = await browser.GetStringAsync(Library);
        Assert.Contains("ke-hoach-21.pdf", library);
        Assert.Contains($"{pdf.Length} byte", library);
    }

    [Fact]
    public async Task A_php_file_renamed_jpg_is_refused_with_a_vietnamese_message()
    {
        var browser = await EditorAsync("bt-php");
        var response = await UploadAsync(browser, "anh.jpg", MediaSite.Php, "Ảnh");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Nội dung tệp không phải là ảnh JPEG", html);
        Assert.Equal(0, await site.WithDbAsync(db => db.MediaAssets.CountAsync(a => a.FileName == "anh.jpg")));
    }

    [Fact]
    public async Task An_oversized_image_is_refused_with_the_limit()
    {
        var browser = await EditorAsync("bt-anh-lon");
        var response = await UploadAsync(browser, "lon.png", new byte[MediaSite.MaxImageBytes + 1], "Ảnh lớn");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Tệp quá lớn. Ảnh tối đa 293 KB.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_request_over_the_ceiling_gets_413_with_a_message()
    {
        var browser = await EditorAsync("bt-qua-tran");
        var response = await UploadAsync(browser, "lon.pdf", new byte[Content.Media.MediaLimits.RequestCeiling + 1], null);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Tệp gửi lên quá lớn nên không được nhận", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await site.WithDbAsync(db => db.MediaAssets.CountAsync(a => a.FileName == "lon.pdf")));
    }

    [Fact]
    public async Task An_image_without_alt_text_is_refused_and_the_form_says_why()
    {
        var browser = await EditorAsync("bt-khong-mo-ta");
        var response = await UploadAsync(browser, "anh.jpg", MediaSite.Jpeg(200, 100), "");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Vui lòng nhập mô tả ảnh", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_is_refused()
    {
        var browser = await EditorAsync("bt-khong-token");
        var response = await browser.PostAsync(Library, MediaSite.UploadForm(null, "anh.jpg", MediaSite.Jpeg(200, 100), "Ảnh"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_editor_of_another_unit_can_neither_see_nor_upload_nor_open_its_files()
    {
        var owner = await EditorAsync("bt-chu");
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(owner, "rieng.jpg", MediaSite.Jpeg(300, 200), "Ảnh riêng của đơn vị")).StatusCode);
        var id = await site.WithDbAsync(db => db.MediaAssets.Where(a => a.FileName == "rieng.jpg").Select(a => a.Id).SingleAsync());

        var other = await EditorAsync("bt-don-vi-khac", OtherUnit);
        AssertDenied(await other.GetAsync(Library));
        AssertDenied(await UploadAsync(other, "xam-nhap.jpg", MediaSite.Jpeg(300, 200), "Ảnh"));
        AssertDenied(await other.GetAsync($"/quan-tri/thu-vien/{id}/rieng.jpg"));
        AssertDenied(await other.GetAsync($"/quan-tri/thu-vien/{id}/nho/rieng.webp"));
        Assert.Equal(0, await site.WithDbAsync(db => db.MediaAssets.CountAsync(a => a.FileName == "xam-nhap.jpg")));
        // Their own library is open to them, and the unit list offers only their unit.
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/quan-tri/thu-vien?don-vi={OtherUnit}")).StatusCode);
        var units = await other.GetStringAsync("/quan-tri/thu-vien");
        Assert.Contains($"don-vi={OtherUnit}", units);
        Assert.DoesNotContain($"don-vi={Unit}\"", units);
    }

    [Fact]
    public async Task A_hotline_officer_of_the_unit_has_no_library()
    {
        var officer = await EditorAsync("tiep-nhan-thu-vien", role: UnitRole.HotlineOfficer);
        AssertDenied(await officer.GetAsync(Library));
    }

    [Theory]
    [InlineData("/quan-tri/thu-vien")]
    [InlineData(Library)]
    public async Task Anonymous_visitors_are_sent_to_the_login_page(string url)
    {
        var response = await site.NewBrowser().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/quan-tri/dang-nhap", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_anonymous_upload_is_sent_to_the_login_page_and_stores_nothing()
    {
        var before = await site.WithDbAsync(db => db.MediaAssets.CountAsync());
        var response = await site.NewBrowser().PostAsync(Library, MediaSite.UploadForm(null, "anh.jpg", MediaSite.Jpeg(200, 100), "Ảnh"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/quan-tri/dang-nhap", response.Headers.Location!.OriginalString);
        Assert.Equal(before, await site.WithDbAsync(db => db.MediaAssets.CountAsync()));
    }

    private static void AssertDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/quan-tri/khong-co-quyen", response.Headers.Location!.PathAndQuery);
    }

    [GeneratedRegex("<img src=\"(/quan-tri/thu-vien/\\d+/nho/[^\"]+)\"")]
    private static partial Regex ThumbnailSrc();
}
