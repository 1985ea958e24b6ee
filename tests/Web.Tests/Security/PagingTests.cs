using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CchcSite.Testing;

namespace CchcSite.Web.Tests.Security;

/// <summary>
/// Issue 13, finding 8, and issue 14 part 3: page numbers an attacker types. A page past the end, however far past
/// the 32-bit range, is an empty page (404 on the site's lists, as any page past the end), never a 500 and never
/// page 1; a page that is no number gets the API's Vietnamese ProblemDetails on every list.
/// </summary>
[Collection(SeededSiteCollection.Name)]
public sealed class PagingTests(SiteFactory site)
{
    private readonly HttpClient _client = site.CreateClient();

    private async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == expected, $"{url} answered {(int)response.StatusCode}, expected {(int)expected}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Theory]
    [InlineData("178956971")]
    [InlineData("2147483647")]
    [InlineData("2147483648")]
    [InlineData("99999999999999999999999999")]
    public async Task The_search_page_far_past_the_end_is_an_empty_page_not_an_error_nor_page_one(string page)
    {
        var first = await _client.GetStringAsync("/tim-kiem?q=c%E1%BA%A3i+c%C3%A1ch");
        Assert.Contains("class=\"search-hit\"", first);

        var response = await _client.GetAsync($"/tim-kiem?q=c%E1%BA%A3i+c%C3%A1ch&trang={page}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("class=\"search-hit\"", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/v1/search?q=c%E1%BA%A3i+c%C3%A1ch&page=178956971", "hits")]
    [InlineData("/api/v1/search?q=x&page=178956971", "hits")]
    [InlineData("/api/v1/search?q=c%E1%BA%A3i+c%C3%A1ch&page=2147483648", "hits")]
    [InlineData("/api/v1/posts?page=2147483647", null)]
    [InlineData("/api/v1/posts?page=2147483648", null)]
    [InlineData("/api/v1/questions?page=2147483647", null)]
    [InlineData("/api/v1/questions?page=2147483648", null)]
    public async Task An_api_page_far_past_the_end_is_an_empty_page(string url, string? wrapper)
    {
        var json = await GetJsonAsync(url, HttpStatusCode.OK);

        var page = wrapper is null ? json : json.GetProperty(wrapper);
        Assert.Empty(page.GetProperty("items").EnumerateArray());
        Assert.True(page.GetProperty("page").GetInt32() >= 178956971);
    }

    [Theory]
    [InlineData("/api/v1/questions?page=abc", "page")]
    [InlineData("/api/v1/questions?pageSize=abc", "pageSize")]
    [InlineData("/api/v1/questions?page=-1", "page")]
    [InlineData("/api/v1/posts?page=abc", "page")]
    [InlineData("/api/v1/search?q=x&page=1e3", "page")]
    [InlineData($"/api/v1/reports/{SeedFacts.Units.SoGddtSocTrang}?year=abc", "year")]
    [InlineData($"/api/v1/reports/{SeedFacts.Units.SoGddtSocTrang}?period=Quarter&year=2022&quarter=I", "quarter")]
    [InlineData($"/api/v1/reports/{SeedFacts.Units.SoGddtSocTrang}?period=Weekly&year=2022", "period")]
    [InlineData($"/api/v1/reports/{SeedFacts.Units.SoGddtSocTrang}?period=Custom&from=2022-01-01&to=31/03/2022", "to")]
    [InlineData($"/api/v1/reports/{SeedFacts.Units.SoGddtSocTrang}?year=2022&includeSubUnits=yes", "includeSubUnits")]
    public async Task A_value_that_is_no_number_gets_the_vietnamese_problem_naming_it(string url, string key)
    {
        var problem = await GetJsonAsync(url, HttpStatusCode.BadRequest);

        Assert.Equal("Tham số không hợp lệ", problem.GetProperty("title").GetString());
        Assert.Contains(" phải ", problem.GetProperty("errors").GetProperty(key)[0].GetString());
    }

    [Theory]
    [InlineData($"/{SeedFacts.Units.SoGddtSocTrang}/tin-tuc")]
    [InlineData("/linh-vuc/cai-cach-thu-tuc-hanh-chinh")]
    [InlineData("/hoi-dap")]
    public async Task A_site_list_page_past_the_integer_range_is_past_the_end_not_page_one(string list)
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(list)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"{list}?trang=2147483647")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"{list}?trang=2147483648")).StatusCode);
    }

    [Fact]
    public async Task The_reports_api_still_answers_good_values()
    {
        var report = await GetJsonAsync($"/api/v1/reports/{SeedFacts.Units.SoGddtSocTrang}?period=Quarter&year=2022&quarter=1&includeSubUnits=true", HttpStatusCode.OK);
        Assert.Equal("2022-03-15", report.GetProperty("period").GetProperty("dueOn").GetString());
    }
}
