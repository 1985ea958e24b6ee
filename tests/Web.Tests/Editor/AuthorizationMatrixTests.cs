using System.Net;
using CchcSite.Content.Posts;
using CchcSite.Content.Text;
using CchcSite.Web.Editor;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Editor;

/// <summary>
/// Every editor endpoint × every kind of user, against a post of the unit "phong-gddt-nga-nam" in the state the step
/// starts from. "Other" users hold the same role in another unit and must get nothing. An allowed cell must have taken
/// its step (the state it changes, and nothing else); any other cell must have changed nothing: not the database, not
/// the public page, not the API.
/// </summary>
public sealed class AuthorizationMatrixTests(EditorSite site) : IClassFixture<EditorSite>
{
    private const string Unit = AuthorizationMatrix.Unit;
    private const string ProposedTitle = "Tiêu đề sửa khi bài đang đăng";

    public enum Endpoint
    {
        NewForm, Create, EditForm, Update, Submit, Publish, Preview, RenderBody, List,
        EditPublished, ChangePublishedSlug, SetPublishAt, SetUnpublishAt, ApprovePendingChange, DiscardPendingChange,
        Review, ChooseUnit, DesignSystem, AttachFile, AttachOtherUnitsFile,
    }

    // Who takes each step. Everyone else with no role for it is forbidden; anonymous visitors are sent to sign in.
    private static readonly Dictionary<Endpoint, Who[]> AllowedFor = new()
    {
        [Endpoint.NewForm] = [Who.Administrator, Who.Editor, Who.Approver],
        [Endpoint.Create] = [Who.Administrator, Who.Editor, Who.Approver],
        // The overseer reads the post: it is sent to the read-only review page instead of the form.
        [Endpoint.EditForm] = [Who.Administrator, Who.Editor, Who.Approver, Who.Overseer],
        [Endpoint.Update] = [Who.Administrator, Who.Editor, Who.Approver],
        [Endpoint.Submit] = [Who.Administrator, Who.Editor, Who.Approver],
        [Endpoint.Publish] = [Who.Administrator, Who.Approver],
        [Endpoint.Preview] = [Who.Administrator, Who.Editor, Who.Approver, Who.Overseer],
        [Endpoint.RenderBody] = [Who.Administrator, Who.Editor, Who.Approver, Who.HotlineOfficer, Who.OtherEditor, Who.OtherApprover, Who.Overseer],
        [Endpoint.List] = [Who.Administrator, Who.Editor, Who.Approver, Who.Overseer],
        // Editing a live post, its address included, only proposes a change: allowed to those who edit, and nothing public moves.
        [Endpoint.EditPublished] = [Who.Administrator, Who.Editor, Who.Approver],
        [Endpoint.ChangePublishedSlug] = [Who.Administrator, Who.Editor, Who.Approver],
        // The times of a live post are the decision of those who publish and unpublish.
        [Endpoint.SetPublishAt] = [Who.Administrator, Who.Approver],
        [Endpoint.SetUnpublishAt] = [Who.Administrator, Who.Approver],
        [Endpoint.ApprovePendingChange] = [Who.Administrator, Who.Approver],
        [Endpoint.DiscardPendingChange] = [Who.Administrator, Who.Editor, Who.Approver],
        // The review page shows a draft: those who read drafts of the unit (the steps on it are each checked again).
        [Endpoint.Review] = [Who.Administrator, Who.Editor, Who.Approver, Who.Overseer],
        // "New post" without a unit lists the units the person may write for (none, for some): a page for everyone signed in.
        [Endpoint.ChooseUnit] = [Who.Administrator, Who.Editor, Who.Approver, Who.HotlineOfficer, Who.OtherEditor, Who.OtherApprover, Who.Overseer],
        [Endpoint.DesignSystem] = [Who.Administrator, Who.Editor, Who.Approver, Who.HotlineOfficer, Who.OtherEditor, Who.OtherApprover, Who.Overseer],
        // Attaching a library file is part of editing the post; the file must be the post's own unit's.
        [Endpoint.AttachFile] = [Who.Administrator, Who.Editor, Who.Approver],
        [Endpoint.AttachOtherUnitsFile] = [],
    };

    // Who reaches the endpoint (they may edit the post) but is turned down by the workflow rules.
    private static readonly Dictionary<Endpoint, Who[]> RefusedFor = new()
    {
        [Endpoint.SetPublishAt] = [Who.Editor],
        [Endpoint.SetUnpublishAt] = [Who.Editor],
        // Nobody, an administrator included, pulls another unit's file into a post: those who may edit it are refused.
        [Endpoint.AttachOtherUnitsFile] = [Who.Administrator, Who.Editor, Who.Approver],
    };

    public static TheoryData<Endpoint, Who> Cases() => AuthorizationMatrix.Cases<Endpoint>();

    /// <summary>What a step can change: the post's live columns, its pending change, its history, and what the public gets.</summary>
    private sealed record State(
        string Title, string Slug, string Body, PostStatus Status, DateTime? PublishAt, DateTime? UnpublishAt, Guid Version,
        string? ChangeTitle, string? ChangeSlug, PostStatus? ChangeStatus, int Revisions, int AuditEntries, int CreatedPosts,
        string Attachments, string PublicPage, string Api);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_user_gets_exactly_the_allowed_outcome(Endpoint endpoint, Who who)
    {
        var expected = who == Who.Anonymous ? Outcome.Login
            : AllowedFor[endpoint].Contains(who) ? Outcome.Allowed
            : RefusedFor.GetValueOrDefault(endpoint, []).Contains(who) ? Outcome.Refused
            : Outcome.Forbidden;
        var browser = await AuthorizationMatrix.BrowserForAsync(site, who, $"{endpoint}-{who}".ToLowerInvariant());
        var postId = await StartingPostAsync(endpoint);
        var before = await StateAsync(postId);

        var response = await RequestAsync(browser, endpoint, postId, before);

        var after = await StateAsync(postId);
        var reached = AuthorizationMatrix.Classify(response, "/quan-tri/bai-viet/");
        var actual = reached is Outcome.Forbidden or Outcome.Login ? reached
            : Happened(endpoint, before, after) ? Outcome.Allowed
            : after == before ? Outcome.Refused
            : throw new Xunit.Sdk.XunitException($"{endpoint} by {who} changed something else:\n{before}\n{after}");
        Assert.Equal(expected, actual);
        if (actual != Outcome.Allowed)
            Assert.Equal(before, after);
    }

    /// <summary>Whether the endpoint's own step was taken, and only it.</summary>
    private static bool Happened(Endpoint endpoint, State before, State after) => endpoint switch
    {
        Endpoint.Create => after == before with { CreatedPosts = before.CreatedPosts + 1 },
        Endpoint.Update => after.Title == "Bản nháp đã sửa" && after.Status == before.Status,
        Endpoint.AttachFile => before.Attachments == "" && after.Attachments == $"{AttachedTitle}: {OwnFile}" && after.Status == before.Status,
        // Never taken by anyone: another unit's file stays out of the post.
        Endpoint.AttachOtherUnitsFile => false,
        Endpoint.Submit => before.Status == PostStatus.Draft && after.Status == PostStatus.InReview,
        Endpoint.Publish => before.Status == PostStatus.InReview && after.Status == PostStatus.Published && after.PublicPage != before.PublicPage,
        Endpoint.EditPublished => after == before with
        {
            Version = after.Version, ChangeTitle = ProposedTitle, ChangeSlug = before.Slug, ChangeStatus = PostStatus.Draft,
            Revisions = before.Revisions + 1, AuditEntries = before.AuditEntries + 1,
        },
        Endpoint.ChangePublishedSlug => after == before with
        {
            Version = after.Version, ChangeTitle = before.Title, ChangeSlug = "duong-dan-moi", ChangeStatus = PostStatus.Draft,
            Revisions = before.Revisions + 1, AuditEntries = before.AuditEntries + 1,
        },
        Endpoint.SetPublishAt => after.PublishAt?.Year == 2030 && after.Status == PostStatus.Scheduled && after.Title == before.Title && after.ChangeStatus is null,
        Endpoint.SetUnpublishAt => after.UnpublishAt is not null && before.UnpublishAt is null && after.Title == before.Title && after.ChangeStatus is null,
        Endpoint.ApprovePendingChange => before.ChangeTitle is { } proposed && after.Title == proposed && after.ChangeStatus is null && after.PublicPage != before.PublicPage,
        Endpoint.DiscardPendingChange => after == before with { Version = after.Version, ChangeTitle = null, ChangeSlug = null, ChangeStatus = null, AuditEntries = before.AuditEntries + 1 },
        // Pages that only show something change nothing.
        _ => after == before,
    };

    private async Task<HttpResponseMessage> RequestAsync(HttpClient browser, Endpoint endpoint, int postId, State post)
    {
        var token = EditorSite.AntiforgeryToken(await browser.GetStringAsync("/quan-tri/dang-nhap"));
        var version = post.Version.ToString();
        FormUrlEncodedContent Form(params (string, string)[] fields) =>
            new(fields.Append(("__RequestVerificationToken", token)).ToDictionary(f => f.Item1, f => f.Item2));
        // What the edit form of the live post sends back, with one thing changed.
        FormUrlEncodedContent LiveForm(params (string, string)[] changed) =>
            Form(new[] { ("Version", version), ("Title", post.Title), ("Slug", post.Slug), ("BodyMarkdown", post.Body) }
                .Where(f => changed.All(c => c.Item1 != f.Item1)).Concat(changed).ToArray());
        string Local(DateTime utc) => VietnameseDate.FormatDateTime(utc);
        return endpoint switch
        {
            Endpoint.NewForm => await browser.GetAsync($"/quan-tri/bai-viet/moi?don-vi={Unit}"),
            Endpoint.Create => await browser.PostAsync("/quan-tri/bai-viet/moi", Form(("Unit", Unit), ("Kind", "Article"), ("Title", "Bài thử quyền"), ("BodyMarkdown", "Nội dung"))),
            Endpoint.EditForm => await browser.GetAsync($"/quan-tri/bai-viet/{postId}"),
            Endpoint.Update => await browser.PostAsync($"/quan-tri/bai-viet/{postId}", Form(("Version", version), ("Title", "Bản nháp đã sửa"), ("BodyMarkdown", "Nội dung"))),
            Endpoint.AttachFile or Endpoint.AttachOtherUnitsFile => await browser.PostAsync($"/quan-tri/bai-viet/{postId}", Form(
                ("Version", version), ("Title", post.Title), ("BodyMarkdown", post.Body), ("AttachmentIds", await FileOfAsync(endpoint == Endpoint.AttachFile ? Unit : AuthorizationMatrix.OtherUnit)),
                ($"AttachmentTitles[{await FileOfAsync(endpoint == Endpoint.AttachFile ? Unit : AuthorizationMatrix.OtherUnit)}]", AttachedTitle))),
            Endpoint.Submit => await browser.PostAsync($"/quan-tri/bai-viet/{postId}/buoc/Submit", Form(("version", version))),
            Endpoint.Publish or Endpoint.ApprovePendingChange => await browser.PostAsync($"/quan-tri/bai-viet/{postId}/buoc/Publish", Form(("version", version))),
            Endpoint.DiscardPendingChange => await browser.PostAsync($"/quan-tri/bai-viet/{postId}/buoc/Discard", Form(("version", version))),
            Endpoint.Preview => await browser.GetAsync($"/quan-tri/bai-viet/{postId}/xem-truoc"),
            Endpoint.Review => await browser.GetAsync($"/quan-tri/bai-viet/{postId}/duyet"),
            Endpoint.ChooseUnit => await browser.GetAsync("/quan-tri/bai-viet/moi"),
            Endpoint.DesignSystem => await browser.GetAsync("/quan-tri/giao-dien"),
            Endpoint.RenderBody => await browser.PostAsync("/quan-tri/xem-truoc-noi-dung", Form(("markdownText", "**Đậm**"))),
            Endpoint.EditPublished => await browser.PostAsync($"/quan-tri/bai-viet/{postId}", LiveForm(("Title", ProposedTitle))),
            Endpoint.ChangePublishedSlug => await browser.PostAsync($"/quan-tri/bai-viet/{postId}", LiveForm(("Slug", "duong-dan-moi"))),
            Endpoint.SetPublishAt => await browser.PostAsync($"/quan-tri/bai-viet/{postId}", LiveForm(("PublishAt", "2030-01-01T08:00"))),
            Endpoint.SetUnpublishAt => await browser.PostAsync($"/quan-tri/bai-viet/{postId}", LiveForm(("UnpublishAt", Local(DateTime.UtcNow.AddHours(-1))))),
            _ => await browser.GetAsync($"/quan-tri?don-vi={Unit}"),
        };
    }

    private const string AttachedTitle = "Tờ rơi";
    private const string OwnFile = "to-roi-ma-tran-" + Unit + ".pdf";

    /// <summary>The id of a PDF in a unit's library, added the first time a case asks for it.</summary>
    private Task<string> FileOfAsync(string unit) => site.WithDbAsync(async db =>
    {
        var name = $"to-roi-ma-tran-{unit}.pdf";
        var asset = await db.MediaAssets.FirstOrDefaultAsync(a => a.FileName == name);
        if (asset is null)
        {
            asset = new Content.Media.MediaAsset
            {
                UnitId = (await db.Units.SingleAsync(u => u.Slug == unit)).Id, FileName = name, ContentType = "application/pdf",
                StoragePath = $"x/{name}", Length = 2048, CreatedAt = DateTime.UtcNow,
            };
            db.MediaAssets.Add(asset);
            await db.SaveChangesAsync();
        }
        return asset.Id.ToString();
    });

    /// <summary>A fresh post per case, in the state the step starts from, so that one case never changes another's starting point.</summary>
    private Task<int> StartingPostAsync(Endpoint endpoint) => site.WithDbAsync(async db =>
    {
        var unit = await db.Units.SingleAsync(u => u.Slug == Unit);
        var now = DateTime.UtcNow;
        var live = endpoint is Endpoint.EditPublished or Endpoint.ChangePublishedSlug or Endpoint.SetPublishAt or Endpoint.SetUnpublishAt
            or Endpoint.ApprovePendingChange or Endpoint.DiscardPendingChange;
        var post = new Post
        {
            UnitId = unit.Id, Kind = PostKind.Article, Slug = $"bai-{Guid.NewGuid():N}", Title = "Bài kiểm thử quyền",
            BodyMarkdown = "Nội dung đã được duyệt.",
            Status = live ? PostStatus.Published : endpoint == Endpoint.Submit ? PostStatus.Draft : PostStatus.InReview,
            PublishAt = live ? now.AddDays(-1) : null,
            AuthorId = "someone-else", LastEditorId = "someone-else", ApproverId = live ? "another-approver" : null,
            CreatedAt = now, UpdatedAt = now, Version = Guid.NewGuid(),
        };
        if (endpoint is Endpoint.ApprovePendingChange or Endpoint.DiscardPendingChange)
        {
            var draft = PostDraft.Of(post) with { Title = "Tiêu đề thay đổi chờ duyệt", BodyMarkdown = "Nội dung thay đổi chờ duyệt." };
            var revision = new PostRevision { Number = 1, CreatedAt = now, UserId = "someone-else", Title = draft.Title, BodyMarkdown = draft.BodyMarkdown,
                FieldsJson = System.Text.Json.JsonSerializer.Serialize(draft with { Title = "", BodyMarkdown = "" }) };
            post.Revisions.Add(revision);
            post.PendingChange = new PendingChange
            {
                Revision = revision, Status = PostStatus.InReview, StartedById = "someone-else", LastEditorId = "someone-else", CreatedAt = now, UpdatedAt = now,
            };
        }
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return post.Id;
    });

    private async Task<State> StateAsync(int postId)
    {
        var state = await site.WithDbAsync(async db =>
        {
            var post = await db.Posts.AsNoTracking().Include(p => p.PendingChange).ThenInclude(c => c!.Revision).SingleAsync(p => p.Id == postId);
            var change = post.PendingChange is { } c ? RevisionComparison.ToDraft(c.Revision) : null;
            return new State(post.Title, post.Slug, post.BodyMarkdown, post.Status, post.PublishAt, post.UnpublishAt, post.Version,
                change?.Title, change?.Slug, post.PendingChange?.Status,
                await db.Set<PostRevision>().CountAsync(r => r.PostId == postId),
                await db.AuditEntries.CountAsync(e => e.ItemId == postId.ToString()),
                await db.Posts.CountAsync(p => p.Unit.Slug == Unit && p.Title == "Bài thử quyền"),
                string.Join(", ", await db.Set<Attachment>().Where(a => a.PostId == postId).OrderBy(a => a.SortOrder)
                    .Select(a => a.Title + ": " + a.MediaAsset.FileName).ToListAsync()), "", "");
        });
        var citizen = site.NewBrowser();
        return state with
        {
            PublicPage = await PublicAsync(citizen, PostKindSegments.PostUrl(Unit, PostKind.Article, state.Slug), "<main", "</main>"),
            Api = await PublicAsync(citizen, $"/api/v1/posts/{postId}", "", null),
        };
    }

    /// <summary>The status, and for a 200 the part of the answer that shows the post.</summary>
    private static async Task<string> PublicAsync(HttpClient citizen, string url, string from, string? to)
    {
        var response = await citizen.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
            return ((int)response.StatusCode).ToString();
        var body = await response.Content.ReadAsStringAsync();
        var start = body.IndexOf(from, StringComparison.Ordinal);
        return to is null ? body : body[start..(body.IndexOf(to, start, StringComparison.Ordinal) + to.Length)];
    }
}
