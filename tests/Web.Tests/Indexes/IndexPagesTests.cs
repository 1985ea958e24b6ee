using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CchcSite.Testing;

namespace CchcSite.Web.Tests.Indexes;

/// <summary>The seeded index results in public: the overview, a unit's tab, the CSV files and the API say the same figures.</summary>
[Collection(SeededSiteCollection.Name)]
public sealed partial class IndexPagesTests(SiteFactory site)
{
    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task The_overview_ranks_each_group_with_its_change_and_one_bar_per_unit()
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/chi-so?chi-so=PAR_INDEX&nam=2023"));

        Assert.Contains("Chỉ số cải cách hành chính (PAR INDEX) năm 2023", html);
        foreach (var group in new[] { "tinh", "so-nganh-ubnd-tinh-soc-trang", "xa-phuong-ubnd-thi-xa-nga-nam" })
        {
            var table = Regex.Match(html, $"<caption id=\"bang-{group}\">.*?</table>", RegexOptions.Singleline).Value;
            var rows = Regex.Matches(table, "<tr>\\s*<td class=\"num\">").Count;
            Assert.True(rows >= 8, $"{group}: {rows} rows");
            var svg = Regex.Match(html, $"<svg[^>]*aria-labelledby=\"bd-{group}-title bd-{group}-desc\".*?</svg>", RegexOptions.Singleline).Value;
            Assert.Equal(rows, Regex.Matches(svg, "class=\"chart__bar\"").Count);
        }
        // The change is an arrow with its number, and words for screen readers.
        Assert.Matches("<span aria-hidden=\"true\">(▲|▼) \\d+</span><span class=\"visually-hidden\">(tăng|giảm) \\d+ bậc</span>", html);
        Assert.Contains("Sở GDĐT Sóc Trăng", html);
        Assert.DoesNotContain("<script", Regex.Match(html, "<main.*</main>", RegexOptions.Singleline).Value);
    }

    [Fact]
    public async Task Without_a_choice_the_overview_shows_the_first_index_and_its_latest_year_and_unknown_choices_are_404()
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/chi-so"));
        Assert.Contains("(PAR INDEX) năm 2024", html);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/chi-so?chi-so=KHONG_CO")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/chi-so?chi-so=PAPI&nam=1999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/chi-so?chi-so=PAPI&nam=2019")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/chi-so?nam=abc")).StatusCode);
    }

    [Fact]
    public async Task A_units_tab_shows_its_trend_its_components_and_the_sentence_of_the_figures()
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/so-gddt-soc-trang/chi-so"));

        Assert.Contains("Năm 2024, Sở GDĐT Sóc Trăng xếp thứ 3/19 sở, ban, ngành, giữ nguyên thứ hạng so với năm 2023.", html);
        var trend = Regex.Match(html, "<svg[^>]*chart__svg--duong.*?</svg>", RegexOptions.Singleline).Value;
        Assert.Equal(4, Regex.Matches(trend, "class=\"chart__point\"").Count);
        Assert.Contains("hạng 5/19", trend);
        Assert.Contains("hạng 3/19", trend);
        var components = Regex.Match(html, "<svg[^>]*aria-labelledby=\"thanh-phan-par-index-title[^\"]*\".*?</svg>", RegexOptions.Singleline).Value;
        Assert.Equal(8, Regex.Matches(components, "class=\"chart__bar\"").Count); // the 2024 fields, not 2021's "Hiện đại hóa hành chính"
        Assert.Contains("<table class=\"chart-table\">", html);
        Assert.Contains("aria-current=\"page\">Chỉ số</a>", html);
    }

    [Fact]
    public async Task Each_table_downloads_as_csv_with_the_same_figures()
    {
        var overview = await _client.GetAsync("/chi-so/tai-ve.csv?chi-so=PAR_INDEX&nam=2023");
        Assert.Equal("text/csv", overview.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await overview.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFChỉ số,Năm,Nhóm xếp hạng,Đơn vị,Điểm,Xếp hạng", text);
        Assert.Contains("Sở Giáo dục và Đào tạo tỉnh Sóc Trăng", text);
        Assert.Contains(",3,19,tăng 2 bậc,", text);

        var unit = Encoding.UTF8.GetString(await _client.GetByteArrayAsync("/so-gddt-soc-trang/chi-so/tai-ve.csv"));
        Assert.Contains("PAR_INDEX,2022,", unit);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/chi-so/tai-ve.csv?chi-so=PAR_INDEX")).StatusCode);
    }

    [Fact]
    public async Task The_api_lists_indexes_results_and_a_units_trend_and_answers_bad_values_with_problem_details()
    {
        var indexes = await _client.GetFromJsonAsync<JsonElement>("/api/v1/indexes");
        var codes = indexes.EnumerateArray().Select(i => i.GetProperty("index").GetProperty("code").GetString()).ToList();
        Assert.Equal(["PAR_INDEX", "SIPAS", "PAPI", "PCI", "DDCI"], codes);
        var par = indexes.EnumerateArray().First().GetProperty("components").EnumerateArray().ToList();
        Assert.Contains(par, c => c.GetProperty("code").GetString() == "HDH" && c.GetProperty("toYear").GetInt32() == 2021);

        var results = await _client.GetFromJsonAsync<JsonElement>("/api/v1/indexes/par_index/results?year=2023&group=so-nganh&unit=so-gddt-soc-trang");
        Assert.Equal(2023, results.GetProperty("year").GetInt32());
        var row = results.GetProperty("groups").EnumerateArray().Single().GetProperty("rows").EnumerateArray().Single();
        Assert.Equal(3, row.GetProperty("rank").GetInt32());
        Assert.Equal(19, row.GetProperty("rankedOf").GetInt32());
        Assert.Equal(2, row.GetProperty("change").GetProperty("steps").GetInt32());

        var trend = await _client.GetFromJsonAsync<JsonElement>("/api/v1/units/so-gddt-soc-trang/indexes");
        Assert.Equal(4, trend.EnumerateArray().Single().GetProperty("points").GetArrayLength());

        foreach (var (url, status) in new[]
                 {
                     ("/api/v1/indexes/PAR_INDEX/results?year=abc", HttpStatusCode.BadRequest),
                     ("/api/v1/indexes/PAR_INDEX/results?group=tinh-thanh", HttpStatusCode.BadRequest),
                     ("/api/v1/indexes/KHONG_CO/results", HttpStatusCode.NotFound),
                     ("/api/v1/units/khong-co-don-vi/indexes", HttpStatusCode.NotFound),
                 })
        {
            var response = await _client.GetAsync(url);
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        var openApi = await _client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/indexes/{code}/results", openApi);
        Assert.Contains("/api/v1/units/{unit}/indexes", openApi);
    }

    [Theory]
    [InlineData("chỉ số par index 2023", "/chi-so?chi-so=PAR_INDEX&nam=2023")]
    [InlineData("chi so cai cach hanh chinh 2023", "/chi-so?chi-so=PAR_INDEX&nam=2023")]
    [InlineData("PAPI 2022", "/chi-so?chi-so=PAPI&nam=2022")]
    public async Task Searching_an_index_and_year_lists_its_result_page_first_and_site_search_links_there(string query, string page)
    {
        var results = WebUtility.HtmlDecode(await _client.GetStringAsync("/chi-so/tim-kiem?q=" + Uri.EscapeDataString(query)));
        var links = Regex.Matches(results, "<h3 class=\"search-hit__title\"><a href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(page, links.FirstOrDefault());

        var site = WebUtility.HtmlDecode(await _client.GetStringAsync("/tim-kiem?q=" + Uri.EscapeDataString(query)));
        Assert.Matches("<a href=\"/chi-so/tim-kiem\\?q=[^\"]+\">Kết quả chỉ số CCHC <span class=\"count\">\\(\\d+\\)</span></a>", site);

        var api = await _client.GetFromJsonAsync<JsonElement>("/api/v1/search?q=" + Uri.EscapeDataString(query));
        Assert.Contains(api.GetProperty("sources").EnumerateArray(), s => s.GetProperty("name").GetString() == "Kết quả chỉ số CCHC"
            && s.GetProperty("url").GetString()!.StartsWith("/chi-so/tim-kiem?q=", StringComparison.Ordinal));
    }
}
