using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Editor;

/// <summary>
/// Every editor endpoint × every kind of user, against a post of the unit "phong-gddt-nga-nam".
/// "Other" users hold the same role in another unit and must get nothing.
/// </summary>
public sealed class AuthorizationMatrixTests(EditorSite site) : IClassFixture<EditorSite>
{
    private const string Unit = AuthorizationMatrix.Unit;

    public enum Endpoint { NewForm, Create, EditForm, Update, Submit, Publish, Preview, RenderBody, List }

    // The expected outcome for each endpoint, by who asks.
    private static readonly Dictionary<Endpoint, Who[]> AllowedFor = new()
    {
        [Endpoint.NewForm] = [Who.Administrator, Who.Editor, Who.Approver],
        [Endpoint.Create] = [Who.Administrator, Who.Editor, Who.Approver],
        [Endpoint.EditForm] = [Who.Administrator, Who.Editor, Who.Approver],
        [Endpoint.Update] = [Who.Administrator, Who.Editor, Who.Approver],
        [Endpoint.Submit] = [Who.Administrator, Who.Editor, Who.Approver],
        [Endpoint.Publish] = [Who.Administrator, Who.Approver],
        [Endpoint.Preview] = [Who.Administrator, Who.Editor, Who.Approver],
        [Endpoint.RenderBody] = [Who.Administrator, Who.Editor, Who.Approver, Who.HotlineOfficer, Who.OtherEditor, Who.OtherApprover],
        [Endpoint.List] = [Who.Administrator, Who.Editor, Who.Approver],
    };

    public static TheoryData<Endpoint, Who> Cases() => AuthorizationMatrix.Cases<Endpoint>();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_user_gets_exactly_the_allowed_outcome(Endpoint endpoint, Who who)
    {
        var expected = who == Who.Anonymous ? Outcome.Login : AllowedFor[endpoint].Contains(who) ? Outcome.Allowed : Outcome.Forbidden;
        var browser = await AuthorizationMatrix.BrowserForAsync(site, who, $"{endpoint}-{who}".ToLowerInvariant());
        var postId = await DraftOfUnitAsync();
        var response = await RequestAsync(browser, endpoint, postId);
        Assert.Equal(expected, AuthorizationMatrix.Classify(response, "/quan-tri/bai-viet/"));
    }

    private async Task<HttpResponseMessage> RequestAsync(HttpClient browser, Endpoint endpoint, int postId)
    {
        var token = EditorSite.AntiforgeryToken(await browser.GetStringAsync("/quan-tri/dang-nhap"));
        var version = await site.WithDbAsync(db => db.Posts.Where(p => p.Id == postId).Select(p => p.Version).SingleAsync());
        FormUrlEncodedContent Form(params (string, string)[] fields) =>
            new(fields.Append(("__RequestVerificationToken", token)).ToDictionary(f => f.Item1, f => f.Item2));
        return endpoint switch
        {
            Endpoint.NewForm => await browser.GetAsync($"/quan-tri/bai-viet/moi?don-vi={Unit}"),
            Endpoint.Create => await browser.PostAsync("/quan-tri/bai-viet/moi", Form(("Unit", Unit), ("Kind", "Article"), ("Title", "Bài thử quyền"), ("BodyMarkdown", "Nội dung"))),
            Endpoint.EditForm => await browser.GetAsync($"/quan-tri/bai-viet/{postId}"),
            Endpoint.Update => await browser.PostAsync($"/quan-tri/bai-viet/{postId}", Form(("Version", version.ToString()), ("Title", "Bản nháp đã sửa"), ("BodyMarkdown", "Nội dung"))),
            Endpoint.Submit => await browser.PostAsync($"/quan-tri/bai-viet/{postId}/buoc/Submit", Form(("version", version.ToString()))),
            Endpoint.Publish => await browser.PostAsync($"/quan-tri/bai-viet/{postId}/buoc/Publish", Form(("version", version.ToString()))),
            Endpoint.Preview => await browser.GetAsync($"/quan-tri/bai-viet/{postId}/xem-truoc"),
            Endpoint.RenderBody => await browser.PostAsync("/quan-tri/xem-truoc-noi-dung", Form(("markdownText", "**Đậm**"))),
            _ => await browser.GetAsync($"/quan-tri?don-vi={Unit}"),
        };
    }

    /// <summary>A fresh draft per case, so that one case's step never changes another's starting point.</summary>
    private Task<int> DraftOfUnitAsync() => site.WithDbAsync(async db =>
    {
        var unit = await db.Units.SingleAsync(u => u.Slug == Unit);
        var post = new Post
        {
            UnitId = unit.Id, Kind = PostKind.Article, Slug = $"nhap-{Guid.NewGuid():N}", Title = "Bản nháp kiểm thử quyền",
            Status = PostStatus.InReview, AuthorId = "someone-else", LastEditorId = "someone-else",
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Version = Guid.NewGuid(),
        };
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return post.Id;
    });
}
