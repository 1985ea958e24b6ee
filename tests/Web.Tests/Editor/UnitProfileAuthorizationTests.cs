using System.Net;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Editor;

/// <summary>
/// Who writes a unit's "Giới thiệu" page: its approvers and administrators; editors, hotline officers and other units'
/// approvers are refused, and nothing changes.
/// </summary>
public sealed class UnitProfileAuthorizationTests(EditorSite site) : IClassFixture<EditorSite>
{
    public enum Endpoint { Form, Save }

    public static TheoryData<Endpoint, Who> Cases() => AuthorizationMatrix.Cases<Endpoint>();

    private static readonly HashSet<Who> Writers = [Who.Administrator, Who.Approver];

    private const string Path = "/quan-tri/gioi-thieu/" + AuthorizationMatrix.Unit;

    private Task<string?> OrganisationAsync() => site.WithDbAsync(db =>
        db.Units.Where(u => u.Slug == AuthorizationMatrix.Unit).Select(u => u.Profile.Organisation).SingleAsync());

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_user_gets_exactly_the_allowed_outcome_and_a_refusal_changes_nothing(Endpoint endpoint, Who who)
    {
        var browser = await AuthorizationMatrix.BrowserForAsync(site, who, $"gioi-thieu-{endpoint}-{who}".ToLowerInvariant());
        var form = await browser.GetAsync(Path);
        var html = form.StatusCode == HttpStatusCode.OK ? await form.Content.ReadAsStringAsync() : await browser.GetStringAsync("/quan-tri/dang-nhap");
        var before = await OrganisationAsync();
        var written = $"Tổ chức ghi bởi {who}";
        var response = endpoint == Endpoint.Form ? form : await EditorSite.PostFormAsync(browser, Path, new()
        {
            ["__RequestVerificationToken"] = EditorSite.AntiforgeryToken(html), ["Organisation"] = written,
        });

        var expected = who == Who.Anonymous ? Outcome.Login : Writers.Contains(who) ? Outcome.Allowed : Outcome.Forbidden;
        Assert.Equal(expected, AuthorizationMatrix.Classify(response, Path));
        Assert.Equal(expected == Outcome.Allowed && endpoint == Endpoint.Save ? written : before, await OrganisationAsync());
    }
}
