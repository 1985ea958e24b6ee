using CchcSite.Content.Accounts;
using CchcSite.Content.Data;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Posts;
using CchcSite.Content.Rendering;
using CchcSite.Content.Site;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Editor;

public sealed record PostEditPage(PostForm Form, int? PostId, PostStatus Status, string UnitName, string? ReviewNote,
    IReadOnlyList<Content.Media.MediaLibraryItem> Library,
    IReadOnlyList<(int Id, string Name)> Categories, IReadOnlyList<WorkflowStep> Steps, IReadOnlyList<PostRevision> Revisions,
    string? PublicUrl, bool Conflict, IReadOnlyList<Content.Plans.PlanItemChoice> PlanItems)
{
    /// <summary>Whether saving writes a pending change (readers have the post) instead of changing the post.</summary>
    public bool ChangesNeedReview { get; init; }
    /// <summary>The pending change and how it differs from the live text, when there is one.</summary>
    public PendingChangeView? Change { get; init; }
    /// <summary>Whether this user may move the times of a post whose changes are reviewed; the form shows them read-only otherwise.</summary>
    public bool MaySetPublishAt { get; init; } = true;
    public bool MaySetUnpublishAt { get; init; } = true;
    /// <summary>The post is marked "Tin nổi bật"; <see cref="MayFeature"/>: the user may publish here, so may set the mark.</summary>
    public bool Featured { get; init; }
    public bool MayFeature { get; init; }
    /// <summary>The unit's other published posts, by title, for "replaced by" when unpublishing.</summary>
    public IReadOnlyList<(int Id, string Title)> Replacements { get; init; } = [];
    /// <summary>Whether this user may upload to the unit's library, and so from this form (the library's own right).</summary>
    public bool MayUpload { get; init; }
    /// <summary>Where the transcoding of each library video offered stands, so an editor sees which are ready to play.</summary>
    public IReadOnlyDictionary<int, Content.Videos.TranscodeSummary> Transcodes { get; init; } = new Dictionary<int, Content.Videos.TranscodeSummary>();
}

/// <summary>A post's pending change as the edit page shows it; <see cref="LiveTitle"/> is what readers still see.</summary>
public sealed record PendingChangeView(PostStatus Status, int RevisionNumber, string LiveTitle, string? ReviewNote, DateTime UpdatedAt, IReadOnlyList<FieldDiff> Fields);

public sealed record PostReviewPage(PostEditPage Post, string BodyHtml);

public sealed record RevisionComparePage(int PostId, string Title, PostRevision Older, PostRevision Newer, IReadOnlyList<FieldDiff> Fields);

public sealed class EditorPostsController(PostEditing editing, UnitDirectory units, CurrentEditor editor,
    CchcDbContext db, PublishedPosts published, MarkdownRenderer markdown, Content.Media.MediaLibrary library,
    Content.Plans.PlanCompliance plans, Content.Videos.VideoTranscoding transcoding) : EditorController
{
    [HttpGet("/quan-tri/bai-viet/moi")]
    public async Task<IActionResult> New([FromQuery(Name = "don-vi")] string? donVi, [FromQuery(Name = "loai")] PostKind loai = PostKind.Article, CancellationToken ct = default)
    {
        // Without a unit the page asks which one, among those the person may write for, instead of refusing.
        if (string.IsNullOrEmpty(donVi))
        {
            var writable = Permissions.UnitsAllowing(await editor.GrantsAsync(), EditorAction.Edit);
            var choices = (await units.SubtreesAsync(writable, ct)).Where(u => writable is null || writable.Contains(u.Id)).ToList();
            return View("ChooseUnit", choices);
        }
        if (await UnitAllowingAsync(donVi, EditorAction.Edit, ct) is not { } unit)
            return Forbid();
        return View("Edit", await PageAsync(new PostForm { Kind = loai, Unit = unit.Slug }, null, ct));
    }

    [HttpPost("/quan-tri/bai-viet/moi")]
    public async Task<IActionResult> Create(PostForm form, CancellationToken ct)
    {
        if (await UnitAllowingAsync(form.Unit, EditorAction.Edit, ct) is not { } unit)
            return Forbid();
        if (Unreadable())
            return View("Edit", await PageAsync(form, null, ct));
        var outcome = await editing.CreateAsync(unit.Id, form.Kind, form.ToDraft(), editor.Actor, ct);
        return await AfterSaveAsync(outcome, form, null, "Đã lưu bản nháp.", ct);
    }

    [HttpGet("/quan-tri/bai-viet/{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var (post, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), p => p.UnitId, EditorAction.ReadDraft);
        if (post is null)
            return refusal!;
        // Those who read but never write (an overseer) get the read-only page rather than a form they could not save.
        if (!await MayAsync(post.UnitId, EditorAction.Edit))
            return Redirect($"/quan-tri/bai-viet/{id}/duyet");
        return View("Edit", await PageAsync(PostForm.From(post), post, ct));
    }

    [HttpPost("/quan-tri/bai-viet/{id:int}")]
    public async Task<IActionResult> Update(int id, PostForm form, CancellationToken ct)
    {
        var (post, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), p => p.UnitId, EditorAction.Edit);
        if (post is null)
            return refusal!;
        form.Kind = post.Kind;
        form.Unit = post.Unit.Slug;
        if (Unreadable())
            return View("Edit", await PageAsync(form, post, ct));
        var outcome = await editing.UpdateAsync(post, form.Version, form.ToDraft(), await editor.GrantsAsync(), editor.Actor, ct);
        return await AfterSaveAsync(outcome, form, post, "Đã lưu.", ct);
    }

    [HttpPost("/quan-tri/bai-viet/{id:int}/buoc/{step}")]
    public async Task<IActionResult> Step(int id, WorkflowStep step, Guid version, string? note, RetirementReason? reason, int? replacedBy, CancellationToken ct)
    {
        var (post, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), p => p.UnitId, PostWorkflow.ActionFor(step));
        if (post is null)
            return refusal!;
        var onChange = post.PendingChange is not null && step is not (WorkflowStep.Unpublish or WorkflowStep.Archive);
        var outcome = await editing.StepAsync(post, version, step, await editor.GrantsAsync(), editor.Actor, note, ct, reason, replacedBy);
        return MessageOutcome(outcome, $"/quan-tri/bai-viet/{id}",
            saved => onChange ? StepNames.ChangeDone(step) : $"Bài viết đã chuyển sang trạng thái \"{saved.Status.Vietnamese()}\".");
    }

    /// <summary>"Tin nổi bật": a decision of those who may publish in the post's unit, taken on the post's form page.</summary>
    [HttpPost("/quan-tri/bai-viet/{id:int}/noi-bat")]
    public async Task<IActionResult> Feature(int id, Guid version, bool featured, CancellationToken ct)
    {
        var (post, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), p => p.UnitId, EditorAction.Publish);
        if (post is null)
            return refusal!;
        var outcome = await editing.SetFeaturedAsync(post, version, featured, editor.Actor, ct);
        return MessageOutcome(outcome, $"/quan-tri/bai-viet/{id}",
            saved => saved.Featured ? "Đã đánh dấu tin nổi bật." : "Đã bỏ đánh dấu tin nổi bật.");
    }

    /// <summary>
    /// The approver's screen: the decision at the top (publish, send back with a note), then the change against the
    /// published version, then the post as readers will see it. Read-only; the steps shown are those the table allows.
    /// </summary>
    [HttpGet("/quan-tri/bai-viet/{id:int}/duyet")]
    public async Task<IActionResult> Review(int id, CancellationToken ct)
    {
        var (post, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), p => p.UnitId, EditorAction.ReadDraft);
        if (post is null)
            return refusal!;
        var form = PostForm.From(post);
        return View(new PostReviewPage(await PageAsync(form, post, ct), markdown.ToHtml(form.BodyMarkdown)));
    }

    /// <summary>Two revisions side by side, line by line: what changed in the title, the fields and the body.</summary>
    [HttpGet("/quan-tri/bai-viet/{id:int}/so-sanh")]
    public async Task<IActionResult> Compare(int id, [FromQuery(Name = "tu")] int from, [FromQuery(Name = "den")] int to, CancellationToken ct)
    {
        var (post, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), p => p.UnitId, EditorAction.ReadDraft);
        if (post is null)
            return refusal!;
        var revisions = await editing.RevisionsAsync(id, ct);
        if (revisions.FirstOrDefault(r => r.Number == from) is not { } older || revisions.FirstOrDefault(r => r.Number == to) is not { } newer)
            return NotFound();
        return View(new RevisionComparePage(id, post.Title, older, newer, RevisionComparison.Compare(older, newer)));
    }

    /// <summary>
    /// Saves an old revision's text again as the newest one; nothing is lost, the restore is itself a revision. The times
    /// stay as they are: a restore brings back text, not a schedule. On a post readers have, it becomes the pending change.
    /// </summary>
    [HttpPost("/quan-tri/bai-viet/{id:int}/phien-ban/{number:int}/khoi-phuc")]
    public async Task<IActionResult> Restore(int id, int number, Guid version, CancellationToken ct)
    {
        var (post, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), p => p.UnitId, EditorAction.Edit);
        if (post is null)
            return refusal!;
        if ((await editing.RevisionsAsync(id, ct)).FirstOrDefault(r => r.Number == number) is not { } revision)
            return NotFound();
        var draft = RevisionComparison.ToDraft(revision) with { PublishAt = post.PublishAt, UnpublishAt = post.UnpublishAt };
        var outcome = await editing.UpdateAsync(post, version, draft, await editor.GrantsAsync(), editor.Actor, ct);
        TempData["Message"] = outcome switch
        {
            Outcome<Post>.Ok { Value.PendingChange: not null } => $"Đã khôi phục phiên bản {number} thành thay đổi chờ duyệt; bản đang đăng giữ nguyên.",
            Outcome<Post>.Ok => $"Đã khôi phục phiên bản {number} thành phiên bản mới nhất.",
            Outcome<Post>.Conflict => "Chưa khôi phục được: bài viết vừa được người khác thay đổi. Vui lòng thử lại.",
            _ => "Chưa khôi phục được: " + outcome.Problem,
        };
        return Redirect($"/quan-tri/bai-viet/{id}");
    }

    /// <summary>The whole public page, drawn by the active theme, before the post is public.</summary>
    [HttpGet("/quan-tri/bai-viet/{id:int}/xem-truoc")]
    public async Task<IActionResult> Preview(int id, CancellationToken ct)
    {
        var unitId = await db.Posts.Where(p => p.Id == id).Select(p => (int?)p.UnitId).FirstOrDefaultAsync(ct);
        if (unitId is null)
            return NotFound();
        if (!await MayAsync(unitId.Value, EditorAction.ReadDraft))
            return Forbid();
        var post = (await published.PreviewAsync(id, ct))!;
        Response.Headers["X-Robots-Tag"] = "noindex";
        return View("/Views/Units/Post.cshtml", new PostPage(post, [new("Xem trước – chưa công khai", null)]));
    }

    /// <summary>The body rendered by the public pipeline, for the side-by-side preview while typing.</summary>
    [HttpPost("/quan-tri/xem-truoc-noi-dung")]
    public IActionResult RenderBody([FromForm] string? markdownText, [FromForm] string? kind = null) =>
        // An answer to a citizen is rendered by the answers' stricter pipeline, as the citizen will read it.
        Content(kind == "answer" ? markdown.AnswerToHtml(markdownText ?? "") : markdown.ToHtml(markdownText ?? ""), "text/html; charset=utf-8");

    private Task<IActionResult> AfterSaveAsync(Outcome<Post> outcome, PostForm form, Post? post, string message, CancellationToken ct) =>
        FormOutcomeAsync(outcome,
            saved =>
            {
                TempData["Message"] = saved.PendingChange is null ? message
                    : "Đã lưu thay đổi. Bản đang đăng giữ nguyên cho đến khi lãnh đạo duyệt thay đổi; hãy gửi duyệt khi sửa xong.";
                return Redirect($"/quan-tri/bai-viet/{saved.Id}");
            },
            async () => View("Edit", await PageAsync(form, post, ct)),
            async conflict =>
            {
                // Their text stays in the form; the current version number lets them save over it once they have looked.
                ModelState.AddModelError("", "Bài viết vừa được người khác lưu trong lúc bạn sửa. Nội dung của bạn vẫn ở dưới đây; hãy so với bản hiện tại (mở trong thẻ mới) rồi lưu lại.");
                form.Version = conflict.Current!.Version;
                return View("Edit", await PageAsync(form, conflict.Current, ct) with { Conflict = true });
            });

    private async Task<PostEditPage> PageAsync(PostForm form, Post? post, CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var grants = await editor.GrantsAsync();
        var steps = post is null ? [] : Enum.GetValues<WorkflowStep>()
            .Where(step => PostWorkflow.Check(post, step, grants, post.Unit.AllowSelfPublishing).Allowed).ToList();
        var unit = (await units.FindAsync(form.Unit ?? "", ct))?.Unit;
        var chosen = form.AttachmentIds.Concat(new[] { form.CoverImageId, form.Video.FileId }.OfType<int>()).ToList();
        var media = unit is null ? [] : await library.ChoicesAsync(unit.Id, chosen, ct);
        var reviewed = post is not null && PostWorkflow.ChangesNeedReview(post);
        return new PostEditPage(form, post?.Id, post?.Status ?? PostStatus.Draft, unit?.Name ?? "", post?.ReviewNote, media,
            categories.Select(c => (c.Id, c.Name)).ToList(), steps,
            post is null ? [] : await editing.RevisionsAsync(post.Id, ct),
            post is { Status: PostStatus.Published } ? PostKindSegments.PostUrl(post.Unit.Slug, post.Kind, post.Slug) : null, false,
            unit is null ? [] : await plans.ChoicesAsync([unit.Id], ct))
        {
            ChangesNeedReview = reviewed,
            Change = post?.PendingChange is { } change
                ? new PendingChangeView(change.Status, change.Revision.Number, post.Title, change.ReviewNote, change.UpdatedAt, RevisionComparison.ChangeAgainstLive(post))
                : null,
            MayUpload = unit is not null && await MayAsync(unit.Id, EditorAction.Upload),
            Transcodes = form.Kind == PostKind.Video ? await transcoding.SummariesAsync(media.Where(m => m.IsVideo).Select(m => m.Id).ToList(), ct)
                : new Dictionary<int, Content.Videos.TranscodeSummary>(),
            MaySetPublishAt = !reviewed || Permissions.Allows(grants, EditorAction.Publish, post!.UnitId),
            MaySetUnpublishAt = !reviewed || Permissions.Allows(grants, EditorAction.Unpublish, post!.UnitId),
            Featured = post is { Featured: true },
            MayFeature = post is not null && Permissions.Allows(grants, EditorAction.Publish, post.UnitId),
            Replacements = post is null || !steps.Contains(WorkflowStep.Unpublish) ? []
                : (await db.Posts.AsNoTracking().Where(p => p.UnitId == post.UnitId && p.Id != post.Id && p.Status == PostStatus.Published)
                    .Select(p => new { p.Id, p.Title }).ToListAsync(ct))
                    .OrderBy(p => p.Title, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false)).Select(p => (p.Id, p.Title)).ToList(),
        };
    }

    private async Task<UnitRef?> UnitAllowingAsync(string? slug, EditorAction action, CancellationToken ct) =>
        await units.FindAsync(slug ?? "", ct) is { } unit && await MayAsync(unit.Unit.Id, action) ? unit.Unit : null;
}
