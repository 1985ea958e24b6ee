using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using CchcSite.Content.Posts;
using CchcSite.Content.Text;
using CchcSite.Testing;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests;

/// <summary>
/// Issue 26, lists: the reform fields' index with each field's description and count of published posts, a field's page
/// opening with its description, the same in <c>/api/v1/categories</c>; a list's year filter offering only its years.
/// </summary>
[Collection(SeededSiteCollection.Name)]
public partial class FieldsAndYearsTests(SiteFactory site)
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly HttpClient _client = site.CreateClient();

    private Task<List<Field>> FieldsAsync() => site.WithDbAsync(async db =>
    {
        var fields = await db.Categories.OrderBy(c => c.SortOrder).Select(c => new { c.Slug, c.Name, c.Description }).ToListAsync();
        var posts = await db.Posts.VisibleAt(DateTime.UtcNow).Where(p => p.Category != null).Select(p => p.Category!.Slug).ToListAsync();
        return fields.Select(f => new Field(f.Slug, f.Name, f.Description, posts.Count(slug => slug == f.Slug))).ToList();
    });

    private sealed record Field(string Slug, string Name, string? Description, int Count);

    [Fact]
    public async Task The_fields_index_shows_each_fields_description_and_its_count_of_published_posts()
    {
        var fields = await FieldsAsync();
        Assert.Equal(6, fields.Count);
        Assert.All(fields, f => Assert.False(string.IsNullOrWhiteSpace(f.Description), $"{f.Slug} has no description in the seed"));
        Assert.Contains(fields, f => f.Count > 0);

        var html = await _client.GetStringAsync("/linh-vuc");

        foreach (var field in fields)
        {
            var item = Item(html, field.Slug);
            Assert.Contains($">{Encoder.Encode(field.Name)}</a></h2>", item);
            Assert.Contains($"<p>{Encoder.Encode(field.Description!)}</p>", item);
            Assert.Contains(field.Count == 0 ? "Chưa có bài viết" : $"{field.Count} bài viết", item);
        }
    }

    [Fact]
    public async Task A_fields_page_starts_with_its_description()
    {
        foreach (var field in await FieldsAsync())
        {
            var html = await _client.GetStringAsync($"/linh-vuc/{field.Slug}");
            var main = html[html.IndexOf("<h1>", StringComparison.Ordinal)..];
            Assert.Matches($"^<h1>{Regex.Escape(Encoder.Encode(field.Name))}</h1>\\s*<p class=\"field-description\">{Regex.Escape(Encoder.Encode(field.Description!))}</p>", main);
        }
    }

    [Fact]
    public async Task The_api_serves_each_fields_description_and_count()
    {
        var fields = await FieldsAsync();

        var answer = await _client.GetFromJsonAsync<JsonElement>("/api/v1/categories");

        var served = answer.EnumerateArray().Select(f => new Field(f.GetProperty("slug").GetString()!, f.GetProperty("name").GetString()!,
            f.GetProperty("description").GetString(), f.GetProperty("postCount").GetInt32())).ToList();
        Assert.Equal(fields, served);
        Assert.Equal($"/linh-vuc/{fields[0].Slug}", answer[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_tabs_year_filter_offers_only_the_years_it_has_posts_in_newest_first()
    {
        // The tab with posts in the most years, of a unit without sub-units (whose posts a section may list too).
        var published = await site.WithDbAsync(db => db.Posts.VisibleAt(DateTime.UtcNow)
            .Where(p => !db.Units.Any(c => c.ParentId == p.UnitId))
            .Select(p => new { Unit = p.Unit.Slug, p.Kind, At = p.PublishAt!.Value }).ToListAsync());
        var tab = published.GroupBy(p => (p.Unit, p.Kind))
            .Select(g => (g.Key.Unit, g.Key.Kind, Years: g.Select(p => VietnamTime.ToLocal(p.At).Year).Distinct().OrderDescending().ToList()))
            .OrderByDescending(t => t.Years.Count).ThenBy(t => t.Unit, StringComparer.Ordinal).First();
        var (unit, years) = (tab.Unit, tab.Years);
        Assert.True(years.Count >= 2, "The seed should have a tab with posts in several years.");
        var path = $"/{unit}/{PostKindSegments.Of(tab.Kind).Segment}";

        var html = await _client.GetStringAsync(path);

        Assert.Equal(years, YearOptions(html));
        // A year typed into the address with no posts stays chosen (the list says it has none) rather than vanishing.
        var empty = years.Min() - 5;
        var filtered = await _client.GetStringAsync($"{path}?nam={empty}");
        Assert.Equal(years.Append(empty).OrderDescending().ToList(), YearOptions(filtered));
        Assert.Contains($"<option value=\"{empty}\" selected=\"selected\">{empty}</option>", filtered);
    }

    private static List<int> YearOptions(string html)
    {
        var select = html[html.IndexOf("<select id=\"loc-nam\"", StringComparison.Ordinal)..];
        select = select[..select.IndexOf("</select>", StringComparison.Ordinal)];
        return YearOption().Matches(select).Select(m => int.Parse(m.Groups[1].Value)).ToList();
    }

    private static string Item(string html, string slug)
    {
        var start = html.IndexOf($"<a href=\"/linh-vuc/{slug}\">", StringComparison.Ordinal);
        Assert.True(start > 0, $"/linh-vuc lists no {slug}");
        return html[start..html.IndexOf("</li>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("""<option value="(\d{4})"[^>]*>""")]
    private static partial Regex YearOption();
}
