using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Editor;

/// <summary>
/// "Tin nổi bật": marked on a post's form page by those who may publish in its unit (administrators and its approvers);
/// anyone else is refused and the mark does not move. The newest featured post leads the home page and its unit's
/// section, and the API says which posts are featured.
/// </summary>
public sealed partial class FeaturedPostTests(EditorSite site) : IClassFixture<EditorSite>
{
    public enum Endpoint { Feature }

    public static TheoryData<Endpoint, Who> Cases() => AuthorizationMatrix.Cases<Endpoint>();

    private static readonly HashSet<Who> Publishers = [Who.Administrator, Who.Approver];

    /// <summary>The unit's oldest published post: never the lead unless it is featured.</summary>
    private Task<int> OldestPostAsync(string unit) => site.WithDbAsync(db => db.Posts
        .Where(p => p.Unit.Slug == unit && p.Status == PostStatus.Published && p.PublishAt < DateTime.UtcNow)
        .OrderBy(p => p.PublishAt).ThenBy(p => p.Id).Select(p => p.Id).FirstAsync());

    private Task<bool> FeaturedAsync(int id) => site.WithDbAsync(db => db.Posts.Where(p => p.Id == id).Select(p => p.Featured).SingleAsync());

    private async Task<HttpResponseMessage> MarkAsync(HttpClient browser, int id, bool featured)
    {
        var page = await browser.GetAsync($"/quan-tri/bai-viet/{id}");
        var html = page.StatusCode == HttpStatusCode.OK ? await page.Content.ReadAsStringAsync() : await browser.GetStringAsync("/quan-tri/dang-nhap");
        return await EditorSite.PostFormAsync(browser, $"/quan-tri/bai-viet/{id}/noi-bat", new()
        {
            ["__RequestVerificationToken"] = EditorSite.AntiforgeryToken(html),
            ["version"] = (await site.PostVersionAsync(id)).ToString(), ["featured"] = featured ? "true" : "false",
        });
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_user_gets_exactly_the_allowed_outcome_and_a_refusal_changes_nothing(Endpoint endpoint, Who who)
    {
        var browser = await AuthorizationMatrix.BrowserForAsync(site, who, $"noi-bat-{endpoint}-{who}".ToLowerInvariant());
        var id = await OldestPostAsync(AuthorizationMatrix.Unit);
        var before = await FeaturedAsync(id);

        var response = await MarkAsync(browser, id, !before);

        var expected = who == Who.Anonymous ? Outcome.Login : Publishers.Contains(who) ? Outcome.Allowed : Outcome.Forbidden;
        Assert.Equal(expected, AuthorizationMatrix.Classify(response, $"/quan-tri/bai-viet/{id}"));
        Assert.Equal(expected == Outcome.Allowed ? !before : before, await FeaturedAsync(id));
    }

    [Fact]
    public async Task Only_publishers_see_the_mark_on_the_post_form()
    {
        var id = await OldestPostAsync(AuthorizationMatrix.Unit);
        var approver = await AuthorizationMatrix.BrowserForAsync(site, Who.Approver, "noi-bat-form-approver");
        var editor = await AuthorizationMatrix.BrowserForAsync(site, Who.Editor, "noi-bat-form-editor");

        Assert.Contains($"action=\"/quan-tri/bai-viet/{id}/noi-bat\"", await approver.GetStringAsync($"/quan-tri/bai-viet/{id}"));
        Assert.DoesNotContain("/noi-bat\"", await editor.GetStringAsync($"/quan-tri/bai-viet/{id}"));
    }

    [Fact]
    public async Task The_newest_featured_post_leads_the_home_page_and_its_units_section_and_the_api_says_so()
    {
        var unit = SeedFacts.Units.SoGddtSocTrang;
        var id = await OldestPostAsync(unit);
        var post = await site.WithDbAsync(db => db.Posts.Where(p => p.Id == id).Select(p => new { p.Kind, p.Slug }).SingleAsync());
        var url = PostKindSegments.PostUrl(unit, post.Kind, post.Slug);
        var reader = site.CreateClient();
        Assert.NotEqual(url, LeadOf(await reader.GetStringAsync($"/{unit}")));
        Assert.NotEqual(url, LeadOf(await reader.GetStringAsync("/")));

        var administrator = await site.SignedInAsync(EditorSite.AdminEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await MarkAsync(administrator, id, true)).StatusCode);
        try
        {
            var section = await reader.GetStringAsync($"/{unit}");
            Assert.Equal(url, LeadOf(section));
            // The lead is not repeated in the list under it.
            Assert.Single(Regex.Matches(section, $"<a href=\"{Regex.Escape(url)}\">"));
            Assert.Equal(url, LeadOf(await reader.GetStringAsync("/")));
            var api = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/posts/{id}");
            Assert.True(api.GetProperty("card").GetProperty("featured").GetBoolean());
        }
        finally
        {
            Assert.Equal(HttpStatusCode.Redirect, (await MarkAsync(administrator, id, false)).StatusCode);
        }
        Assert.NotEqual(url, LeadOf(await reader.GetStringAsync($"/{unit}")));
        Assert.False((await reader.GetFromJsonAsync<JsonElement>($"/api/v1/posts/{id}")).GetProperty("card").GetProperty("featured").GetBoolean());
    }

    /// <summary>The address the page's lead card links to.</summary>
    private static string LeadOf(string html) => LeadLink().Match(html) is { Success: true } lead ? lead.Groups[1].Value : "";

    [GeneratedRegex("""<article class="card card--lead">.*?<h3 class="card__title"><a href="([^"]+)">""", RegexOptions.Singleline)]
    private static partial Regex LeadLink();
}
