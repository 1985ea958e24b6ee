using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CchcSite.Testing;

namespace CchcSite.Web.Tests.Search;

[Collection(SeededSiteCollection.Name)]
public class SearchApiTests(SiteFactory site)
{
    private readonly HttpClient _client = site.CreateClient();

    private async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == expected, $"{url} answered {(int)response.StatusCode}, expected {(int)expected}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string> Titles(JsonElement results) =>
        results.GetProperty("hits").GetProperty("items").EnumerateArray().Select(h => h.GetProperty("post").GetProperty("title").GetString()!).ToList();

    [Fact]
    public async Task With_or_without_diacritics_and_in_capitals_the_same_posts_are_found()
    {
        // Every page: the typed diacritics rank the posts writing them first, so a page's cut may fall elsewhere.
        var folded = await AllTitlesAsync("cai cach hanh chinh");
        var exact = await AllTitlesAsync("cải cách hành chính");
        var capitals = await AllTitlesAsync("CẢI CÁCH HÀNH CHÍNH");

        Assert.True(folded.Count > 20);
        Assert.Equal(exact.Order(), capitals.Order());
        Assert.Equal(folded.Order(), exact.Order());
    }

    private async Task<List<string>> AllTitlesAsync(string query)
    {
        var titles = new List<string>();
        for (var page = 1; ; page++)
        {
            var results = await GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString(query)}&pageSize=50&page={page}");
            titles.AddRange(Titles(results));
            if (titles.Count >= results.GetProperty("hits").GetProperty("totalCount").GetInt32())
                return titles;
        }
    }

    [Fact]
    public async Task A_document_number_typed_as_written_comes_first()
    {
        const string number = SeedFacts.Documents.ProvincePropagandaPlan2022;
        var results = await GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString(number)}");
        var numbers = results.GetProperty("hits").GetProperty("items").EnumerateArray()
            .Select(h => h.GetProperty("post").TryGetProperty("documentNumber", out var n) ? n.GetString() : null).ToList();
        Assert.Equal(number, numbers[0]);
        Assert.Single(numbers, n => n == number);
        // The number is matched whole: the seeded 16/KH-UBND, 25/KH-UBND… share every part but the first and are not found.
        Assert.DoesNotContain(numbers, n => n != number && n?.EndsWith("/KH-UBND", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Hits_carry_highlighted_escaped_snippets_and_the_counts_cover_every_hit()
    {
        var results = await GetJsonAsync("/api/v1/search?q=duong%20day%20nong&pageSize=3");
        var hits = results.GetProperty("hits");
        var total = hits.GetProperty("totalCount").GetInt32();
        Assert.True(total > 3);
        Assert.Equal(3, hits.GetProperty("items").GetArrayLength());
        Assert.All(hits.GetProperty("items").EnumerateArray(), h => Assert.Contains("<mark>", h.GetProperty("snippetHtml").GetString()));
        Assert.Equal(total, results.GetProperty("kinds").EnumerateArray().Sum(k => k.GetProperty("count").GetInt32()));
        Assert.Equal(total, results.GetProperty("units").EnumerateArray().Sum(u => u.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task A_word_no_post_holds_is_listed_as_unfound()
    {
        var results = await GetJsonAsync("/api/v1/search?q=duong%20day%20nong%20blockchain&pageSize=3");

        Assert.True(results.GetProperty("hits").GetProperty("totalCount").GetInt32() > 0);
        Assert.Equal(["blockchain"], results.GetProperty("unfound").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public async Task Filters_by_unit_with_sub_units_kind_and_dates_and_sorts_newest_first()
    {
        var town = await GetJsonAsync($"/api/v1/search?q=tuyen%20truyen&unit={SeedFacts.Units.UbndThiXaNgaNam}&pageSize=50");
        var posts = town.GetProperty("hits").GetProperty("items").EnumerateArray().Select(h => h.GetProperty("post")).ToList();
        Assert.Equal([SeedFacts.Units.PhongGddtNgaNam, SeedFacts.Units.UbndThiXaNgaNam],
            posts.Select(p => p.GetProperty("unit").GetProperty("slug").GetString()).Distinct().Order());
        // The town takes only what its board accepts (seed/units.json): of the Phòng GDĐT's posts, the one the board
        // accepted (seed/proposals.json), under the board's title, exactly as the town's section lists it.
        var fromPhong = Assert.Single(posts, p => p.GetProperty("unit").GetProperty("slug").GetString() == SeedFacts.Units.PhongGddtNgaNam);
        Assert.Equal("Ngành giáo dục thị xã quán triệt Kế hoạch tuyên truyền cải cách hành chính năm 2021", fromPhong.GetProperty("title").GetString());
        Assert.True(fromPhong.GetProperty("fromSubUnit").GetBoolean());
        var section = (await GetJsonAsync($"/api/v1/posts?unit={SeedFacts.Units.UbndThiXaNgaNam}&pageSize=50")).GetProperty("items").EnumerateArray()
            .Where(p => p.GetProperty("unit").GetProperty("slug").GetString() == SeedFacts.Units.PhongGddtNgaNam).Select(p => p.GetProperty("title").GetString());
        Assert.Equal([fromPhong.GetProperty("title").GetString()], section);

        var documents = await GetJsonAsync("/api/v1/search?q=ke%20hoach&kind=document&from=2022-01-01&to=2022-12-31&sort=newest&pageSize=50");
        var items = documents.GetProperty("hits").GetProperty("items").EnumerateArray().Select(h => h.GetProperty("post")).ToList();
        Assert.NotEmpty(items);
        Assert.All(items, p => Assert.Equal("Document", p.GetProperty("kind").GetString()));
        var dates = items.Select(p => p.GetProperty("publishedAt").GetDateTime()).ToList();
        Assert.All(dates, d => Assert.Equal(2022, d.AddHours(7).Year));
        Assert.Equal(dates.OrderDescending(), dates);
    }

    [Fact]
    public async Task Scheduled_and_draft_posts_are_not_found()
    {
        Assert.DoesNotContain(Titles(await GetJsonAsync("/api/v1/search?q=lich%20tiep%20cong%20dan&pageSize=50")), t => t.Contains("2027"));
    }

    [Fact]
    public async Task Old_style_tone_marks_find_new_style_text()
    {
        Assert.Contains(Titles(await GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString("thái độ hoà nhã")}")), t => t.Contains("hòa nhã"));
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("%20%20", "q")]
    [InlineData("%00%01", "q")]
    [InlineData("!!!", "q")]
    [InlineData("cai&page=0", "page")]
    [InlineData("cai&pageSize=500", "pageSize")]
    [InlineData("cai&kind=tin", "kind")]
    [InlineData("cai&sort=abc", "sort")]
    [InlineData("cai&from=18-02-2022", "from")]
    public async Task Bad_input_gets_a_400_problem_naming_the_value(string query, string key)
    {
        var problem = await GetJsonAsync($"/api/v1/search?q={query}", HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(key, out _));
    }

    [Fact]
    public async Task An_overlong_query_gets_a_vietnamese_message()
    {
        var problem = await GetJsonAsync($"/api/v1/search?q={new string('a', 2000)}", HttpStatusCode.BadRequest);
        Assert.Contains("dài quá", problem.GetProperty("errors").GetProperty("q")[0].GetString());
    }

    [Fact]
    public async Task The_search_endpoint_is_in_the_openapi_document()
    {
        var document = await _client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"/api/v1/search\"", document);
        Assert.Contains("SearchPosts", document);
    }
}
