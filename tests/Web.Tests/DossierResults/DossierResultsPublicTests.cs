using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CchcSite.Content.DossierResults;
using CchcSite.Testing;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.DossierResults;

/// <summary>The seeded dossier results in public: the page site-wide and on a unit's procedures tab, the box on the list, the API.</summary>
[Collection(SeededSiteCollection.Name)]
public sealed class DossierResultsPublicTests(SiteFactory site)
{
    private const string Ward = SeedFacts.Units.UbndPhuongThacMo;
    /// <summary>A ward of Ngã Năm that handles no procedure in the seed, so has no figures.</summary>
    private const string WardWithoutFigures = "ubnd-phuong-1-nga-nam";

    private readonly HttpClient _client = site.CreateClient();

    private async Task<string> PageAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> JsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == expected, $"{url} answered {(int)response.StatusCode}, expected {(int)expected}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>What the database holds for the year, summed the way the page must: flows over the months, the months present.</summary>
    private Task<(int Received, int OnTime, int Late, List<int> Months)> StoredAsync(string? unit, int year) => site.WithDbAsync(async db =>
    {
        var rows = await db.DossierResults.Where(r => r.Year == year && (unit == null || r.Unit.Slug == unit))
            .Select(r => new { r.Month, r.Figures }).ToListAsync();
        return (rows.Sum(r => r.Figures.Received), rows.Sum(r => r.Figures.ResolvedOnTime), rows.Sum(r => r.Figures.ResolvedLate),
            rows.Select(r => r.Month).Distinct().Order().ToList());
    });

    [Fact]
    public async Task The_api_gives_a_units_year_with_each_month_the_year_to_date_and_the_on_time_rate()
    {
        var stored = await StoredAsync(Ward, 2025);
        Assert.Equal(Enumerable.Range(1, 12), stored.Months);

        var year = await JsonAsync($"/api/v1/procedures/statistics?unit={Ward}&year=2025");

        Assert.Equal(Ward, year.GetProperty("unit").GetString());
        Assert.Equal(2025, year.GetProperty("year").GetInt32());
        Assert.Equal(12, year.GetProperty("latestMonth").GetInt32());
        Assert.Equal(stored.Months, year.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("month").GetInt32()));
        var toDate = year.GetProperty("yearToDate");
        Assert.Equal(stored.Received, toDate.GetProperty("received").GetInt32());
        Assert.Equal(stored.OnTime + stored.Late, toDate.GetProperty("resolved").GetInt32());
        Assert.Equal(Math.Round(100m * stored.OnTime / (stored.OnTime + stored.Late), 1), toDate.GetProperty("onTimeRate").GetDecimal());
        Assert.Equal(["Hộ tịch", "Chứng thực"], year.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("field").GetProperty("name").GetString()));
        Assert.Contains(2026, year.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()));
    }

    [Fact]
    public async Task Without_a_unit_or_year_the_api_gives_the_whole_site_in_the_latest_year()
    {
        var latest = await site.WithDbAsync(db => db.DossierResults.MaxAsync(r => r.Year));
        var stored = await StoredAsync(null, latest);

        var year = await JsonAsync("/api/v1/procedures/statistics");

        Assert.Equal(JsonValueKind.Null, year.GetProperty("unit").ValueKind);
        Assert.Equal(latest, year.GetProperty("year").GetInt32());
        Assert.Equal(stored.Received, year.GetProperty("yearToDate").GetProperty("received").GetInt32());
    }

    [Theory]
    [InlineData("year=abc", "year")]
    [InlineData("year=1999", "year")]
    [InlineData("year=2101", "year")]
    public async Task A_bad_year_is_a_problem_naming_the_parameter(string query, string key)
    {
        var problem = await JsonAsync($"/api/v1/procedures/statistics?{query}", HttpStatusCode.BadRequest);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(key, out _));
    }

    [Fact]
    public async Task An_unknown_unit_is_a_not_found_problem_and_the_route_is_in_openapi()
    {
        var problem = await JsonAsync("/api/v1/procedures/statistics?unit=khong-co-don-vi", HttpStatusCode.NotFound);
        Assert.Contains("khong-co-don-vi", problem.GetProperty("detail").GetString());
        var openApi = await JsonAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/procedures/statistics", openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task The_units_page_sits_on_its_procedures_tab_with_both_periods_two_charts_and_the_month_table()
    {
        var html = await PageAsync($"/{Ward}/thu-tuc-hanh-chinh/ket-qua-giai-quyet?nam=2025");

        Assert.Contains("Kết quả giải quyết hồ sơ thủ tục hành chính năm 2025", html);
        Assert.Contains("aria-current=\"page\"", html);
        Assert.Contains("Tháng 12/2025", html);
        Assert.Contains("Từ đầu năm đến hết tháng 12/2025", html);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(html, "<svg[^>]+role=\"img\"").Count);
        Assert.Contains("<caption id=\"bang-thang\">Số liệu từng tháng năm 2025</caption>", html);
        var stored = await StoredAsync(Ward, 2025);
        Assert.Contains(DossierText.Rate(Math.Round(100m * stored.OnTime / (stored.OnTime + stored.Late), 1)), html);
        Assert.Contains(DossierText.Count(stored.Received), html);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?nam=abc")]
    [InlineData("?nam=99999999999")]
    public async Task The_site_wide_page_shows_the_latest_year_when_none_or_a_bad_one_is_asked(string query)
    {
        var latest = await site.WithDbAsync(db => db.DossierResults.MaxAsync(r => r.Year));

        var html = await PageAsync("/thu-tuc-hanh-chinh/ket-qua-giai-quyet" + query);

        Assert.Contains($"<h1 id=\"ket-qua\">Kết quả giải quyết hồ sơ thủ tục hành chính năm {latest}</h1>", html);
        Assert.Contains("Theo lĩnh vực", html);
    }

    [Fact]
    public async Task A_year_without_figures_says_so_and_an_unknown_unit_is_not_found()
    {
        Assert.Contains("Chưa có số liệu năm 2010.", await PageAsync("/thu-tuc-hanh-chinh/ket-qua-giai-quyet?nam=2010"));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/khong-co-don-vi/thu-tuc-hanh-chinh/ket-qua-giai-quyet")).StatusCode);
    }

    [Fact]
    public async Task The_procedures_list_has_the_results_box_where_there_are_figures_and_none_elsewhere()
    {
        Assert.Contains("Kết quả giải quyết hồ sơ", await PageAsync("/thu-tuc-hanh-chinh"));
        var ward = await PageAsync($"/{Ward}/thu-tuc-hanh-chinh");
        Assert.Contains($"href=\"/{Ward}/thu-tuc-hanh-chinh/ket-qua-giai-quyet\"", ward);
        Assert.DoesNotContain("ket-qua-giai-quyet", await PageAsync($"/{WardWithoutFigures}/thu-tuc-hanh-chinh"));
    }
}
