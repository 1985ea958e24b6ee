using System.Net;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text.RegularExpressions;
using CchcSite.Content.Posts;
using CchcSite.Testing;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests;

[Collection(SeededSiteCollection.Name)]
public partial class PublicPagesTests(SiteFactory site)
{
    private readonly HttpClient _client = site.CreateClient();

    private async Task<string> GetPageAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Home_shows_latest_news_documents_videos_and_the_unit_directory()
    {
        var html = await GetPageAsync("/");
        Assert.Contains("<html lang=\"vi\">", html);
        Assert.Contains("Tin tức mới", html);
        Assert.Contains("Văn bản chỉ đạo, điều hành", html);
        Assert.Contains("Video tuyên truyền", html);
        Assert.Contains("Chuyên trang CCHC của các đơn vị", html);
        Assert.Contains($"href=\"/{SeedFacts.Units.SoGddtSocTrang}\"", html);
        Assert.Contains($"href=\"/{SeedFacts.Units.UbndPhuongThacMo}\"", html);
    }

    [Fact]
    public async Task Every_unit_section_and_every_tab_answers_in_vietnamese()
    {
        var units = await QueryAsync(db => db.Units.Select(u => new { u.Slug, u.Name }).ToListAsync());
        Assert.True(units.Count >= 8);
        foreach (var unit in units)
        {
            var section = await GetPageAsync($"/{unit.Slug}");
            Assert.Contains(Html(unit.Name), section);
            Assert.Contains("Chuyên trang cải cách hành chính", section);
            foreach (var tab in PostKindSegments.All)
                Assert.Contains(Html(tab.TabName), await GetPageAsync($"/{unit.Slug}/{tab.Segment}"));
        }
    }

    [Fact]
    public async Task A_post_of_every_kind_has_its_page_and_print_view_and_the_old_download_address_leads_to_the_print_view()
    {
        foreach (var kind in Enum.GetValues<PostKind>())
        {
            var post = await QueryAsync(db => db.Posts.Where(p => p.Kind == kind && p.Status == PostStatus.Published && p.PublishAt < DateTime.UtcNow)
                .Select(p => new { Unit = p.Unit.Slug, p.Slug, p.Title }).FirstAsync());
            var url = PostKindSegments.PostUrl(post.Unit, kind, post.Slug);
            var html = await GetPageAsync(url);
            Assert.Contains($"<h1>{Html(post.Title)}</h1>", html);
            Assert.Contains("Trang chủ", html); // breadcrumbs
            Assert.Contains($"href=\"{url}/in\">In hoặc lưu PDF</a>", html);
            Assert.DoesNotContain("/tai-ve", html);

            var print = await GetPageAsync(url + "/in");
            Assert.Contains(Html(post.Title), print);
            Assert.Contains("Lưu thành PDF", print);
            var download = await site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
                .GetAsync(url + "/tai-ve");
            Assert.Equal(HttpStatusCode.MovedPermanently, download.StatusCode);
            Assert.Equal(url + "/in", download.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task A_document_page_shows_its_metadata_and_attachments_download_as_pdf()
    {
        var doc = await QueryAsync(db => db.Posts.Where(p => p.Document != null && p.Document.Number == "16/KH-UBND" && p.Unit.Slug == SeedFacts.Units.UbndPhuongThacMo)
            .Select(p => p.Slug).SingleAsync());
        var html = await GetPageAsync($"/{SeedFacts.Units.UbndPhuongThacMo}/van-ban/{doc}");
        Assert.Contains("Thông tin văn bản", html);
        Assert.Contains("<td>16/KH-UBND</td>", html);
        Assert.Contains("<td>20/03/2024</td>", html);
        Assert.Contains("Lại Tất Thắng", html);

        var attachment = AttachmentLink().Match(html);
        Assert.True(attachment.Success, "the plan has a downloadable attachment");
        var file = await _client.GetAsync(attachment.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await file.Content.ReadAsByteArrayAsync())[..4]);
    }

    [Fact]
    public async Task A_video_page_plays_an_html5_video_with_poster_and_vietnamese_captions()
    {
        var video = await QueryAsync(db => db.Posts.Where(p => p.Kind == PostKind.Video && p.Status == PostStatus.Published && p.Video!.FileId != null)
            .Select(p => new { Unit = p.Unit.Slug, p.Slug }).FirstAsync());
        var html = await GetPageAsync(PostKindSegments.PostUrl(video.Unit, PostKind.Video, video.Slug));
        var source = Regex.Match(html, "<source src=\"([^\"]+)\" type=\"video/mp4\"");
        Assert.True(source.Success);
        Assert.Matches("<video [^>]*poster=\"/tep/", html);
        var file = await _client.GetAsync(source.Groups[1].Value);
        Assert.Equal("video/mp4", file.Content.Headers.ContentType?.MediaType);
        var track = Regex.Match(html, "<track kind=\"captions\" src=\"([^\"]+)\" srclang=\"vi\"");
        if (track.Success)
            Assert.Equal("text/vtt", (await _client.GetAsync(track.Groups[1].Value)).Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Lists_page_with_real_links_and_refuse_pages_that_do_not_exist()
    {
        var html = await GetPageAsync($"/{SeedFacts.Units.SoGddtSocTrang}/tin-tuc");
        var total = int.Parse(Regex.Match(html, @"(\d+) mục").Groups[1].Value);
        Assert.True(total > 0);
        var lastPage = (total + 11) / 12;
        if (lastPage > 1)
        {
            Assert.Contains($"href=\"/{SeedFacts.Units.SoGddtSocTrang}/tin-tuc?trang=2\"", html);
            await GetPageAsync($"/{SeedFacts.Units.SoGddtSocTrang}/tin-tuc?trang={lastPage}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/{SeedFacts.Units.SoGddtSocTrang}/tin-tuc?trang={lastPage + 1}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/{SeedFacts.Units.SoGddtSocTrang}/tin-tuc?trang=0")).StatusCode);
    }

    [Fact]
    public async Task Category_pages_list_posts_of_that_reform_field()
    {
        var index = await GetPageAsync("/linh-vuc");
        Assert.Contains("Cải cách thủ tục hành chính", index);
        var html = await GetPageAsync("/linh-vuc/cai-cach-thu-tuc-hanh-chinh");
        Assert.Contains("<h1>Cải cách thủ tục hành chính</h1>", html);
        Assert.Contains("class=\"card\"", html);
    }

    [Theory]
    [InlineData("/don-vi-khong-ton-tai")]
    [InlineData($"/{SeedFacts.Units.SoGddtSocTrang}/khong-co-muc-nay")]
    [InlineData($"/{SeedFacts.Units.SoGddtSocTrang}/tin-tuc/bai-khong-ton-tai")]
    [InlineData("/linh-vuc/khong-co")]
    [InlineData("/tep/999999/khong-co.pdf")]
    public async Task Unknown_addresses_get_the_vietnamese_404_page(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Không tìm thấy trang", html);
        Assert.Contains("Về trang chủ", html);
    }

    [Fact]
    public async Task A_post_under_the_wrong_kind_segment_is_not_found()
    {
        var doc = await QueryAsync(db => db.Posts.Where(p => p.Kind == PostKind.Document && p.Status == PostStatus.Published)
            .Select(p => new { Unit = p.Unit.Slug, p.Slug }).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/{doc.Unit}/tin-tuc/{doc.Slug}")).StatusCode);
    }

    [Fact]
    public async Task Pages_forbid_third_party_sources()
    {
        var response = await _client.GetAsync("/");
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("script-src 'self'", policy);
        var html = await response.Content.ReadAsStringAsync();
        // Absolute addresses of the site itself (canonical, feeds, share image) are fine; any other origin is not.
        Assert.DoesNotMatch("(src|href|content)=\"(https?:)?//(?!localhost/)", html);
    }

    [Fact]
    public async Task The_theme_stylesheet_and_script_are_served_from_the_site_itself()
    {
        var html = await GetPageAsync("/");
        foreach (Match asset in Regex.Matches(html, "(?:href|src)=\"(/_content/CchcSite.Themes.Default/[^\"]+)\""))
        {
            var response = await _client.GetAsync(asset.Groups[1].Value);
            Assert.True(response.IsSuccessStatusCode, $"{asset.Groups[1].Value} answered {(int)response.StatusCode}");
        }
        // Fingerprinted: the address changes with the file, so it can be cached as immutable.
        Assert.Matches(@"/_content/CchcSite\.Themes\.Default/site\.[a-z0-9]+\.css", html);
        Assert.Matches(@"/_content/CchcSite\.Themes\.Default/site\.[a-z0-9]+\.js", html);
    }

    [Fact]
    public async Task Health_check_reports_the_database_reachable()
    {
        var response = await _client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Text as the site encodes it: markup characters escaped, Vietnamese letters as they are.</summary>
    private static string Html(string text) => HtmlEncoder.Create(UnicodeRanges.All).Encode(text);

    private Task<T> QueryAsync<T>(Func<Content.Data.CchcDbContext, Task<T>> query) => site.WithDbAsync(query);

    [GeneratedRegex("<a [^>]*href=\"(/tep/[^\"]+)\"[^>]*\\sdownload>")]
    private static partial Regex AttachmentLink();
}
