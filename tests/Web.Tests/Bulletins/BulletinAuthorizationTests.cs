using CchcSite.Content.Bulletins;
using CchcSite.Content.Posts;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Bulletins;

/// <summary>
/// Who does what to a unit's bulletin, asked of the one permission table: editors and approvers of the unit start, compile and
/// submit (Edit, Submit); approvers publish and take down (Publish, Unpublish); administrators do all; hotline officers
/// and other units' staff nothing. A refused request changes nothing.
/// </summary>
public sealed class BulletinAuthorizationTests(EditorSite site) : IClassFixture<EditorSite>
{
    public enum Endpoint { ListPage, Start, EditPage, Save, Submit, Publish, Unpublish }

    public static TheoryData<Endpoint, Who> Cases() => AuthorizationMatrix.Cases<Endpoint>();

    private static readonly HashSet<Who> Writers = [Who.Administrator, Who.Editor, Who.Approver];
    private static readonly HashSet<Who> Approvers = [Who.Administrator, Who.Approver];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_user_gets_exactly_the_allowed_outcome_and_a_refusal_changes_nothing(Endpoint endpoint, Who who)
    {
        // Each case has its own year, so numbers never clash.
        var year = 2100 - ((int)endpoint * 10 + (int)who);
        var status = endpoint switch
        {
            Endpoint.Publish => PostStatus.InReview,
            Endpoint.Unpublish => PostStatus.Published,
            _ => PostStatus.Draft,
        };
        var id = await BulletinData.IssueAsync(site, AuthorizationMatrix.Unit, year, 1, status);
        var before = await BulletinData.StateAsync(site, id);
        var browser = await AuthorizationMatrix.BrowserForAsync(site, who, $"ban-tin-{endpoint}-{who}".ToLowerInvariant());
        var response = endpoint switch
        {
            Endpoint.ListPage => await browser.GetAsync("/quan-tri/ban-tin"),
            Endpoint.Start => await EditorSite.PostFormAsync(browser, "/quan-tri/ban-tin",
                new() { ["don-vi"] = AuthorizationMatrix.Unit, ["nam"] = year.ToString(), ["loai-ky"] = "Month", ["ky"] = "3" }),
            Endpoint.EditPage => await browser.GetAsync($"/quan-tri/ban-tin/{id}"),
            Endpoint.Save => await EditorSite.PostFormAsync(browser, $"/quan-tri/ban-tin/{id}", new() { ["loi-gioi-thieu"] = "Lời giới thiệu mới." }),
            _ => await EditorSite.PostFormAsync(browser, $"/quan-tri/ban-tin/{id}/buoc/{endpoint}", []),
        };

        var allowed = endpoint switch
        {
            Endpoint.ListPage => who is not (Who.Anonymous or Who.HotlineOfficer),
            Endpoint.Publish or Endpoint.Unpublish => Approvers.Contains(who),
            // The overseer reads the issue (the page shows no form to it) and takes no step.
            Endpoint.EditPage => Writers.Contains(who) || who == Who.Overseer,
            _ => Writers.Contains(who),
        };
        var expected = who == Who.Anonymous ? Outcome.Login : allowed ? Outcome.Allowed : Outcome.Forbidden;
        Assert.Equal(expected, AuthorizationMatrix.Classify(response, "/quan-tri/ban-tin"));

        var after = await BulletinData.StateAsync(site, id);
        var started = await site.WithDbAsync(db => db.Set<BulletinIssue>().CountAsync(i => i.Year == year));
        if (expected != Outcome.Allowed)
        {
            Assert.Equal(before, after);
            Assert.Equal(1, started);
            return;
        }
        switch (endpoint)
        {
            case Endpoint.Start: Assert.Equal(2, started); break;
            // Saving with nothing picked empties the issue: the form is the whole list of picks.
            case Endpoint.Save: Assert.Equal((PostStatus.Draft, "Lời giới thiệu mới.", 0), after); break;
            case Endpoint.Submit: Assert.Equal(PostStatus.InReview, after.Status); break;
            case Endpoint.Publish: Assert.Equal(PostStatus.Published, after.Status); break;
            case Endpoint.Unpublish: Assert.Equal(PostStatus.Unpublished, after.Status); break;
            default: Assert.Equal(before, after); break;
        }
    }
}
