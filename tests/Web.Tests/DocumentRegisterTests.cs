using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CchcSite.Content.Posts;
using CchcSite.Testing;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests;

/// <summary>The document register (issue 26): <c>/van-ban</c>, a unit's "Văn bản" tab and <c>/api/v1/documents</c>.</summary>
[Collection(SeededSiteCollection.Name)]
public class DocumentRegisterTests(SiteFactory site)
{
    private readonly HttpClient _client = site.CreateClient();

    private Task<List<(int Id, string Unit, int? Year, DocumentType Type)>> VisibleDocumentsAsync() =>
        site.WithDbAsync(async db => (await db.Posts.VisibleAt(DateTime.UtcNow).Where(p => p.Kind == PostKind.Document && p.Document != null)
                .Select(p => new { p.Id, p.Unit.Slug, p.Document!.IssuedOn, p.Document.Type }).ToListAsync())
            .Select(p => (p.Id, p.Slug, p.IssuedOn?.Year, p.Type)).ToList());

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<JsonElement> Items(JsonElement result) => result.GetProperty("entries").GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task The_api_lists_every_visible_document_and_filters_by_unit_year_and_type()
    {
        var all = await VisibleDocumentsAsync();
        Assert.True(all.Count >= 3, "The seed should have several documents.");

        var everything = await GetJsonAsync("/api/v1/documents?pageSize=50");
        Assert.Equal(all.Count, everything.GetProperty("entries").GetProperty("totalCount").GetInt32());

        var sample = all.First(d => d.Year is not null);
        var expected = all.Where(d => d.Year == sample.Year && d.Type == sample.Type).Select(d => d.Id).Order().ToList();
        var filtered = await GetJsonAsync($"/api/v1/documents?year={sample.Year}&type={sample.Type}&pageSize=50");
        Assert.Equal(expected, Items(filtered).Select(i => i.GetProperty("id").GetInt32()).Order());
        Assert.All(Items(filtered), i => Assert.StartsWith($"{sample.Year}-", i.GetProperty("issuedOn").GetString()));

        var ofUnit = all.Where(d => d.Unit == SeedFacts.Units.SoGddtSocTrang).Select(d => d.Id).Order().ToList();
        var unitResult = await GetJsonAsync($"/api/v1/documents?unit={SeedFacts.Units.SoGddtSocTrang}&pageSize=50");
        Assert.Equal(ofUnit, Items(unitResult).Select(i => i.GetProperty("id").GetInt32()).Order());
        // The filters offer only what exists.
        Assert.Contains(sample.Year!.Value, everything.GetProperty("choices").GetProperty("years").EnumerateArray().Select(y => y.GetInt32()));
    }

    [Fact]
    public async Task The_api_sorts_pages_and_splits_in_force_from_expired()
    {
        var newest = Items(await GetJsonAsync("/api/v1/documents?pageSize=50"))
            .Select(i => i.GetProperty("issuedOn").GetString()).Where(d => d is not null).ToList();
        Assert.Equal(newest.OrderDescending(StringComparer.Ordinal), newest);
        var oldest = Items(await GetJsonAsync("/api/v1/documents?sort=oldest&pageSize=50"))
            .Select(i => i.GetProperty("issuedOn").GetString()).Where(d => d is not null).ToList();
        Assert.Equal(oldest.Order(StringComparer.Ordinal), oldest);

        var total = (await GetJsonAsync("/api/v1/documents")).GetProperty("entries").GetProperty("totalCount").GetInt32();
        var firstPage = Items(await GetJsonAsync("/api/v1/documents?pageSize=2&page=1")).Select(i => i.GetProperty("id").GetInt32());
        var secondPage = Items(await GetJsonAsync("/api/v1/documents?pageSize=2&page=2")).Select(i => i.GetProperty("id").GetInt32());
        Assert.Empty(firstPage.Intersect(secondPage));

        var inForce = (await GetJsonAsync("/api/v1/documents?validity=inForce")).GetProperty("entries").GetProperty("totalCount").GetInt32();
        var expired = await GetJsonAsync("/api/v1/documents?validity=expired&pageSize=50");
        Assert.Equal(total, inForce + expired.GetProperty("entries").GetProperty("totalCount").GetInt32());
        Assert.All(Items(expired), i => Assert.False(i.GetProperty("inForce").GetBoolean()));
    }

    [Fact]
    public async Task Bad_register_values_get_vietnamese_problems_not_errors()
    {
        var response = await _client.GetAsync("/api/v1/documents?year=abc&type=thu&validity=maybe&sort=sideways&pageSize=500");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        foreach (var key in new[] { "year", "type", "validity", "sort", "pageSize" })
            Assert.True(errors.TryGetProperty(key, out _), $"No message for {key}: {errors}");
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/v1/documents?unit=khong-co-don-vi-nay")).StatusCode);
    }

    [Fact]
    public async Task The_register_pages_are_tables_filtered_by_year_and_type_with_unnumbered_plans_said_so()
    {
        var all = await VisibleDocumentsAsync();
        var site = await _client.GetStringAsync("/van-ban");
        Assert.Contains("<table class=\"register-table\">", site);
        Assert.Contains($"{all.Count} văn bản", site);

        var unit = await _client.GetStringAsync($"/{SeedFacts.Units.SoGddtSocTrang}/van-ban?nam=2022&loai=ke-hoach");
        Assert.Contains("Chuyên trang cải cách hành chính", unit);
        var expected = all.Count(d => d.Unit == SeedFacts.Units.SoGddtSocTrang && d.Year == 2022 && d.Type == DocumentType.Plan);
        Assert.Contains($"{expected} văn bản", unit);
        Assert.Contains("<option value=\"2022\" selected=\"selected\">2022</option>", unit);
        Assert.DoesNotContain(">/KH-", unit);

        var bad = await _client.GetAsync("/van-ban?nam=abc&hieu-luc=bat-ky");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("không hợp lệ nên đã được bỏ qua", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/van-ban?trang=999")).StatusCode);
    }

    [Fact]
    public async Task A_document_page_leads_with_its_facts_and_files_without_the_repeated_labels()
    {
        var html = await _client.GetStringAsync($"/{SeedFacts.Units.SoGddtSocTrang}/van-ban/ke-hoach-tuyen-truyen-cchc-2022-sgddt");
        Assert.Contains("<td>Chưa ghi số</td>", html);
        Assert.DoesNotContain("Trích yếu: Trích yếu", html);
        Assert.DoesNotContain("<td>Trích yếu:", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<th scope=\"row\">Thực hiện văn bản</th>"));
        var downloads = html.IndexOf("class=\"downloads\"", StringComparison.Ordinal);
        var body = html.IndexOf("class=\"post__body\"", StringComparison.Ordinal);
        Assert.True(downloads > 0 && downloads < body, "The download buttons should come before the body.");
        Assert.Contains("<span class=\"file-meta\">PDF, ", html);
    }

    [Fact]
    public async Task A_plan_filed_without_its_number_reads_unnumbered_in_the_public_plans_too()
    {
        var list = await _client.GetStringAsync($"/{SeedFacts.Units.SoGddtSocTrang}/ke-hoach");
        Assert.Contains("· Chưa ghi số ·", list);
        Assert.DoesNotContain("Số /KH-", list);
        var link = System.Text.RegularExpressions.Regex.Match(list, "class=\"plan-list__item\">\\s*<a href=\"([^\"]+)\"").Groups[1].Value;
        var plan = await _client.GetStringAsync(link);
        Assert.Contains("<span>Chưa ghi số</span>", plan);
        Assert.DoesNotContain("Số /KH-", plan);
    }
}
