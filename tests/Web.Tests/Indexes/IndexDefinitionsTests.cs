using System.Net;
using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Indexes;

/// <summary>
/// An administrator adds an index the seed does not have; an approver then enters its results and citizens see them. Only
/// administrators keep the catalogue: everyone else is refused and nothing changes.
/// </summary>
public sealed class IndexDefinitionsTests(EditorSite site) : IClassFixture<EditorSite>
{
    private const string Base = "/quan-tri/danh-muc-chi-so";

    private static Dictionary<string, string> Fields(string token, string code, string name, params (string Key, string Value)[] more)
    {
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Code"] = code, ["Name"] = name, ["Assessor"] = "UBND tỉnh Sóc Trăng",
            ["Scale"] = "Points", ["MaxScore"] = "100", ["HigherIsBetter"] = "true",
        };
        foreach (var (key, value) in more)
            fields[key] = value;
        return fields;
    }

    [Fact]
    public async Task An_added_index_takes_results_that_the_public_page_and_the_api_show()
    {
        var admin = await site.SignedInAsync(EditorSite.AdminEmail);
        var token = EditorSite.AntiforgeryToken(await admin.GetStringAsync($"{Base}/them"));

        var refused = await EditorSite.PostFormAsync(admin, $"{Base}/them", Fields(token, "PAR_INDEX", "", ("Components[0].Code", "TTHC")));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Đã có chỉ số mã PAR_INDEX", html);
        Assert.Contains("Vui lòng nhập tên chỉ số.", html);
        Assert.Contains("Vui lòng nhập tên thành phần.", html);

        var added = await EditorSite.PostFormAsync(admin, $"{Base}/them", Fields(token, "ddci_st", "Chỉ số năng lực cạnh tranh cấp sở, ngành tỉnh Sóc Trăng",
            ("Components[0].Code", "TCTT"), ("Components[0].Name", "Tính minh bạch và tiếp cận thông tin"), ("Components[0].MaxScore", "10"), ("Components[0].FromYear", "2023"),
            ("Components[1].Code", ""), ("Components[1].Name", "")));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal($"{Base}/DDCI_ST", added.Headers.Location?.OriginalString);
        Assert.Contains("Tính minh bạch và tiếp cận thông tin", WebUtility.HtmlDecode(await admin.GetStringAsync($"{Base}/DDCI_ST")));

        await site.AddUserAsync("nhap-ddci@cchc.test", ("ubnd-tinh-soc-trang", UnitRole.Approver));
        var approver = await site.SignedInAsync("nhap-ddci@cchc.test");
        var form = WebUtility.HtmlDecode(await approver.GetStringAsync("/quan-tri/chi-so/them?chi-so=DDCI_ST&nam=2024"));
        Assert.Contains("<label for=\"tp-TCTT\">Tính minh bạch và tiếp cận thông tin (tối đa 10)", form);
        var entered = await EditorSite.PostFormAsync(approver, "/quan-tri/chi-so/them", new()
        {
            ["__RequestVerificationToken"] = EditorSite.AntiforgeryToken(form), ["IndexCode"] = "DDCI_ST", ["Year"] = "2024", ["Unit"] = "so-gddt-soc-trang",
            ["Publisher"] = "ubnd-tinh-soc-trang", ["Grouping"] = "Departments", ["Within"] = "ubnd-tinh-soc-trang", ["Score"] = "78,4", ["Components[TCTT]"] = "8",
        });
        Assert.Equal(HttpStatusCode.Redirect, entered.StatusCode);

        var page = WebUtility.HtmlDecode(await site.NewBrowser().GetStringAsync("/chi-so?chi-so=DDCI_ST&nam=2024"));
        Assert.Contains("Chỉ số năng lực cạnh tranh cấp sở, ngành tỉnh Sóc Trăng", page);
        Assert.Contains("78,4", page);
        var api = await site.NewBrowser().GetStringAsync("/api/v1/indexes");
        Assert.Contains("\"DDCI_ST\"", api);

        // Its component cannot be removed now that a result has a score for it; it can be ended instead.
        var removed = await EditorSite.PostFormAsync(admin, $"{Base}/DDCI_ST", Fields(token, "DDCI_ST", "Chỉ số DDCI Sóc Trăng"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, removed.StatusCode);
        Assert.Contains("Thành phần TCTT đã có điểm trong kết quả năm 2024", WebUtility.HtmlDecode(await removed.Content.ReadAsStringAsync()));
        var ended = await EditorSite.PostFormAsync(admin, $"{Base}/DDCI_ST", Fields(token, "DDCI_ST", "Chỉ số DDCI Sóc Trăng",
            ("Components[0].Code", "TCTT"), ("Components[0].Name", "Tính minh bạch"), ("Components[0].MaxScore", "10"), ("Components[0].FromYear", "2023"),
            ("Components[0].ToYear", "2024")));
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        var index = await site.WithDbAsync(db => db.IndexDefinitions.Include(i => i.Components).SingleAsync(i => i.Code == "DDCI_ST"));
        Assert.Equal(("Chỉ số DDCI Sóc Trăng", 2024), (index.Name, Assert.Single(index.Components).ToYear));
        var audit = await site.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.IndexDefinitionSaved).Select(e => e.Summary).ToListAsync());
        Assert.Contains(audit, s => s.StartsWith("Thêm chỉ số DDCI_ST"));
        Assert.Contains(audit, s => s.Contains("TCTT 2023–nay (10) → Chỉ số DDCI Sóc Trăng") && s.Contains("TCTT 2023–2024 (10)"));
    }

    public enum Endpoint { List, AddForm, Add, EditForm, Edit }

    public static TheoryData<Endpoint, Who> Cases() => AuthorizationMatrix.Cases<Endpoint>();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Only_administrators_keep_the_catalogue_and_a_refusal_changes_nothing(Endpoint endpoint, Who who)
    {
        var code = $"T{(int)endpoint}{(int)who}";
        var name = $"Chỉ số thử {code}";
        var browser = await AuthorizationMatrix.BrowserForAsync(site, who, $"danh-muc-{endpoint}-{who}".ToLowerInvariant());
        await site.WithDbAsync(async db =>
        {
            db.IndexDefinitions.Add(new() { Code = $"{code}_CU", Name = name, Assessor = "Bộ Nội vụ", MaxScore = 100 });
            return await db.SaveChangesAsync();
        });
        var token = EditorSite.AntiforgeryToken(await browser.GetStringAsync("/quan-tri/dang-nhap"));
        var response = endpoint switch
        {
            Endpoint.List => await browser.GetAsync(Base),
            Endpoint.AddForm => await browser.GetAsync($"{Base}/them"),
            Endpoint.Add => await EditorSite.PostFormAsync(browser, $"{Base}/them", Fields(token, code, name)),
            Endpoint.EditForm => await browser.GetAsync($"{Base}/{code}_CU"),
            _ => await EditorSite.PostFormAsync(browser, $"{Base}/{code}_CU", Fields(token, $"{code}_CU", name + " (đã sửa)")),
        };

        var expected = who == Who.Anonymous ? Outcome.Login : who == Who.Administrator ? Outcome.Allowed : Outcome.Forbidden;
        Assert.Equal(expected, AuthorizationMatrix.Classify(response, Base));
        var names = await site.WithDbAsync(db => db.IndexDefinitions.Where(i => i.Name.StartsWith(name)).Select(i => i.Name).OrderBy(n => n).ToListAsync());
        var changed = expected == Outcome.Allowed && endpoint is Endpoint.Add or Endpoint.Edit;
        Assert.Equal(!changed ? [name] : endpoint == Endpoint.Add ? [name, name] : [name + " (đã sửa)"], names);
    }
}
