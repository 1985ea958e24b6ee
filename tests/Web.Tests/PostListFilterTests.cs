using System.Net;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using CchcSite.Content.Posts;
using CchcSite.Content.Site;
using CchcSite.Testing;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests;

/// <summary>
/// Issue 26, lists: tags browsable at <c>/the/{tag}</c>, lists filtered by audience (<c>doi-tuong</c>) and year
/// (<c>nam</c>), in the pages and in <c>/api/v1/posts</c>.
/// </summary>
[Collection(SeededSiteCollection.Name)]
public partial class PostListFilterTests(SiteFactory site)
{
    private const string Unit = SeedFacts.Units.SoGddtSocTrang;
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly HttpClient _client = site.CreateClient();

    private async Task<string> GetPageAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == expected, $"{url} answered {(int)response.StatusCode}, expected {(int)expected}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<int> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).Order().ToList();

    /// <summary>The "N mục" a list page shows.</summary>
    private static int CountOn(string html) => int.Parse(CountText().Match(html).Groups[1].Value);

    [GeneratedRegex("""<p class="list-count"[^>]*>(\d+) mục""")]
    private static partial Regex CountText();

    /// <summary>The tag carried by the most visible posts that fit on one page, with the ids of those posts.</summary>
    private Task<(string Slug, string Name, List<int> Posts)> BusiestTagAsync() => site.WithDbAsync(async db =>
    {
        var rows = await db.Posts.VisibleAt(DateTime.UtcNow).SelectMany(p => p.Tags, (p, t) => new { t.Slug, t.Name, PostId = p.Id }).ToListAsync();
        var busiest = rows.GroupBy(r => (r.Slug, r.Name)).Where(g => g.Count() <= Content.Paging.PageRequest.DefaultSize)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Slug, StringComparer.Ordinal).First();
        return (busiest.Key.Slug, busiest.Key.Name, busiest.Select(r => r.PostId).Order().ToList());
    });

    [Fact]
    public async Task A_tag_page_lists_the_published_posts_carrying_the_tag_and_a_post_links_to_it()
    {
        var (slug, name, ids) = await BusiestTagAsync();
        Assert.True(ids.Count >= 2, "The seed should have a tag on several posts.");
        var posts = await site.WithDbAsync(db => db.Posts.Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, Unit = p.Unit.Slug, p.Kind, p.Slug }).ToListAsync());

        var html = await GetPageAsync($"/the/{slug}");
        Assert.Contains($"<h1>Từ khóa: {Encoder.Encode(name)}</h1>", html);
        Assert.Equal(ids.Count, CountOn(html));
        foreach (var post in posts)
            Assert.Contains($"href=\"{PostKindSegments.PostUrl(post.Unit, post.Kind, post.Slug)}\"", html);

        var first = posts[0];
        var postPage = await GetPageAsync(PostKindSegments.PostUrl(first.Unit, first.Kind, first.Slug));
        Assert.Contains($"<a href=\"/the/{slug}\">{Encoder.Encode(name)}</a>", postPage);
    }

    [Theory]
    [InlineData("/the/khong-co-tu-khoa-nay")]
    [InlineData("/the/{tag}?trang=2")]
    public async Task An_unknown_tag_or_a_page_past_the_end_is_not_found(string url)
    {
        var (slug, _, _) = await BusiestTagAsync();
        var response = await _client.GetAsync(url.Replace("{tag}", slug));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_api_filters_posts_by_tag_and_refuses_an_unknown_one()
    {
        var (slug, _, ids) = await BusiestTagAsync();
        Assert.Equal(ids, Ids(await GetJsonAsync($"/api/v1/posts?tag={slug}&pageSize=50")));

        var missing = await GetJsonAsync("/api/v1/posts?tag=khong-co-tu-khoa-nay", HttpStatusCode.NotFound);
        Assert.Equal(404, missing.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_api_filters_by_audience_counting_posts_for_everyone_and_refuses_an_unknown_one()
    {
        var expected = await site.WithDbAsync(db => db.Posts.VisibleAt(DateTime.UtcNow)
            .Where(p => p.Unit.Slug == Unit && (p.Audience == Audience.CivilServants || p.Audience == Audience.All))
            .Select(p => p.Id).OrderBy(id => id).ToListAsync());
        var all = await site.WithDbAsync(db => db.Posts.VisibleAt(DateTime.UtcNow).CountAsync(p => p.Unit.Slug == Unit));
        Assert.InRange(expected.Count, 1, all - 1);
        Assert.Equal(expected, Ids(await GetJsonAsync($"/api/v1/posts?unit={Unit}&includeSubUnits=false&audience=civilservants&pageSize=50")));

        var bad = await GetJsonAsync("/api/v1/posts?audience=nobody", HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("audience", out _));
    }

    [Fact]
    public async Task A_units_tab_filters_by_audience_and_shows_it_on_the_cards()
    {
        var value = ListForm.AudienceValue(Audience.CitizensAndBusinesses);
        var all = CountOn(await GetPageAsync($"/{Unit}/thong-bao"));
        var filtered = await GetPageAsync($"/{Unit}/thong-bao?doi-tuong={value}");
        var api = await GetJsonAsync($"/api/v1/posts?unit={Unit}&kind=announcement&audience=citizensandbusinesses");
        Assert.Equal(api.GetProperty("totalCount").GetInt32(), CountOn(filtered));
        Assert.True(CountOn(filtered) < all, "The filter should leave out the posts meant for civil servants.");
        Assert.Contains("Dành cho: Người dân và doanh nghiệp", filtered);
        Assert.DoesNotContain("Dành cho: Cán bộ, công chức, viên chức", filtered);
        // The chosen audience stays selected in the form.
        Assert.Contains($"<option value=\"{value}\" selected=\"selected\">", filtered);
    }

    [Fact]
    public async Task A_units_tab_filters_by_year_in_vietnam_time()
    {
        const string unit = SeedFacts.Units.SoTaiChinhSocTrang;
        var years = await site.WithDbAsync(async db => (await db.Posts.VisibleAt(DateTime.UtcNow)
                .Where(p => p.Unit.Slug == unit && p.Kind == PostKind.Article).Select(p => p.PublishAt!.Value).ToListAsync())
            .Select(d => d.AddHours(7).Year).ToList());
        var year = years.GroupBy(y => y).OrderByDescending(g => g.Count()).First().Key;
        Assert.True(years.Any(y => y != year), "The seed should have articles of more than one year.");

        var html = await GetPageAsync($"/{unit}/tin-tuc?nam={year}");
        var api = await GetJsonAsync($"/api/v1/posts?unit={unit}&kind=article&from={year}-01-01&to={year}-12-31");
        Assert.Equal(api.GetProperty("totalCount").GetInt32(), CountOn(html));
        Assert.True(CountOn(html) < CountOn(await GetPageAsync($"/{unit}/tin-tuc")));
        Assert.All(CardDates().Matches(html), m => Assert.EndsWith($"/{year}", m.Groups[1].Value));
        Assert.Contains($"value=\"{year}\"", html);
    }

    [Fact]
    public async Task A_value_the_list_does_not_know_is_left_out_and_said_so()
    {
        var html = await GetPageAsync($"/{Unit}/tin-tuc?nam=abc&doi-tuong=ai-do");
        Assert.Contains("không hợp lệ nên đã được bỏ qua", html);
        Assert.Equal(CountOn(await GetPageAsync($"/{Unit}/tin-tuc")), CountOn(html));
    }

    [GeneratedRegex("""<p class="card__date"><time[^>]*>([0-9/]+)</time>""")]
    private static partial Regex CardDates();
}
