using System.Text;
using CchcSite.Content.Indexes;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Editor;

/// <summary>
/// Who enters index results: approvers of the publishing unit and administrators; everyone else is refused and nothing changes.
/// </summary>
public sealed class IndexAuthorizationTests(EditorSite site) : IClassFixture<EditorSite>
{
    public enum Endpoint { ListPage, Preview, Apply, History, Delete, Template, AddForm, Add, CorrectForm, Correct }

    public static TheoryData<Endpoint, Who> Cases() => AuthorizationMatrix.Cases<Endpoint>();

    private static readonly HashSet<Who> Managers = [Who.Administrator, Who.Approver];

    /// <summary>A result of its own for each case, published by the unit under test, in a year no other case uses.</summary>
    private Task<int> ResultOfTheUnitAsync(int year) => site.WithDbAsync(async db =>
    {
        var unitId = await db.Units.Where(u => u.Slug == AuthorizationMatrix.Unit).Select(u => u.Id).SingleAsync();
        var result = new IndexResult
        {
            IndexDefinitionId = await db.IndexDefinitions.Where(i => i.Code == "PAR_INDEX").Select(i => i.Id).SingleAsync(), Year = year,
            UnitId = unitId, PublisherUnitId = unitId, Grouping = IndexGrouping.Other, Score = 70m,
        };
        db.IndexResults.Add(result);
        await db.SaveChangesAsync();
        return result.Id;
    });

    private Task<(int Count, decimal Sum)> FiguresAsync(int year) => site.WithDbAsync(async db =>
        (await db.IndexResults.CountAsync(r => r.Year == year), (await db.IndexResults.Where(r => r.Year == year).Select(r => r.Score).ToListAsync()).Sum()));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_user_gets_exactly_the_allowed_outcome_and_a_refusal_changes_nothing(Endpoint endpoint, Who who)
    {
        // After the seeded years, below 2100: the form accepts no later year.
        var year = 2025 + (int)endpoint * Enum.GetValues<Who>().Length + (int)who;
        var id = await ResultOfTheUnitAsync(year);
        var before = await FiguresAsync(year);
        var browser = await AuthorizationMatrix.BrowserForAsync(site, who, $"chi-so-{endpoint}-{who}".ToLowerInvariant());
        var page = await browser.GetAsync("/quan-tri/chi-so");
        var html = page.StatusCode == System.Net.HttpStatusCode.OK ? await page.Content.ReadAsStringAsync() : await browser.GetStringAsync("/quan-tri/dang-nhap");
        var token = EditorSite.AntiforgeryToken(html);
        var file = Convert.ToBase64String(Encoding.UTF8.GetBytes($"Đơn vị,Điểm\r\n{AuthorizationMatrix.Unit},85\r\n"));
        Dictionary<string, string> Import(bool apply) => new()
        {
            ["__RequestVerificationToken"] = token, ["don-vi-cong-bo"] = AuthorizationMatrix.Unit, ["chi-so"] = "PAR_INDEX", ["nam"] = year.ToString(),
            ["nhom"] = "Other", ["noi-dung"] = file, ["ten-tep"] = "ket-qua.csv", ["ap-dung"] = apply ? "true" : "false",
        };
        var response = endpoint switch
        {
            Endpoint.ListPage => page,
            // Without a file and without "apply", the form asks for a file again (422) — for those who may import at all.
            Endpoint.Preview => await EditorSite.PostFormAsync(browser, "/quan-tri/chi-so/nhap", Import(apply: false)),
            Endpoint.Apply => await EditorSite.PostFormAsync(browser, "/quan-tri/chi-so/nhap", Import(apply: true)),
            Endpoint.History => await browser.GetAsync($"/quan-tri/chi-so/{id}"),
            Endpoint.Delete => await EditorSite.PostFormAsync(browser, $"/quan-tri/chi-so/{id}/xoa", new() { ["__RequestVerificationToken"] = token }),
            Endpoint.AddForm => await browser.GetAsync($"/quan-tri/chi-so/them?chi-so=PAR_INDEX&nam={year}"),
            // A second unit's result in the same year: the unit under test already has one.
            Endpoint.Add => await EditorSite.PostFormAsync(browser, "/quan-tri/chi-so/them", new()
            {
                ["__RequestVerificationToken"] = token, ["IndexCode"] = "PAR_INDEX", ["Year"] = year.ToString(), ["Unit"] = AuthorizationMatrix.OtherUnit,
                ["Publisher"] = AuthorizationMatrix.Unit, ["Grouping"] = "Other", ["Score"] = "15",
            }),
            Endpoint.CorrectForm => await browser.GetAsync($"/quan-tri/chi-so/{id}/sua"),
            Endpoint.Correct => await EditorSite.PostFormAsync(browser, $"/quan-tri/chi-so/{id}/sua", new()
            {
                ["__RequestVerificationToken"] = token, ["Grouping"] = "Other", ["Score"] = "85",
            }),
            _ => await browser.GetAsync($"/quan-tri/chi-so/mau-nhap.csv?chi-so=PAR_INDEX&nam={year}"),
        };

        // The list and the new-result form are open to an approver of any unit (they offer their own units only); the template to every editor.
        var allowed = endpoint switch
        {
            Endpoint.Template => who != Who.Anonymous,
            Endpoint.ListPage or Endpoint.AddForm => Managers.Contains(who) || who == Who.OtherApprover,
            _ => Managers.Contains(who),
        };
        var expected = who == Who.Anonymous ? Outcome.Login
            : !allowed ? Outcome.Forbidden
            : endpoint == Endpoint.Preview ? Outcome.Refused
            : Outcome.Allowed;
        Assert.Equal(expected, AuthorizationMatrix.Classify(response, "/quan-tri/chi-so"));
        var after = await FiguresAsync(year);
        if (expected == Outcome.Allowed && endpoint is Endpoint.Apply or Endpoint.Correct)
            Assert.Equal(85m, after.Sum); // the unit's result corrected from 70 to 85
        else if (expected == Outcome.Allowed && endpoint == Endpoint.Add)
            Assert.Equal((2, 85m), after);
        else if (expected == Outcome.Allowed && endpoint == Endpoint.Delete)
            Assert.Equal(0, after.Count);
        else
            Assert.Equal(before, after);
    }
}
