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

    [Fact]
    public void Tables_in_posts_and_answers_sit_in_a_named_focusable_box_that_scrolls()
    {
        const string markdown = "| Tháng | Phòng |\n|---|---|\n| 01 | Văn phòng |\n\n| A |\n|---|\n| b |\n";
        foreach (var html in new[] { _renderer.ToHtml(markdown), _renderer.AnswerToHtml(markdown) })
        {
            const string wrapper = "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Bảng (cuộn ngang để xem hết)\"><table>";
            Assert.Equal(2, html.Split(wrapper).Length - 1);
            Assert.Equal(2, html.Split("</table></div>").Length - 1);
        }
    }

    [Theory]
    [InlineData("<div class=\"table-wrap\">chữ</div>")]
    [InlineData("Chữ <table> và </table> trong đoạn văn")]
    [InlineData("[liên kết](/a \"<table>\")")]
    public void A_writer_cannot_make_a_wrapper_of_their_own(string markdown)
    {
        // The typed text may stay as escaped text; no element may get the wrapper's class or its focus.
        var html = _renderer.ToHtml(markdown);
        Assert.DoesNotContain("<div class=\"table-wrap\"", html);
        Assert.DoesNotMatch(@"<[^>]*\stabindex=", html);
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

    [Fact]
    public void External_links_in_answers_are_not_vouched_for()
    {
        var html = _renderer.AnswerToHtml("Xem [hướng dẫn](https://dichvucong.gov.vn/huong-dan) và [trang của đơn vị](/so-a).");
        Assert.Contains("href=\"https://dichvucong.gov.vn/huong-dan\" rel=\"noopener noreferrer nofollow\"", html);
        Assert.Contains("<a href=\"/so-a\">", html);
    }

    [Theory]
    [InlineData("# Đăng nhập lại {style=\"position:fixed;top:0;left:0;width:100%;height:100%;z-index:2147483647\"}")]
    [InlineData("Đoạn văn {#noi-dung}")]
    [InlineData("[liên kết](https://evil.example){style=\"display:block\" .btn}")]
    public void The_attribute_syntax_styles_and_identifies_nothing(string markdown)
    {
        // The braces may stay as text; no element may carry what they ask for.
        foreach (var html in new[] { _renderer.ToHtml(markdown), _renderer.AnswerToHtml(markdown) })
        {
            Assert.DoesNotMatch(@"<[^>]*\sstyle=", html);
            Assert.DoesNotMatch(@"<[^>]*\sclass=", html);
            Assert.DoesNotContain("id=\"noi-dung\"", html);
        }
    }

    [Fact]
    public void Custom_containers_name_no_class_of_the_theme()
    {
        var html = _renderer.ToHtml("::: skip-link\nĐăng nhập lại\n:::");
        Assert.DoesNotContain("skip-link\"", html);
    }

    [Fact]
    public void Heading_ids_are_ours_and_cannot_take_an_id_of_the_layout()
    {
        var html = _renderer.ToHtml("## Nội dung\n\n## Tệp đính kèm\n\n## Tệp đính kèm\n");
        Assert.Contains("<h2 id=\"tieu-muc-noi-dung\">Nội dung</h2>", html);
        Assert.Contains("<h2 id=\"tieu-muc-tep-dinh-kem\">Tệp đính kèm</h2>", html);
        Assert.Contains("<h2 id=\"tieu-muc-tep-dinh-kem-2\">Tệp đính kèm</h2>", html);
        Assert.DoesNotContain("id=\"noi-dung\"", html);
        // Many answers share one page: they carry no ids at all.
        Assert.DoesNotContain("id=", _renderer.AnswerToHtml("## Nội dung"));
    }

    [Fact]
    public void Footnotes_keep_their_links()
    {
        var html = _renderer.ToHtml("Theo Nghị quyết[^1].\n\n[^1]: Nghị quyết 76/NQ-CP.");
        Assert.Contains("href=\"#fn:1\"", html);
        Assert.Contains("id=\"fn:1\"", html);
    }

    [Fact]
    public void Table_alignment_becomes_a_class_not_a_style()
    {
        var html = _renderer.ToHtml("| Tháng | Số tin |\n|:---|---:|\n| 01 | 12 |\n");
        Assert.Contains("<td class=\"align-right\">12</td>", html);
        Assert.Contains("<th class=\"align-left\">Tháng</th>", html);
        Assert.DoesNotContain("style=", html);
    }

    [Theory]
    [InlineData("![Sơ đồ](https://evil.example/theo-doi.png)", "Sơ đồ")]
    [InlineData("![](//evil.example/theo-doi.png)", "evil.example")]
    [InlineData("![x](HTTPS://evil.example/theo-doi.png)", "x")]
    [InlineData("![x][anh]\n\n[anh]: http://evil.example/a.gif", "x")]
    public void Images_from_other_hosts_become_links(string markdown, string label)
    {
        foreach (var html in new[] { _renderer.ToHtml(markdown), _renderer.AnswerToHtml(markdown) })
        {
            Assert.DoesNotContain("<img", html);
            Assert.Contains("evil.example", html);
            Assert.Contains($"Ảnh ở trang ngoài: {label}</a>", html);
        }
    }

    [Theory]
    [InlineData("/tep/12/anh.jpg", true)]
    [InlineData("anh.jpg", true)]
    [InlineData("#tieu-muc-1", true)]
    [InlineData("/", true)]
    [InlineData("//evil.example/a.png", false)]
    [InlineData("/\\evil.example/a.png", false)]
    [InlineData("/\t/evil.example/a.png", false)]
    [InlineData("https://evil.example/a.png", false)]
    [InlineData("mailto:a@example.com", false)]
    public void Addresses_on_this_site_are_told_from_other_hosts(string url, bool onThisSite) =>
        Assert.Equal(onThisSite, MarkdownRenderer.IsOnThisSite(url));

    [Fact]
    public void Images_of_the_site_stay_images()
    {
        var html = _renderer.ToHtml("![Hội nghị](/tep/12/lon/hoi-nghi.webp)");
        Assert.Contains("<img src=\"/tep/12/lon/hoi-nghi.webp\" alt=\"Hội nghị\">", html);
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
