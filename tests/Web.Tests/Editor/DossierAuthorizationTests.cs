using System.Text;
using CchcSite.Content.DossierResults;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Editor;

/// <summary>
/// Who imports dossier results: approvers of the unit and administrators; everyone else is refused and nothing changes.
/// </summary>
public sealed class DossierAuthorizationTests(EditorSite site) : IClassFixture<EditorSite>
{
    public enum Endpoint { ListPage, Preview, Apply, CsvTemplate, XlsxTemplate }

    public static TheoryData<Endpoint, Who> Cases() => AuthorizationMatrix.Cases<Endpoint>();

    private static readonly HashSet<Who> Managers = [Who.Administrator, Who.Approver];

    /// <summary>A month no other case uses (and before the seed's 2025): one row of the unit under test, 10 dossiers received.</summary>
    private Task StartingMonthAsync(int year, int month) => site.WithDbAsync(async db =>
    {
        db.DossierResults.Add(new DossierResult
        {
            UnitId = await db.Units.Where(u => u.Slug == AuthorizationMatrix.Unit).Select(u => u.Id).SingleAsync(), Year = year, Month = month,
            FieldId = await db.ProcedureTerms.Where(t => t.Slug == "giao-duc-dao-tao").Select(t => t.Id).SingleAsync(),
            Figures = new DossierFigures { Received = 10, ResolvedOnTime = 10 },
        });
        return await db.SaveChangesAsync();
    });

    private Task<(int Rows, int Received)> FiguresAsync(int year, int month) => site.WithDbAsync(async db =>
        (await db.DossierResults.CountAsync(r => r.Year == year && r.Month == month),
            await db.DossierResults.Where(r => r.Year == year && r.Month == month).SumAsync(r => r.Figures.Received)));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_user_gets_exactly_the_allowed_outcome_and_a_refusal_changes_nothing(Endpoint endpoint, Who who)
    {
        var (year, month) = (2020 + (int)endpoint, 1 + (int)who);
        await StartingMonthAsync(year, month);
        var before = await FiguresAsync(year, month);
        var browser = await AuthorizationMatrix.BrowserForAsync(site, who, $"ho-so-{endpoint}-{who}".ToLowerInvariant());
        var page = await browser.GetAsync("/quan-tri/ket-qua-giai-quyet");
        var html = page.StatusCode == System.Net.HttpStatusCode.OK ? await page.Content.ReadAsStringAsync() : await browser.GetStringAsync("/quan-tri/dang-nhap");
        var token = EditorSite.AntiforgeryToken(html);
        var file = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $"{string.Join(",", DossierImport.Columns)}\r\nGiáo dục và Đào tạo,25,5,20,0,5,0,0\r\n"));
        Dictionary<string, string> Import(bool apply) => new()
        {
            ["__RequestVerificationToken"] = token, ["don-vi"] = AuthorizationMatrix.Unit, ["nam"] = year.ToString(), ["thang"] = month.ToString(),
            ["noi-dung"] = file, ["ten-tep"] = "thang.csv", ["ap-dung"] = apply ? "true" : "false",
        };
        var response = endpoint switch
        {
            Endpoint.ListPage => page,
            // Without a file and without "apply", the form asks for a file again (422) — for those who may import at all.
            Endpoint.Preview => await EditorSite.PostFormAsync(browser, "/quan-tri/ket-qua-giai-quyet/nhap", Import(apply: false)),
            Endpoint.Apply => await EditorSite.PostFormAsync(browser, "/quan-tri/ket-qua-giai-quyet/nhap", Import(apply: true)),
            Endpoint.CsvTemplate => await browser.GetAsync("/quan-tri/ket-qua-giai-quyet/mau-nhap.csv"),
            _ => await browser.GetAsync("/quan-tri/ket-qua-giai-quyet/mau-nhap.xlsx"),
        };

        // The list is open to an approver of any unit (it shows their own units' months only); the templates to every editor.
        var allowed = endpoint switch
        {
            Endpoint.CsvTemplate or Endpoint.XlsxTemplate => who != Who.Anonymous,
            Endpoint.ListPage => Managers.Contains(who) || who == Who.OtherApprover,
            _ => Managers.Contains(who),
        };
        var expected = who == Who.Anonymous ? Outcome.Login
            : !allowed ? Outcome.Forbidden
            : endpoint == Endpoint.Preview ? Outcome.Refused
            : Outcome.Allowed;
        Assert.Equal(expected, AuthorizationMatrix.Classify(response, "/quan-tri/ket-qua-giai-quyet"));
        var after = await FiguresAsync(year, month);
        if (expected == Outcome.Allowed && endpoint == Endpoint.Apply)
            Assert.Equal((1, 25), after); // the month replaced: one row, 25 received instead of 10
        else
            Assert.Equal(before, after);
    }
}
