using System.Net;
using CchcSite.Testing;

namespace CchcSite.Web.Tests.Search;

[Collection(SeededSiteCollection.Name)]
public class SearchPageTests(SiteFactory site)
{
    private readonly HttpClient _client = site.CreateClient();

    private async Task<string> GetPageAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/linh-vuc")]
    [InlineData($"/{SeedFacts.Units.SoGddtSocTrang}")]
    public async Task Every_page_has_the_search_box(string url)
    {
        var html = await GetPageAsync(url);
        Assert.Contains("<form class=\"site-search\" action=\"/tim-kiem\" method=\"get\" role=\"search\">", html);
        Assert.Contains("<label for=\"site-search-q\" class=\"visually-hidden\">Tìm kiếm</label>", html);
        Assert.Contains("name=\"q\"", html);
        Assert.Contains("<button type=\"submit\">Tìm</button>", html);
    }

    [Fact]
    public async Task A_query_without_diacritics_shows_highlighted_results_counts_and_filter_links()
    {
        var html = await GetPageAsync("/tim-kiem?q=tuyen+truyen+cai+cach");

        Assert.Matches("Tìm thấy \\d+ kết quả cho “tuyen truyen cai cach”", html);
        Assert.Contains("<mark>tuyên</mark> <mark>truyền</mark>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"href=\"/tim-kiem?q=tuyen%20truyen%20cai%20cach&amp;don-vi={SeedFacts.Units.UbndThiXaNgaNam}\"", html);
        Assert.Contains("href=\"/tim-kiem?q=tuyen%20truyen%20cai%20cach&amp;loai=van-ban\"", html);
        Assert.Contains("rel=\"next\"", html);
        Assert.Contains("href=\"/tim-kiem?q=tuyen%20truyen%20cai%20cach&amp;trang=2\"", html);
    }

    [Fact]
    public async Task A_word_no_post_holds_is_named_and_the_other_words_find_the_posts()
    {
        var html = await GetPageAsync("/tim-kiem?q=%C4%91%C6%B0%E1%BB%9Dng+d%C3%A2y+n%C3%B3ng+blockchain");

        Assert.Matches("Tìm thấy \\d+ kết quả cho “đường dây nóng blockchain”", html);
        Assert.Contains("Không bài nào có từ “blockchain”; kết quả dưới đây khớp với các từ còn lại.", html);
        Assert.Contains("<mark>đường</mark> <mark>dây</mark> <mark>nóng</mark>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Không bài nào có từ", await GetPageAsync("/tim-kiem?q=%C4%91%C6%B0%E1%BB%9Dng+d%C3%A2y+n%C3%B3ng"));
    }

    [Fact]
    public async Task Filtering_by_unit_keeps_the_choice_in_the_form_and_the_pager()
    {
        var html = await GetPageAsync($"/tim-kiem?q=tuyen+truyen&don-vi={SeedFacts.Units.UbndThiXaNgaNam}&sap-xep=moi-nhat");

        Assert.Contains($"<option value=\"{SeedFacts.Units.UbndThiXaNgaNam}\" selected=\"selected\">", html);
        Assert.Contains("<option value=\"moi-nhat\" selected=\"selected\">", html);
        Assert.DoesNotContain($"href=\"/{SeedFacts.Units.SoTaiChinhSocTrang}\"", html);
    }

    [Fact]
    public async Task Answered_questions_that_match_are_counted_with_a_link_to_the_qa_column_until_a_post_kind_is_chosen()
    {
        // "bưu điện" is in the text of two seeded answered questions.
        var html = await GetPageAsync("/tim-kiem?q=buu+dien");
        Assert.Contains("Chuyên mục Hỏi – đáp có 2 câu hỏi đã trả lời khớp với từ khóa", html);
        Assert.Contains("href=\"/hoi-dap?q=buu%20dien\"", html);
        Assert.DoesNotContain("Chuyên mục Hỏi – đáp có", await GetPageAsync("/tim-kiem?q=buu+dien&loai=van-ban"));
    }

    [Fact]
    public async Task No_results_and_no_query_give_vietnamese_guidance()
    {
        Assert.Contains("Không tìm thấy kết quả nào cho “xyzxyz qwerty”", await GetPageAsync("/tim-kiem?q=xyzxyz+qwerty"));
        Assert.Contains("Hãy nhập từ khóa cần tìm.", await GetPageAsync("/tim-kiem"));
    }

    public static TheoryData<string> HostileQueries => new()
    {
        "q=%22unbalanced", "q=title%3A*%20AND%20(x", "q=%00%01%02", "q=" + new string('a', 2000), "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "q=cai&trang=-1", "q=cai&trang=abc", "q=cai&trang=999999", "q=cai&nam=abc", "q=cai&nam=1800", "q=cai&don-vi=khong-co",
        "q=cai&loai=%2F%2F", "q=cai&linh-vuc=%27%20OR%201", "q=%ED%A0%80", "q=%E2%80%8B", "q=~*?", "q[]=a&q[]=b", "sap-xep=moi-nhat",
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Any_address_gives_a_page_never_an_error(string query)
    {
        var html = await GetPageAsync($"/tim-kiem?{query}");
        Assert.Contains("<h1>Tìm kiếm</h1>", html);
        Assert.DoesNotContain("<script>alert(1)", html);
    }

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Any_api_query_gives_a_result_or_a_problem_never_a_500(string query)
    {
        var response = await _client.GetAsync($"/api/v1/search?{query}");
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{query} answered {(int)response.StatusCode}");
    }
}
