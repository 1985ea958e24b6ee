using CchcSite.Content.Rendering;
using CchcSite.Content.Site;

namespace CchcSite.Content.Tests;

public class RenderingTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Fact]
    public void Markdown_renders_tables_and_emphasis()
    {
        var html = _renderer.ToHtml("**Kế hoạch**\n\n| Tháng | Nội dung |\n|---|---|\n| 01 | Đăng tin |\n");
        Assert.Contains("<strong>Kế hoạch</strong>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("<td>Đăng tin</td>", html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[bấm vào đây](javascript:alert(1))")]
    [InlineData("<iframe src=\"https://example.com\"></iframe>")]
    public void Nothing_an_editor_types_can_run_script(string markdown)
    {
        // Typed HTML may survive as escaped text; it must never become an element or a link.
        var html = _renderer.ToHtml(markdown);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void External_links_do_not_get_the_opener()
    {
        var html = _renderer.ToHtml("[Cổng dịch vụ công](https://dichvucong.gov.vn)");
        Assert.Contains("rel=\"noopener noreferrer\"", html);
    }

    [Theory]
    [InlineData(1, 1, new int[] { 1 })]
    [InlineData(1, 3, new int[] { 1, 2, 3 })]
    [InlineData(1, 10, new int[] { 1, 2, 3, 0, 10 })]
    [InlineData(6, 12, new int[] { 1, 0, 4, 5, 6, 7, 8, 0, 12 })]
    [InlineData(12, 12, new int[] { 1, 0, 10, 11, 12 })]
    public void Pager_shows_first_last_and_neighbours_with_gaps(int page, int totalPages, int[] expected)
    {
        var links = new Pager("/so-a/tin-tuc", page, totalPages).Links().Select(l => l ?? 0);
        Assert.Equal(expected, links);
    }

    [Fact]
    public void Pager_urls_use_the_trang_query_value_except_for_page_one()
    {
        var pager = new Pager("/so-a/tin-tuc", 2, 5);
        Assert.Equal("/so-a/tin-tuc", pager.UrlFor(1));
        Assert.Equal("/so-a/tin-tuc?trang=3", pager.UrlFor(3));
    }
}
