using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CchcSite.Content.Procedures;
using CchcSite.Testing;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Procedures;

/// <summary>The seeded procedures in public: the list and its filters, the page, the posting sheet, the forms, the change list, the API.</summary>
[Collection(SeededSiteCollection.Name)]
public sealed partial class PublicProceduresTests(SiteFactory site)
{
    private readonly HttpClient _client = site.CreateClient();

    private const string BirthRegistration = "1.001193";
    private const string AbolishedTutoring = "1.006445";
    private const string ReplacedCombinedBirth = "1.000593";

    private async Task<string> PageAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static List<string> Codes(string html) => CardCode().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("""<h3 class="procedure-card__title"><a href="/thu-tuc-hanh-chinh/([0-9.]+)">""")]
    private static partial Regex CardCode();

    private async Task<JsonElement> JsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == expected, $"{url} answered {(int)response.StatusCode}, expected {(int)expected}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task The_seed_holds_at_least_forty_complete_procedures_and_a_decision_with_new_amended_and_abolished_ones()
    {
        var procedures = await site.WithDbAsync(db => db.Procedures.Include(p => p.Revisions).Include(p => p.Units).ToListAsync());
        Assert.True(procedures.Count >= 40);
        Assert.All(procedures, p =>
        {
            Assert.True(ProcedureRules.IsCode(p.Code));
            Assert.NotEmpty(p.Steps);
            Assert.NotEmpty(p.Ways);
            Assert.NotEmpty(p.Dossier);
            Assert.NotEmpty(p.LegalBases);
            Assert.NotEmpty(p.Units);
            Assert.NotEmpty(p.Revisions);
            Assert.False(string.IsNullOrWhiteSpace(p.Subjects + p.Result + p.Fees + p.ProcessingTime));
        });
        var changes = procedures.SelectMany(p => p.Revisions).Where(r => r.DecisionNumber == "2156/QĐ-UBND").Select(r => r.Change).ToHashSet();
        Assert.Superset(new HashSet<ProcedureChange?> { ProcedureChange.New, ProcedureChange.Amended, ProcedureChange.Abolished }, changes);
    }

    [Fact]
    public async Task The_default_list_holds_procedures_in_force_and_an_abolished_one_keeps_its_page()
    {
        var inForce = await site.WithDbAsync(db => db.Procedures.CountAsync(p => p.Status == ProcedureStatus.InForce));
        var all = await site.WithDbAsync(db => db.Procedures.CountAsync());
        var list = await JsonAsync("/api/v1/procedures?pageSize=50");
        Assert.Equal(inForce, list.GetProperty("totalCount").GetInt32());
        Assert.Equal(all, (await JsonAsync("/api/v1/procedures?status=all&pageSize=50")).GetProperty("totalCount").GetInt32());
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("code").GetString() == AbolishedTutoring);

        var html = await PageAsync("/thu-tuc-hanh-chinh?q=day%20them");
        Assert.DoesNotContain(AbolishedTutoring, Codes(html));
        Assert.Contains(AbolishedTutoring, Codes(await PageAsync("/thu-tuc-hanh-chinh?q=day%20them&trang-thai=da-bai-bo")));

        var page = await PageAsync($"/thu-tuc-hanh-chinh/{AbolishedTutoring}");
        Assert.Contains("Thủ tục này đã bãi bỏ từ ngày 14/02/2025", page);
        Assert.DoesNotContain("<a class=\"button\" href=\"https://dichvucong.gov.vn", page);
        Assert.Contains("<a class=\"button\" href=\"https://dichvucong.gov.vn", await PageAsync($"/thu-tuc-hanh-chinh/{BirthRegistration}"));
        var replaced = await PageAsync($"/thu-tuc-hanh-chinh/{ReplacedCombinedBirth}");
        Assert.Contains($"href=\"/thu-tuc-hanh-chinh/{BirthRegistration}\"", replaced);
    }

    [Fact]
    public async Task Filters_by_field_level_online_service_and_unit_agree_with_the_database_and_count_per_field()
    {
        var expected = await site.WithDbAsync(db => db.Procedures
            .Where(p => p.Status == ProcedureStatus.InForce && p.Field.Slug == "ho-tich" && p.OnlineLevel == OnlineServiceLevel.Full)
            .OrderBy(p => p.Code).Select(p => p.Code).ToListAsync());
        Assert.NotEmpty(expected);
        var html = await PageAsync("/thu-tuc-hanh-chinh?linh-vuc=ho-tich&dvc=toan-trinh");
        Assert.Equal(expected, Codes(html).Order(StringComparer.Ordinal).ToList());
        Assert.Contains($"{expected.Count} thủ tục", html);

        // The counts per field are those of the other filters: the online level only.
        var fullByField = await site.WithDbAsync(db => db.Procedures
            .Where(p => p.Status == ProcedureStatus.InForce && p.OnlineLevel == OnlineServiceLevel.Full)
            .GroupBy(p => p.Field.Name).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        foreach (var field in fullByField)
            Assert.Contains($"{field.Key} (" + field.Count + ")", Regex.Replace(html, "<[^>]+>", ""));

        var api = await JsonAsync("/api/v1/procedures?field=ho-tich&online=full&level=cap-xa&unit=ubnd-thi-xa-phuoc-long");
        Assert.Equal(expected, api.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).Order(StringComparer.Ordinal).ToList());

        // The unit's tab lists what it and its sub-units handle, nothing of another province.
        var tab = await PageAsync($"/{SeedFacts.Units.UbndPhuongThacMo}/thu-tuc-hanh-chinh?trang-thai=tat-ca");
        Assert.Contains("aria-current=\"page\">Thủ tục hành chính</a>", tab);
        Assert.Contains(BirthRegistration, Codes(tab));
        Assert.DoesNotContain("1.005142", Codes(tab));
    }

    [Fact]
    public async Task The_code_typed_exactly_and_the_name_without_tones_find_the_procedure_first()
    {
        Assert.Equal(BirthRegistration, Codes(await PageAsync($"/thu-tuc-hanh-chinh?q={BirthRegistration}"))[0]);
        Assert.Equal(BirthRegistration, Codes(await PageAsync("/thu-tuc-hanh-chinh?q=dang%20ky%20khai%20sinh"))[0]);
        var api = await JsonAsync("/api/v1/procedures?q=chung%20thuc%20ban%20sao");
        Assert.Equal("2.000815", api.GetProperty("items")[0].GetProperty("code").GetString());

        // Site search counts procedures as a kind of their own and sends to the list searched for the same words.
        var search = await PageAsync("/tim-kiem?q=khai%20sinh");
        Assert.Matches(@"Thủ tục hành chính <span class=""count"">\(\d+\)</span>", search);
        Assert.Contains("href=\"/thu-tuc-hanh-chinh?q=khai%20sinh\"", search);
    }

    [Fact]
    public async Task The_page_shows_every_part_the_form_downloads_and_the_print_view_is_the_posting_sheet()
    {
        var page = await PageAsync($"/thu-tuc-hanh-chinh/{BirthRegistration}");
        foreach (var heading in new[] { "Trình tự thực hiện", "Cách thức thực hiện", "Thành phần hồ sơ", "Căn cứ pháp lý", "Lịch sử công bố, sửa đổi" })
            Assert.Contains(heading, page);
        Assert.Contains("<ol class=\"procedure-steps\">", page);
        Assert.Contains("https://dichvucong.gov.vn/", page);
        var form = Regex.Match(page, $"href=\"(/thu-tuc-hanh-chinh/{Regex.Escape(BirthRegistration)}/mau/1/[^\"]+)\"").Groups[1].Value;
        var download = await _client.GetAsync(form);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await download.Content.ReadAsByteArrayAsync())[..2]));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/thu-tuc-hanh-chinh/{BirthRegistration}/mau/2/x.docx")).StatusCode);

        var print = await PageAsync($"/thu-tuc-hanh-chinh/{BirthRegistration}/in");
        Assert.Contains("NIÊM YẾT CÔNG KHAI THỦ TỤC HÀNH CHÍNH", print);
        Assert.Contains("@page { size: A4;", print);
        Assert.Contains("data-print", print);
        Assert.Contains("Thành phần hồ sơ", print);
    }

    [Fact]
    public async Task The_change_list_groups_by_decision_newest_first_with_an_rss_feed()
    {
        var page = await PageAsync("/thu-tuc-hanh-chinh/cong-bo");
        var text = Regex.Replace(page, "<[^>]+>", "");
        var dates = Regex.Matches(text, @"Quyết định số (\S+)\s+ngày (\d\d/\d\d/\d{4})")
            .Select(m => DateOnly.ParseExact(m.Groups[2].Value, "dd/MM/yyyy")).ToList();
        Assert.True(dates.Count >= 3);
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.Contains("Bãi bỏ", page);
        Assert.Contains("Công bố mới", page);

        var rss = await _client.GetAsync("/thu-tuc-hanh-chinh/cong-bo/rss");
        Assert.Equal("application/rss+xml", rss.Content.Headers.ContentType!.MediaType);
        var items = XDocument.Parse(await rss.Content.ReadAsStringAsync()).Descendants("item").ToList();
        Assert.Equal(dates.Count, items.Count);
        Assert.StartsWith("http://", items[0].Element("link")!.Value);

        var unit = await PageAsync($"/{SeedFacts.Units.SoGddtSocTrang}/thu-tuc-hanh-chinh/cong-bo");
        Assert.Contains("345/QĐ-UBND", unit);
        Assert.DoesNotContain("2156/QĐ-UBND", unit);
    }

    [Theory]
    [InlineData("/api/v1/procedures?online=sometimes", "online")]
    [InlineData("/api/v1/procedures?status=gone", "status")]
    [InlineData("/api/v1/procedures?field=thien-van", "field")]
    [InlineData("/api/v1/procedures?page=0", "page")]
    [InlineData("/api/v1/procedures/1-001193", "code")]
    public async Task Bad_values_get_a_problem_in_vietnamese(string url, string key)
    {
        var problem = await JsonAsync(url, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(key, out var messages), problem.ToString());
        Assert.NotEmpty(messages[0].GetString()!);
        var missing = await JsonAsync("/api/v1/procedures/9.999999", HttpStatusCode.NotFound);
        Assert.Contains("9.999999", missing.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/v1/procedures?unit=khong-co")).StatusCode);
    }

    [Fact]
    public async Task The_api_serves_a_procedure_with_its_dossier_forms_and_history_and_is_in_openapi()
    {
        var procedure = await JsonAsync($"/api/v1/procedures/{BirthRegistration}");
        Assert.Equal("Đăng ký khai sinh", procedure.GetProperty("card").GetProperty("name").GetString());
        Assert.Contains(procedure.GetProperty("dossier").EnumerateArray(), d => d.GetProperty("form").ValueKind == JsonValueKind.Object);
        Assert.True(procedure.GetProperty("revisions").GetArrayLength() >= 2);
        var openApi = await _client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("ListProcedures", openApi);
        Assert.Contains("GetProcedure", openApi);
    }
}
