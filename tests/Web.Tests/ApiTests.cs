using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CchcSite.Content.Posts;
using CchcSite.Testing;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests;

[Collection(SeededSiteCollection.Name)]
public class ApiTests(SiteFactory site)
{
    private readonly HttpClient _client = site.CreateClient();

    private async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == expected, $"{url} answered {(int)response.StatusCode}, expected {(int)expected}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Units_come_as_a_tree_in_camel_case()
    {
        var roots = await GetJsonAsync("/api/v1/units");
        var socTrang = roots.EnumerateArray().Single(u => u.GetProperty("unit").GetProperty("slug").GetString() == SeedFacts.Units.UbndTinhSocTrang);
        Assert.Equal("Province", socTrang.GetProperty("unit").GetProperty("kind").GetString());
        var children = socTrang.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("unit").GetProperty("slug").GetString()).ToList();
        Assert.Contains(SeedFacts.Units.SoGddtSocTrang, children);
        Assert.Contains(SeedFacts.Units.UbndThiXaNgaNam, children);

        var one = await GetJsonAsync($"/api/v1/units/{SeedFacts.Units.UbndThiXaNgaNam}");
        Assert.Equal(SeedFacts.Units.PhongGddtNgaNam, one.GetProperty("children")[0].GetProperty("unit").GetProperty("slug").GetString());
    }

    [Fact]
    public async Task Posts_page_with_a_total_count_and_filter_by_unit_with_sub_units()
    {
        var page1 = await GetJsonAsync("/api/v1/posts?pageSize=5");
        var total = page1.GetProperty("totalCount").GetInt32();
        Assert.True(total >= 50);
        Assert.Equal(5, page1.GetProperty("items").GetArrayLength());
        Assert.Equal((total + 4) / 5, page1.GetProperty("totalPages").GetInt32());

        var last = await GetJsonAsync($"/api/v1/posts?pageSize=5&page={(total + 4) / 5}");
        Assert.Equal(total - 5 * ((total - 1) / 5), last.GetProperty("items").GetArrayLength());

        var town = (await GetJsonAsync($"/api/v1/posts?unit={SeedFacts.Units.UbndThiXaNgaNam}&pageSize=50")).GetProperty("items").EnumerateArray()
            .Select(p => p.GetProperty("unit").GetProperty("slug").GetString()).ToHashSet();
        Assert.Contains(SeedFacts.Units.PhongGddtNgaNam, town);
        var townOnly = (await GetJsonAsync($"/api/v1/posts?unit={SeedFacts.Units.UbndThiXaNgaNam}&includeSubUnits=false&pageSize=50")).GetProperty("items").EnumerateArray()
            .Select(p => p.GetProperty("unit").GetProperty("slug").GetString()).ToHashSet();
        Assert.Equal([SeedFacts.Units.UbndThiXaNgaNam], townOnly);
    }

    [Fact]
    public async Task Posts_filter_by_kind_category_and_date_range()
    {
        var documents = await GetJsonAsync("/api/v1/posts?kind=document&pageSize=50");
        Assert.All(documents.GetProperty("items").EnumerateArray(), p => Assert.Equal("Document", p.GetProperty("kind").GetString()));

        var category = await GetJsonAsync("/api/v1/posts?category=cai-cach-thu-tuc-hanh-chinh&pageSize=50");
        Assert.All(category.GetProperty("items").EnumerateArray(),
            p => Assert.Equal("cai-cach-thu-tuc-hanh-chinh", p.GetProperty("category").GetProperty("slug").GetString()));

        var year2022 = await GetJsonAsync("/api/v1/posts?from=2022-01-01&to=2022-12-31&pageSize=50");
        Assert.True(year2022.GetProperty("totalCount").GetInt32() > 0);
        Assert.All(year2022.GetProperty("items").EnumerateArray(), p =>
        {
            var local = p.GetProperty("publishedAt").GetDateTime().AddHours(7);
            Assert.Equal(2022, local.Year);
        });
    }

    [Fact]
    public async Task A_post_is_served_by_id_and_by_unit_and_slug_with_sanitised_html()
    {
        var card = (await GetJsonAsync($"/api/v1/posts?kind=document&unit={SeedFacts.Units.UbndPhuongThacMo}&pageSize=1")).GetProperty("items")[0];
        var byId = await GetJsonAsync($"/api/v1/posts/{card.GetProperty("id").GetInt32()}");
        var bySlug = await GetJsonAsync($"/api/v1/units/{SeedFacts.Units.UbndPhuongThacMo}/posts/{card.GetProperty("slug").GetString()}");
        Assert.Equal(byId.GetProperty("card").GetProperty("title").GetString(), bySlug.GetProperty("card").GetProperty("title").GetString());
        Assert.True(byId.GetProperty("bodyHtml").GetString()!.Length > 0);
        Assert.Equal(JsonValueKind.Object, byId.GetProperty("document").ValueKind);
        Assert.StartsWith($"/{SeedFacts.Units.UbndPhuongThacMo}/van-ban/", card.GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("/api/v1/posts?page=0", "page")]
    [InlineData("/api/v1/posts?page=-3", "page")]
    [InlineData("/api/v1/posts?page=abc", "page")]
    [InlineData("/api/v1/posts?pageSize=0", "pageSize")]
    [InlineData("/api/v1/posts?pageSize=1000", "pageSize")]
    [InlineData("/api/v1/posts?kind=blog", "kind")]
    [InlineData("/api/v1/posts?from=18-02-2022", "from")]
    [InlineData("/api/v1/posts?from=2022-03-01&to=2022-02-01", "to")]
    [InlineData("/api/v1/posts?includeSubUnits=maybe", "includeSubUnits")]
    public async Task Bad_query_values_get_a_400_problem_naming_the_value(string url, string field)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var message = problem.GetProperty("errors").GetProperty(field)[0].GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
    }

    [Theory]
    [InlineData("/api/v1/posts/999999")]
    [InlineData("/api/v1/units/khong-co")]
    [InlineData($"/api/v1/units/{SeedFacts.Units.SoGddtSocTrang}/posts/khong-co")]
    [InlineData("/api/v1/posts?unit=khong-co")]
    [InlineData("/api/v1/khong-co-tai-nguyen-nay")]
    public async Task Unknown_things_get_a_404_problem(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_delivery_api()
    {
        var openApi = await GetJsonAsync("/openapi/v1.json");
        var paths = openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/posts", paths);
        Assert.Contains("/api/v1/posts/{id}", paths);
        Assert.Contains("/api/v1/units", paths);
        Assert.Contains("/api/v1/units/{unit}/posts/{slug}", paths);
    }

    [Fact]
    public async Task Every_post_the_api_lists_is_public()
    {
        var now = DateTime.UtcNow;
        var visible = await site.WithDbAsync(db => db.Posts.VisibleAt(now).CountAsync());
        var listed = await GetJsonAsync("/api/v1/posts?pageSize=1");
        Assert.Equal(visible, listed.GetProperty("totalCount").GetInt32());
        var hidden = await site.WithDbAsync(db => db.Posts.CountAsync(p => p.Status != PostStatus.Published || p.PublishAt > now));
        Assert.True(hidden > 0, "the seed holds drafts and scheduled posts, so this test means something");
    }
}
