using CchcSite.Content.Outcomes;
using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Tests;

public class WorkflowTests
{
    private const int Unit = 7;
    private static readonly UserGrants Writer = new("writer", true, false, [(Unit, UnitRole.Editor)]);
    private static readonly UserGrants Approver = new("approver", true, false, [(Unit, UnitRole.Approver)]);
    private static readonly DateTime Now = new(2022, 6, 15, 3, 0, 0, DateTimeKind.Utc);

    private static Post PostIn(PostStatus status, string author = "writer") =>
        new() { UnitId = Unit, Slug = "bai", Title = "Bài", Status = status, AuthorId = author, LastEditorId = author };

    [Theory]
    [InlineData(PostStatus.Draft, WorkflowStep.Submit, true)]
    [InlineData(PostStatus.InReview, WorkflowStep.Submit, false)]
    [InlineData(PostStatus.Published, WorkflowStep.Submit, false)]
    [InlineData(PostStatus.Draft, WorkflowStep.Publish, false)]
    [InlineData(PostStatus.InReview, WorkflowStep.Publish, true)]
    [InlineData(PostStatus.InReview, WorkflowStep.SendBack, true)]
    [InlineData(PostStatus.Published, WorkflowStep.Unpublish, true)]
    [InlineData(PostStatus.Scheduled, WorkflowStep.Unpublish, true)]
    [InlineData(PostStatus.Draft, WorkflowStep.Unpublish, false)]
    [InlineData(PostStatus.Unpublished, WorkflowStep.Archive, true)]
    [InlineData(PostStatus.Unpublished, WorkflowStep.BackToDraft, true)]
    [InlineData(PostStatus.Archived, WorkflowStep.Publish, false)]
    public void Steps_are_taken_only_from_their_states(PostStatus from, WorkflowStep step, bool allowed)
    {
        var admin = new UserGrants("admin", true, true, []);
        Assert.Equal(allowed, PostWorkflow.Check(PostIn(from), step, admin, unitAllowsSelfPublishing: false).Allowed);
    }

    [Fact]
    public void An_editor_submits_but_cannot_publish()
    {
        Assert.True(PostWorkflow.Check(PostIn(PostStatus.Draft), WorkflowStep.Submit, Writer, false).Allowed);
        var refused = PostWorkflow.Check(PostIn(PostStatus.InReview), WorkflowStep.Publish, Writer, false);
        Assert.False(refused.Allowed);
        Assert.Contains("không có quyền", refused.Reason);
    }

    [Fact]
    public void Two_person_review_stops_an_approver_publishing_their_own_or_last_edited_work()
    {
        Assert.True(PostWorkflow.Check(PostIn(PostStatus.InReview), WorkflowStep.Publish, Approver, false).Allowed);
        Assert.False(PostWorkflow.Check(PostIn(PostStatus.InReview, author: "approver"), WorkflowStep.Publish, Approver, false).Allowed);
        var lastEdited = PostIn(PostStatus.InReview);
        lastEdited.LastEditorId = "approver";
        var refused = PostWorkflow.Check(lastEdited, WorkflowStep.Publish, Approver, false);
        Assert.False(refused.Allowed);
        Assert.Contains("hai người", refused.Reason);
        Assert.True(PostWorkflow.Check(lastEdited, WorkflowStep.Publish, Approver, unitAllowsSelfPublishing: true).Allowed);
    }

    [Fact]
    public void Another_units_approver_can_do_nothing()
    {
        var stranger = new UserGrants("x", true, false, [(Unit + 1, UnitRole.Approver)]);
        Assert.All(Enum.GetValues<WorkflowStep>(), step =>
            Assert.False(PostWorkflow.Check(PostIn(PostStatus.InReview), step, stranger, true).Allowed));
    }

    [Fact]
    public void Publishing_with_a_future_time_schedules_and_without_one_publishes_now()
    {
        var now = PostIn(PostStatus.InReview);
        PostWorkflow.Apply(now, WorkflowStep.Publish, "approver", Now, null);
        Assert.Equal((PostStatus.Published, Now, "approver"), (now.Status, now.PublishAt!.Value, now.ApproverId));

        var later = PostIn(PostStatus.InReview);
        later.PublishAt = Now.AddDays(2);
        PostWorkflow.Apply(later, WorkflowStep.Publish, "approver", Now, null);
        Assert.Equal(PostStatus.Scheduled, later.Status);
    }

    private static Post LiveWithChange(PostStatus changeStatus, string startedBy = "writer", string lastEditor = "writer")
    {
        var post = PostIn(PostStatus.Published, author: "someone");
        post.PublishAt = Now.AddDays(-1);
        post.UpdatedAt = Now.AddDays(-1);
        post.PendingChange = new PendingChange { Status = changeStatus, StartedById = startedBy, LastEditorId = lastEditor, Revision = new PostRevision { Title = "Mới", FieldsJson = "{}" } };
        return post;
    }

    [Theory]
    [InlineData(PostStatus.Draft, WorkflowStep.Submit, true)]
    [InlineData(PostStatus.Draft, WorkflowStep.Publish, false)]
    [InlineData(PostStatus.Draft, WorkflowStep.SendBack, false)]
    [InlineData(PostStatus.InReview, WorkflowStep.Submit, false)]
    [InlineData(PostStatus.InReview, WorkflowStep.Publish, true)]
    [InlineData(PostStatus.InReview, WorkflowStep.SendBack, true)]
    [InlineData(PostStatus.Draft, WorkflowStep.Discard, true)]
    [InlineData(PostStatus.InReview, WorkflowStep.Discard, true)]
    [InlineData(PostStatus.InReview, WorkflowStep.Unpublish, true)]
    public void A_pending_change_takes_the_review_steps_and_the_live_post_keeps_its_own(PostStatus change, WorkflowStep step, bool allowed)
    {
        var admin = new UserGrants("admin", true, true, []);
        Assert.Equal(allowed, PostWorkflow.Check(LiveWithChange(change), step, admin, unitAllowsSelfPublishing: false).Allowed);
    }

    [Fact]
    public void Without_a_pending_change_a_live_post_cannot_be_submitted_approved_or_discarded()
    {
        var admin = new UserGrants("admin", true, true, []);
        Assert.All(new[] { WorkflowStep.Submit, WorkflowStep.Publish, WorkflowStep.SendBack, WorkflowStep.Discard },
            step => Assert.False(PostWorkflow.Check(PostIn(PostStatus.Published), step, admin, false).Allowed));
    }

    [Fact]
    public void Two_person_review_holds_for_a_change_as_for_a_first_publication()
    {
        Assert.True(PostWorkflow.Check(LiveWithChange(PostStatus.InReview), WorkflowStep.Publish, Approver, false).Allowed);
        var started = PostWorkflow.Check(LiveWithChange(PostStatus.InReview, startedBy: "approver"), WorkflowStep.Publish, Approver, false);
        Assert.False(started.Allowed);
        Assert.Contains("hai người", started.Reason);
        Assert.False(PostWorkflow.Check(LiveWithChange(PostStatus.InReview, lastEditor: "approver"), WorkflowStep.Publish, Approver, false).Allowed);
        Assert.True(PostWorkflow.Check(LiveWithChange(PostStatus.InReview, lastEditor: "approver"), WorkflowStep.Publish, Approver, unitAllowsSelfPublishing: true).Allowed);
        // Having written the post once does not stop an approver reviewing someone else's change of it.
        var ownPost = LiveWithChange(PostStatus.InReview);
        ownPost.AuthorId = "approver";
        Assert.True(PostWorkflow.Check(ownPost, WorkflowStep.Publish, Approver, false).Allowed);
        Assert.False(PostWorkflow.Check(LiveWithChange(PostStatus.InReview, "other", "other"), WorkflowStep.Publish, Writer, false).Allowed);
    }

    [Theory]
    [InlineData(PostStatus.Draft, false, false)]
    [InlineData(PostStatus.InReview, false, false)]
    [InlineData(PostStatus.Published, false, true)]
    [InlineData(PostStatus.Scheduled, false, true)]
    [InlineData(PostStatus.Unpublished, false, false)]
    [InlineData(PostStatus.Unpublished, true, true)]
    public void Saves_are_reviewed_once_readers_have_the_post_or_while_a_change_is_pending(PostStatus status, bool hasChange, bool reviewed)
    {
        var post = PostIn(status);
        post.PendingChange = hasChange ? new PendingChange() : null;
        Assert.Equal(reviewed, PostWorkflow.ChangesNeedReview(post));
    }

    [Fact]
    public void Only_who_may_publish_moves_the_publication_time_and_only_who_may_unpublish_the_unpublish_time()
    {
        var post = LiveWithChange(PostStatus.Draft);
        var same = PostDraft.Of(post) with { PublishAt = post.PublishAt!.Value.AddSeconds(30 - post.PublishAt.Value.Second) };
        Assert.Empty(PostWorkflow.CheckTimes(post, same, Writer));
        Assert.Empty(PostWorkflow.CheckTimes(post, same with { PublishAt = null }, Writer));
        Assert.Equal(["PublishAt"], PostWorkflow.CheckTimes(post, same with { PublishAt = new DateTime(2030, 1, 1) }, Writer).Keys);
        Assert.Equal(["UnpublishAt"], PostWorkflow.CheckTimes(post, same with { UnpublishAt = Now.AddMinutes(-1) }, Writer).Keys);
        post.UnpublishAt = Now.AddDays(30);
        Assert.Equal(["UnpublishAt"], PostWorkflow.CheckTimes(post, PostDraft.Of(post) with { UnpublishAt = null }, Writer).Keys);
        Assert.Empty(PostWorkflow.CheckTimes(post, PostDraft.Of(post) with { PublishAt = new DateTime(2030, 1, 1), UnpublishAt = null }, Approver));
    }

    [Fact]
    public void Moving_a_live_posts_publication_time_ahead_schedules_it_and_back_publishes_it()
    {
        var post = PostIn(PostStatus.Published);
        post.PublishAt = Now.AddDays(-1);
        Assert.True(PostWorkflow.Reschedule(post, PostDraft.Of(post) with { PublishAt = new DateTime(2030, 1, 1) }, Now));
        Assert.Equal(PostStatus.Scheduled, post.Status);
        Assert.True(PostWorkflow.Reschedule(post, PostDraft.Of(post) with { PublishAt = Now.AddHours(-1) }, Now));
        Assert.Equal(PostStatus.Published, post.Status);
        Assert.False(PostWorkflow.Reschedule(post, PostDraft.Of(post), Now));
    }

    [Fact]
    public void Review_steps_on_a_change_leave_the_live_post_alone_and_approval_ends_the_change()
    {
        var post = LiveWithChange(PostStatus.Draft, lastEditor: "writer2");
        PostWorkflow.Apply(post, WorkflowStep.Submit, "writer", Now, null);
        Assert.Equal((PostStatus.InReview, PostStatus.Published, Now.AddDays(-1)), (post.PendingChange!.Status, post.Status, post.UpdatedAt));
        PostWorkflow.Apply(post, WorkflowStep.SendBack, "approver", Now, "Bỏ đường dẫn lạ.");
        Assert.Equal((PostStatus.Draft, "Bỏ đường dẫn lạ.", (string?)null), (post.PendingChange!.Status, post.PendingChange.ReviewNote, post.ReviewNote));

        var scheduled = LiveWithChange(PostStatus.InReview, lastEditor: "writer2");
        scheduled.Status = PostStatus.Scheduled;
        scheduled.PublishAt = Now.AddDays(3);
        PostWorkflow.Apply(scheduled, WorkflowStep.Publish, "approver", Now, null);
        Assert.Equal((PostStatus.Scheduled, Now.AddDays(3), "approver", "writer2", (PendingChange?)null),
            (scheduled.Status, scheduled.PublishAt!.Value, scheduled.ApproverId, scheduled.LastEditorId, scheduled.PendingChange));
    }

    [Fact]
    public void Sending_back_keeps_the_approvers_comment()
    {
        var post = PostIn(PostStatus.InReview);
        PostWorkflow.Apply(post, WorkflowStep.SendBack, "approver", Now, "Bổ sung số liệu tháng 6.");
        Assert.Equal((PostStatus.Draft, "Bổ sung số liệu tháng 6."), (post.Status, post.ReviewNote));
    }
}

public class PostEditingTests
{
    private static readonly Actor Writer = new("writer", "writer@cchc.test", "127.0.0.1");

    /// <summary>Saves of posts no reader has seen ask nothing of the user's grants; the caller checked the right to edit.</summary>
    private static UserGrants EditorIn(int unitId, string userId = "writer") => new(userId, true, false, [(unitId, UnitRole.Editor)]);

    private static PostDraft Draft(string title, string body = "Nội dung.") =>
        new(title, null, "Tóm tắt", body, null, Audience.All, ["tuyên truyền", "CCHC"], null, null, null, null, null);

    [Fact]
    public async Task Creating_stores_a_draft_with_a_unique_slug_and_a_first_revision()
    {
        await using var database = await TestDatabase.CreateAsync();
        var unit = await database.AddUnitAsync("so-a");
        await database.AddPostAsync(unit, "duong-day-nong", PostStatus.Published, null);

        await using var db = database.NewContext();
        var editing = database.NewPostEditing(db);
        var saved = Assert.IsType<Outcome<Post>.Ok>(await editing.CreateAsync(unit.Id, PostKind.Article, Draft("Đường dây nóng"), Writer, CancellationToken.None));

        Assert.Equal("duong-day-nong-2", saved.Value.Slug);
        Assert.Equal((PostStatus.Draft, "writer", "writer"), (saved.Value.Status, saved.Value.AuthorId, saved.Value.LastEditorId));
        var revision = Assert.Single(await editing.RevisionsAsync(saved.Value.Id, CancellationToken.None));
        Assert.Equal((1, "Đường dây nóng"), (revision.Number, revision.Title));
        Assert.Equal(2, await db.Tags.CountAsync());
    }

    [Fact]
    public async Task Every_save_adds_a_revision()
    {
        await using var database = await TestDatabase.CreateAsync();
        var unit = await database.AddUnitAsync("so-a");
        int id;
        await using (var db = database.NewContext())
            id = ((Outcome<Post>.Ok)await database.NewPostEditing(db).CreateAsync(unit.Id, PostKind.Article, Draft("Bản 1"), Writer, CancellationToken.None)).Value.Id;
        for (var n = 2; n <= 3; n++)
        {
            await using var db = database.NewContext();
            var editing = database.NewPostEditing(db);
            var post = (await editing.FindAsync(id, CancellationToken.None))!;
            Assert.IsType<Outcome<Post>.Ok>(await editing.UpdateAsync(post, post.Version, Draft($"Bản {n}"), EditorIn(unit.Id), Writer, CancellationToken.None));
        }
        await using var check = database.NewContext();
        var revisions = await database.NewPostEditing(check).RevisionsAsync(id, CancellationToken.None);
        Assert.Equal(["Bản 3", "Bản 2", "Bản 1"], revisions.Select(r => r.Title));
        Assert.Equal([3, 2, 1], revisions.Select(r => r.Number));
    }

    [Fact]
    public async Task The_second_of_two_concurrent_saves_gets_a_conflict_and_writes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var unit = await database.AddUnitAsync("so-a");
        int id;
        await using (var db = database.NewContext())
            id = ((Outcome<Post>.Ok)await database.NewPostEditing(db).CreateAsync(unit.Id, PostKind.Article, Draft("Gốc"), new Actor("a", "a@cchc.test", null), CancellationToken.None)).Value.Id;

        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var editA = database.NewPostEditing(first);
        var editB = database.NewPostEditing(second);
        var postA = (await editA.FindAsync(id, CancellationToken.None))!;
        var postB = (await editB.FindAsync(id, CancellationToken.None))!;
        var startedFrom = postB.Version;

        Assert.IsType<Outcome<Post>.Ok>(await editA.UpdateAsync(postA, postA.Version, Draft("Bản của A"), EditorIn(unit.Id, "a"), new Actor("a", "a@cchc.test", null), CancellationToken.None));
        var conflict = Assert.IsType<Outcome<Post>.Conflict>(await editB.UpdateAsync(postB, startedFrom, Draft("Bản của B"), EditorIn(unit.Id, "b"), new Actor("b", "b@cchc.test", null), CancellationToken.None));

        Assert.Equal("Bản của A", conflict.Current!.Title);
        await using var check = database.NewContext();
        Assert.Equal("Bản của A", (await check.Posts.SingleAsync(p => p.Id == id)).Title);
        Assert.Equal(2, await check.Set<PostRevision>().CountAsync(r => r.PostId == id));
    }

    [Fact]
    public async Task Invalid_drafts_are_refused_with_vietnamese_messages_and_nothing_is_stored()
    {
        await using var database = await TestDatabase.CreateAsync();
        var unit = await database.AddUnitAsync("so-a");
        await using var db = database.NewContext();
        var draft = Draft("") with { Slug = "Có Dấu", PublishAt = new DateTime(2022, 1, 2), UnpublishAt = new DateTime(2022, 1, 1) };
        var invalid = Assert.IsType<Outcome<Post>.Invalid>(await database.NewPostEditing(db).CreateAsync(unit.Id, PostKind.Article, draft, new Actor("a", "a@cchc.test", null), CancellationToken.None));
        Assert.Equal(["Slug", "Title", "UnpublishAt"], invalid.Errors.Keys.Order());
        var unknownCategory = Assert.IsType<Outcome<Post>.Invalid>(await database.NewPostEditing(db).CreateAsync(unit.Id, PostKind.Article, Draft("Bài") with { CategoryId = 999 }, Writer, CancellationToken.None));
        Assert.Equal(["CategoryId"], unknownCategory.Errors.Keys);
        Assert.Equal(0, await db.Posts.CountAsync());
    }

    [Fact]
    public async Task A_submitted_post_published_by_a_second_person_becomes_public()
    {
        await using var database = await TestDatabase.CreateAsync();
        var unit = await database.AddUnitAsync("so-a");
        var writer = new UserGrants("writer", true, false, [(unit.Id, UnitRole.Editor)]);
        var approver = new UserGrants("approver", true, false, [(unit.Id, UnitRole.Approver)]);
        int id;
        await using (var db = database.NewContext())
            id = ((Outcome<Post>.Ok)await database.NewPostEditing(db).CreateAsync(unit.Id, PostKind.Article, Draft("Bài mới"), Writer, CancellationToken.None)).Value.Id;

        await using (var db = database.NewContext())
        {
            var editing = database.NewPostEditing(db);
            var post = (await editing.FindAsync(id, CancellationToken.None))!;
            Assert.IsType<Outcome<Post>.Ok>(await editing.StepAsync(post, post.Version, WorkflowStep.Submit, writer, Writer, null, CancellationToken.None));
            Assert.IsType<Outcome<Post>.Refused>(await editing.StepAsync(post, post.Version, WorkflowStep.Publish, writer, Writer, null, CancellationToken.None));
            Assert.IsType<Outcome<Post>.Ok>(await editing.StepAsync(post, post.Version, WorkflowStep.Publish, approver, new Actor("approver", "approver@cchc.test", null), null, CancellationToken.None));
        }
        await using var check = database.NewContext();
        Assert.NotNull(await database.NewPublishedPosts(check).FindAsync("so-a", "bai-moi", CancellationToken.None));
        var log = await check.AuditEntries.OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([AuditActions.PostCreated, AuditActions.PostStep, AuditActions.PostStep], log.Select(e => e.Action));
        Assert.Equal(("writer", "127.0.0.1", id.ToString(), unit.Id), (log[0].UserId, log[0].Address, log[0].ItemId, log[0].UnitId!.Value));
        Assert.Contains("Chờ duyệt → Đã đăng", log[2].Summary);
        Assert.Equal("approver", log[2].UserId);
    }

    [Fact]
    public async Task A_refused_or_conflicting_change_leaves_no_audit_entry()
    {
        await using var database = await TestDatabase.CreateAsync();
        var unit = await database.AddUnitAsync("so-a");
        await using var db = database.NewContext();
        var editing = database.NewPostEditing(db);
        Assert.IsType<Outcome<Post>.Invalid>(await editing.CreateAsync(unit.Id, PostKind.Article, Draft(""), Writer, CancellationToken.None));
        var post = ((Outcome<Post>.Ok)await editing.CreateAsync(unit.Id, PostKind.Article, Draft("Bài"), Writer, CancellationToken.None)).Value;
        Assert.IsType<Outcome<Post>.Conflict>(await editing.UpdateAsync(post, Guid.NewGuid(), Draft("Bài sửa"), EditorIn(unit.Id), Writer, CancellationToken.None));
        await using var check = database.NewContext();
        Assert.Equal([AuditActions.PostCreated], await check.AuditEntries.Select(e => e.Action).ToListAsync());
    }
}

/// <summary>Saves of a post readers have: a pending change that only an approval makes public (issue 13, finding 1).</summary>
public class LivePostEditingTests
{
    private static readonly Actor EditorActor = new("writer", "writer@cchc.test", null);
    private static readonly Actor FirstApproverActor = new("approver", "approver@cchc.test", null);
    private static readonly Actor SecondApproverActor = new("approver2", "approver2@cchc.test", null);

    private static UserGrants As(string userId, int unitId, UnitRole role) => new(userId, true, false, [(unitId, role)]);

    private static async Task<(TestDatabase Database, Units.Unit Unit, Post Live)> LivePostAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var unit = await database.AddUnitAsync("so-a");
        var live = await database.AddPostAsync(unit, "dang-cong-khai", PostStatus.Published, database.Clock.GetUtcNow().UtcDateTime.AddDays(-1));
        return (database, unit, live);
    }

    private static async Task<T> WithEditingAsync<T>(TestDatabase database, int postId, Func<PostEditing, Post, Task<T>> action)
    {
        await using var db = database.NewContext();
        var editing = database.NewPostEditing(db);
        return await action(editing, (await editing.FindAsync(postId, CancellationToken.None))!);
    }

    private static Task<Outcome<Post>> SaveAsync(TestDatabase database, int postId, UserGrants user, Actor actor, Func<PostDraft, PostDraft> change) =>
        WithEditingAsync(database, postId, (editing, post) =>
            editing.UpdateAsync(post, post.Version, change(PostDraft.Editable(post)), user, actor, CancellationToken.None));

    private static Task<Outcome<Post>> StepAsync(TestDatabase database, int postId, WorkflowStep step, UserGrants user, Actor actor) =>
        WithEditingAsync(database, postId, (editing, post) => editing.StepAsync(post, post.Version, step, user, actor, null, CancellationToken.None));

    [Fact]
    public async Task An_editors_save_of_a_live_post_becomes_a_pending_change_and_the_live_text_stays_until_another_approver_approves_it()
    {
        var (database, unit, live) = await LivePostAsync();
        await using var _ = database;
        var editor = As("writer", unit.Id, UnitRole.Editor);
        int categoryId;
        await using (var db = database.NewContext())
        {
            var category = new Categories.Category { Slug = "linh-vuc", Name = "Lĩnh vực" };
            db.Categories.Add(category);
            await db.SaveChangesAsync();
            categoryId = category.Id;
        }

        var saved = Assert.IsType<Outcome<Post>.Ok>(await SaveAsync(database, live.Id, editor, EditorActor, d => d with
        {
            Title = "Tiêu đề đã sửa", BodyMarkdown = "Xem [đây](https://gia-mao.example/).", Summary = "Tóm tắt mới", Slug = "duong-dan-moi",
            Tags = ["mới"], CategoryId = categoryId,
        }));
        Assert.Equal(PostStatus.Draft, saved.Value.PendingChange!.Status);

        await using (var check = database.NewContext())
        {
            var post = await check.Posts.Include(p => p.Tags).SingleAsync(p => p.Id == live.Id);
            Assert.Equal((live.Title, live.BodyMarkdown, "dang-cong-khai", PostStatus.Published, live.UpdatedAt, (int?)null),
                (post.Title, post.BodyMarkdown, post.Slug, post.Status, post.UpdatedAt, post.CategoryId));
            Assert.Empty(post.Tags);
            Assert.Equal(live.Title, (await database.NewPublishedPosts(check).FindAsync("so-a", "dang-cong-khai", CancellationToken.None))!.Card.Title);
        }

        // Neither the editor nor the approver who edited last may approve it; another approver may, once it is submitted.
        Assert.IsType<Outcome<Post>.Refused>(await StepAsync(database, live.Id, WorkflowStep.Publish, As("approver2", unit.Id, UnitRole.Approver), SecondApproverActor));
        Assert.IsType<Outcome<Post>.Ok>(await StepAsync(database, live.Id, WorkflowStep.Submit, editor, EditorActor));
        Assert.IsType<Outcome<Post>.Refused>(await StepAsync(database, live.Id, WorkflowStep.Publish, editor, EditorActor));
        Assert.IsType<Outcome<Post>.Ok>(await SaveAsync(database, live.Id, As("approver", unit.Id, UnitRole.Approver), FirstApproverActor, d => d with { Summary = "Tóm tắt lãnh đạo sửa" }));
        var own = Assert.IsType<Outcome<Post>.Refused>(await StepAsync(database, live.Id, WorkflowStep.Publish, As("approver", unit.Id, UnitRole.Approver), FirstApproverActor));
        Assert.Contains("hai người", own.Reason);
        Assert.IsType<Outcome<Post>.Ok>(await StepAsync(database, live.Id, WorkflowStep.Publish, As("approver2", unit.Id, UnitRole.Approver), SecondApproverActor));

        await using var after = database.NewContext();
        var approved = await after.Posts.Include(p => p.Tags).Include(p => p.PendingChange).SingleAsync(p => p.Id == live.Id);
        Assert.Equal(("Tiêu đề đã sửa", "Xem [đây](https://gia-mao.example/).", "Tóm tắt lãnh đạo sửa", "duong-dan-moi", (int?)categoryId, "approver2", "approver"),
            (approved.Title, approved.BodyMarkdown, approved.Summary, approved.Slug, approved.CategoryId, approved.ApproverId, approved.LastEditorId));
        Assert.Equal(["mới"], approved.Tags.Select(t => t.Name));
        Assert.Equal((PostStatus.Published, live.PublishAt), (approved.Status, approved.PublishAt));
        Assert.Null(approved.PendingChange);
        Assert.Equal("dang-cong-khai", (await after.Set<PostSlugHistory>().SingleAsync(h => h.PostId == live.Id)).Slug);
        Assert.Equal("Tiêu đề đã sửa", (await database.NewPublishedPosts(after).FindAsync("so-a", "duong-dan-moi", CancellationToken.None))!.Card.Title);
    }

    [Fact]
    public async Task An_editor_cannot_move_the_times_of_a_live_post_and_nothing_is_stored_when_they_try()
    {
        var (database, unit, live) = await LivePostAsync();
        await using var _ = database;
        var editor = As("writer", unit.Id, UnitRole.Editor);
        var now = database.Clock.GetUtcNow().UtcDateTime;

        var offline = Assert.IsType<Outcome<Post>.Invalid>(await SaveAsync(database, live.Id, editor, EditorActor,
            d => d with { Title = "Sửa kèm gỡ", UnpublishAt = now.AddMinutes(-5) }));
        Assert.Equal(["UnpublishAt"], offline.Errors.Keys);
        var later = Assert.IsType<Outcome<Post>.Invalid>(await SaveAsync(database, live.Id, editor, EditorActor,
            d => d with { PublishAt = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc) }));
        Assert.Equal(["PublishAt"], later.Errors.Keys);

        await using var check = database.NewContext();
        var post = await check.Posts.Include(p => p.PendingChange).SingleAsync(p => p.Id == live.Id);
        Assert.Equal((live.Version, live.PublishAt, (DateTime?)null), (post.Version, post.PublishAt, post.UnpublishAt));
        Assert.Null(post.PendingChange);
        Assert.Equal(0, await check.Set<PostRevision>().CountAsync());
        Assert.NotNull(await database.NewPublishedPosts(check).FindAsync(live.Id, CancellationToken.None));
    }

    [Fact]
    public async Task An_approver_moves_the_times_at_once_and_a_save_that_changes_no_text_leaves_no_pending_change()
    {
        var (database, unit, live) = await LivePostAsync();
        await using var _ = database;
        var approver = As("approver", unit.Id, UnitRole.Approver);
        var in2030 = new DateTime(2030, 1, 1, 1, 0, 0, DateTimeKind.Utc);

        Assert.IsType<Outcome<Post>.Ok>(await SaveAsync(database, live.Id, approver, FirstApproverActor, d => d with { PublishAt = null }));
        Assert.IsType<Outcome<Post>.Ok>(await SaveAsync(database, live.Id, approver, FirstApproverActor, d => d with { PublishAt = in2030 }));

        await using var check = database.NewContext();
        var post = await check.Posts.Include(p => p.PendingChange).SingleAsync(p => p.Id == live.Id);
        Assert.Equal((PostStatus.Scheduled, in2030), (post.Status, post.PublishAt!.Value));
        Assert.Null(post.PendingChange);
        Assert.Null(await database.NewPublishedPosts(check).FindAsync(live.Id, CancellationToken.None));
        Assert.Contains("thời điểm đăng", (await check.AuditEntries.SingleAsync()).Summary);
    }

    [Fact]
    public async Task A_discarded_change_leaves_the_live_text_and_keeps_its_revision_in_the_history()
    {
        var (database, unit, live) = await LivePostAsync();
        await using var _ = database;
        var editor = As("writer", unit.Id, UnitRole.Editor);
        await SaveAsync(database, live.Id, editor, EditorActor, d => d with { Title = "Sẽ bị hủy" });
        await SaveAsync(database, live.Id, editor, EditorActor, d => d with { BodyMarkdown = "Sửa tiếp thay đổi." });
        Assert.Equal("Sẽ bị hủy", await WithEditingAsync(database, live.Id, (_, post) => Task.FromResult(PostDraft.Editable(post).Title)));

        Assert.IsType<Outcome<Post>.Ok>(await StepAsync(database, live.Id, WorkflowStep.Discard, editor, EditorActor));

        await using var check = database.NewContext();
        var post = await check.Posts.Include(p => p.PendingChange).SingleAsync(p => p.Id == live.Id);
        Assert.Equal((live.Title, (PendingChange?)null), (post.Title, post.PendingChange));
        Assert.Equal(2, await check.Set<PostRevision>().CountAsync(r => r.PostId == live.Id));
        Assert.IsType<Outcome<Post>.Refused>(await StepAsync(database, live.Id, WorkflowStep.Discard, editor, EditorActor));
    }

    [Fact]
    public async Task A_change_still_pending_when_the_post_is_taken_down_becomes_its_text_when_it_goes_back_to_draft()
    {
        var (database, unit, live) = await LivePostAsync();
        await using var _ = database;
        var approver = As("approver", unit.Id, UnitRole.Approver);
        await SaveAsync(database, live.Id, As("writer", unit.Id, UnitRole.Editor), EditorActor, d => d with { Title = "Bản sửa chưa duyệt" });
        Assert.IsType<Outcome<Post>.Ok>(await WithEditingAsync(database, live.Id, (editing, post) =>
            editing.StepAsync(post, post.Version, WorkflowStep.Unpublish, approver, FirstApproverActor, null, CancellationToken.None, RetirementReason.PublishedInError)));
        Assert.Equal((PostStatus.Unpublished, live.Title, true),
            await WithEditingAsync(database, live.Id, (_, post) => Task.FromResult((post.Status, post.Title, post.PendingChange is not null))));

        Assert.IsType<Outcome<Post>.Ok>(await StepAsync(database, live.Id, WorkflowStep.BackToDraft, approver, FirstApproverActor));

        Assert.Equal((PostStatus.Draft, "Bản sửa chưa duyệt", false),
            await WithEditingAsync(database, live.Id, (_, post) => Task.FromResult((post.Status, post.Title, post.PendingChange is not null))));
    }
}

public class RevisionComparisonTests
{
    private static PostRevision Revision(int number, string title, string body, PostDraft fields) =>
        new() { Number = number, Title = title, BodyMarkdown = body, FieldsJson = System.Text.Json.JsonSerializer.Serialize(fields) };

    private static UserGrants Grants(int unitId) => new("u", true, false, [(unitId, UnitRole.Editor)]);

    private static readonly PostDraft Fields = new("", null, null, "", null, Audience.All, ["a"], null, null,
        new DocumentInfo { Number = "21/KH-UBND", Type = DocumentType.Plan }, null, null);

    [Fact]
    public void Changed_lines_show_as_removed_and_added_and_unchanged_fields_are_left_out()
    {
        var older = Revision(1, "Kế hoạch", "Dòng một\nDòng hai\n", Fields);
        var newer = Revision(2, "Kế hoạch", "Dòng một\nDòng hai đã sửa\n", Fields with { Document = new DocumentInfo { Number = "22/KH-UBND", Type = DocumentType.Plan } });

        var diff = RevisionComparison.Compare(older, newer);

        Assert.Equal(["Thông tin khác", "Nội dung"], diff.Select(f => f.Field));
        var body = diff.Single(f => f.Field == "Nội dung").Lines;
        Assert.Contains(new DiffLine(LineChange.Same, "Dòng một"), body);
        Assert.Contains(new DiffLine(LineChange.Removed, "Dòng hai"), body);
        Assert.Contains(new DiffLine(LineChange.Added, "Dòng hai đã sửa"), body);
        Assert.Contains(diff[0].Lines, l => l.Change == LineChange.Added && l.Text.Contains("22/KH-UBND"));
    }

    [Fact]
    public async Task Restoring_an_old_revision_saves_it_as_the_newest_and_keeps_the_history()
    {
        await using var database = await TestDatabase.CreateAsync();
        var unit = await database.AddUnitAsync("so-a");
        var actor = new Audit.Actor("u", null, null);
        int id;
        await using (var db = database.NewContext())
            id = ((Outcome<Post>.Ok)await database.NewPostEditing(db).CreateAsync(unit.Id, PostKind.Document,
                Fields with { Title = "Bản đầu", BodyMarkdown = "Nội dung đầu" }, actor, CancellationToken.None)).Value.Id;
        await using (var db = database.NewContext())
        {
            var editing = database.NewPostEditing(db);
            var post = (await editing.FindAsync(id, CancellationToken.None))!;
            await editing.UpdateAsync(post, post.Version, Fields with { Title = "Bản sau", BodyMarkdown = "Nội dung sau", Tags = ["b"] }, Grants(unit.Id), actor, CancellationToken.None);
        }
        await using (var db = database.NewContext())
        {
            var editing = database.NewPostEditing(db);
            var post = (await editing.FindAsync(id, CancellationToken.None))!;
            var first = (await editing.RevisionsAsync(id, CancellationToken.None)).Single(r => r.Number == 1);
            Assert.IsType<Outcome<Post>.Ok>(await editing.UpdateAsync(post, post.Version, RevisionComparison.ToDraft(first), Grants(unit.Id), actor, CancellationToken.None));
        }
        await using var check = database.NewContext();
        var restored = await check.Posts.Include(p => p.Tags).SingleAsync(p => p.Id == id);
        Assert.Equal(("Bản đầu", "Nội dung đầu", "21/KH-UBND"), (restored.Title, restored.BodyMarkdown, restored.Document!.Number));
        Assert.Equal(["a"], restored.Tags.Select(t => t.Name));
        Assert.Equal(3, await check.Set<PostRevision>().CountAsync(r => r.PostId == id));
    }
}

public class PostMediaTests
{
    private static PostDraft Document(int? cover, params AttachmentDraft[] files) =>
        new("Kế hoạch có tệp", null, null, "Nội dung", null, Audience.All, [], null, null,
            new DocumentInfo { Type = DocumentType.Plan }, null, cover, files);

    [Fact]
    public async Task Covers_and_attachments_come_only_from_the_posts_own_unit_and_of_the_right_type()
    {
        await using var database = await TestDatabase.CreateAsync();
        var a = await database.AddUnitAsync("so-a");
        var b = await database.AddUnitAsync("so-b");
        int imageA, fileA, imageB;
        await using (var db = database.NewContext())
        {
            Content.Media.MediaAsset Asset(int unit, string name, string type) =>
                new() { UnitId = unit, FileName = name, ContentType = type, StoragePath = name, CreatedAt = DateTime.UtcNow };
            var assets = new[] { Asset(a.Id, "anh.jpg", "image/jpeg"), Asset(a.Id, "ke-hoach.pdf", "application/pdf"), Asset(b.Id, "anh-b.jpg", "image/jpeg") };
            db.MediaAssets.AddRange(assets);
            await db.SaveChangesAsync();
            (imageA, fileA, imageB) = (assets[0].Id, assets[1].Id, assets[2].Id);
        }
        var actor = new Audit.Actor("u", null, null);
        await using var work = database.NewContext();
        var editing = database.NewPostEditing(work);

        var foreignCover = Assert.IsType<Outcome<Post>.Invalid>(await editing.CreateAsync(a.Id, PostKind.Document, Document(imageB), actor, CancellationToken.None));
        Assert.Equal(["CoverImageId"], foreignCover.Errors.Keys);
        var imageAsAttachment = Assert.IsType<Outcome<Post>.Invalid>(await editing.CreateAsync(a.Id, PostKind.Document, Document(null, new AttachmentDraft(imageA, "Ảnh")), actor, CancellationToken.None));
        Assert.Equal(["Attachments"], imageAsAttachment.Errors.Keys);

        var saved = Assert.IsType<Outcome<Post>.Ok>(await editing.CreateAsync(a.Id, PostKind.Document,
            Document(imageA, new AttachmentDraft(fileA, "Toàn văn kế hoạch")), actor, CancellationToken.None));
        await using var check = database.NewContext();
        var post = await check.Posts.Include(p => p.Attachments).SingleAsync(p => p.Id == saved.Value.Id);
        Assert.Equal(imageA, post.CoverImageId);
        Assert.Equal((fileA, "Toàn văn kế hoạch"), (post.Attachments.Single().MediaAssetId, post.Attachments.Single().Title));
    }
}
