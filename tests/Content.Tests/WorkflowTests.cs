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
        var saved = Assert.IsType<SaveOutcome.Saved>(await editing.CreateAsync(unit.Id, PostKind.Article, Draft("Đường dây nóng"), Writer, CancellationToken.None));

        Assert.Equal("duong-day-nong-2", saved.Post.Slug);
        Assert.Equal((PostStatus.Draft, "writer", "writer"), (saved.Post.Status, saved.Post.AuthorId, saved.Post.LastEditorId));
        var revision = Assert.Single(await editing.RevisionsAsync(saved.Post.Id, CancellationToken.None));
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
            id = ((SaveOutcome.Saved)await database.NewPostEditing(db).CreateAsync(unit.Id, PostKind.Article, Draft("Bản 1"), Writer, CancellationToken.None)).Post.Id;
        for (var n = 2; n <= 3; n++)
        {
            await using var db = database.NewContext();
            var editing = database.NewPostEditing(db);
            var post = (await editing.FindAsync(id, CancellationToken.None))!;
            Assert.IsType<SaveOutcome.Saved>(await editing.UpdateAsync(post, post.Version, Draft($"Bản {n}"), Writer, CancellationToken.None));
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
            id = ((SaveOutcome.Saved)await database.NewPostEditing(db).CreateAsync(unit.Id, PostKind.Article, Draft("Gốc"), new Actor("a", "a@cchc.test", null), CancellationToken.None)).Post.Id;

        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var editA = database.NewPostEditing(first);
        var editB = database.NewPostEditing(second);
        var postA = (await editA.FindAsync(id, CancellationToken.None))!;
        var postB = (await editB.FindAsync(id, CancellationToken.None))!;
        var startedFrom = postB.Version;

        Assert.IsType<SaveOutcome.Saved>(await editA.UpdateAsync(postA, postA.Version, Draft("Bản của A"), new Actor("a", "a@cchc.test", null), CancellationToken.None));
        var conflict = Assert.IsType<SaveOutcome.Conflict>(await editB.UpdateAsync(postB, startedFrom, Draft("Bản của B"), new Actor("b", "b@cchc.test", null), CancellationToken.None));

        Assert.Equal("Bản của A", conflict.Current.Title);
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
        var invalid = Assert.IsType<SaveOutcome.Invalid>(await database.NewPostEditing(db).CreateAsync(unit.Id, PostKind.Article, draft, new Actor("a", "a@cchc.test", null), CancellationToken.None));
        Assert.Equal(["Slug", "Title", "UnpublishAt"], invalid.Errors.Keys.Order());
        var unknownCategory = Assert.IsType<SaveOutcome.Invalid>(await database.NewPostEditing(db).CreateAsync(unit.Id, PostKind.Article, Draft("Bài") with { CategoryId = 999 }, Writer, CancellationToken.None));
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
            id = ((SaveOutcome.Saved)await database.NewPostEditing(db).CreateAsync(unit.Id, PostKind.Article, Draft("Bài mới"), Writer, CancellationToken.None)).Post.Id;

        await using (var db = database.NewContext())
        {
            var editing = database.NewPostEditing(db);
            var post = (await editing.FindAsync(id, CancellationToken.None))!;
            Assert.IsType<SaveOutcome.Saved>(await editing.StepAsync(post, post.Version, WorkflowStep.Submit, writer, Writer, null, CancellationToken.None));
            Assert.IsType<SaveOutcome.Refused>(await editing.StepAsync(post, post.Version, WorkflowStep.Publish, writer, Writer, null, CancellationToken.None));
            Assert.IsType<SaveOutcome.Saved>(await editing.StepAsync(post, post.Version, WorkflowStep.Publish, approver, new Actor("approver", "approver@cchc.test", null), null, CancellationToken.None));
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
        Assert.IsType<SaveOutcome.Invalid>(await editing.CreateAsync(unit.Id, PostKind.Article, Draft(""), Writer, CancellationToken.None));
        var post = ((SaveOutcome.Saved)await editing.CreateAsync(unit.Id, PostKind.Article, Draft("Bài"), Writer, CancellationToken.None)).Post;
        Assert.IsType<SaveOutcome.Conflict>(await editing.UpdateAsync(post, Guid.NewGuid(), Draft("Bài sửa"), Writer, CancellationToken.None));
        await using var check = database.NewContext();
        Assert.Equal([AuditActions.PostCreated], await check.AuditEntries.Select(e => e.Action).ToListAsync());
    }
}

public class LivePostEditingTests
{
    [Fact]
    public async Task Saving_a_live_post_with_an_empty_publish_time_keeps_it_public()
    {
        await using var database = await TestDatabase.CreateAsync();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var unit = await database.AddUnitAsync("so-a");
        var live = await database.AddPostAsync(unit, "dang-cong-khai", PostStatus.Published, now.AddDays(-1));

        await using (var db = database.NewContext())
        {
            var editing = database.NewPostEditing(db);
            var post = (await editing.FindAsync(live.Id, CancellationToken.None))!;
            var draft = PostDraft.Of(post) with { PublishAt = null, Title = "Tiêu đề mới" };
            Assert.IsType<SaveOutcome.Saved>(await editing.UpdateAsync(post, post.Version, draft, new Audit.Actor("u", null, null), CancellationToken.None));
        }
        await using var check = database.NewContext();
        Assert.Equal("Tiêu đề mới", (await database.NewPublishedPosts(check).FindAsync(live.Id, CancellationToken.None))?.Card.Title);
    }
}

public class RevisionComparisonTests
{
    private static PostRevision Revision(int number, string title, string body, PostDraft fields) =>
        new() { Number = number, Title = title, BodyMarkdown = body, FieldsJson = System.Text.Json.JsonSerializer.Serialize(fields) };

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
            id = ((SaveOutcome.Saved)await database.NewPostEditing(db).CreateAsync(unit.Id, PostKind.Document,
                Fields with { Title = "Bản đầu", BodyMarkdown = "Nội dung đầu" }, actor, CancellationToken.None)).Post.Id;
        await using (var db = database.NewContext())
        {
            var editing = database.NewPostEditing(db);
            var post = (await editing.FindAsync(id, CancellationToken.None))!;
            await editing.UpdateAsync(post, post.Version, Fields with { Title = "Bản sau", BodyMarkdown = "Nội dung sau", Tags = ["b"] }, actor, CancellationToken.None);
        }
        await using (var db = database.NewContext())
        {
            var editing = database.NewPostEditing(db);
            var post = (await editing.FindAsync(id, CancellationToken.None))!;
            var first = (await editing.RevisionsAsync(id, CancellationToken.None)).Single(r => r.Number == 1);
            Assert.IsType<SaveOutcome.Saved>(await editing.UpdateAsync(post, post.Version, RevisionComparison.ToDraft(first), actor, CancellationToken.None));
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
            new DocumentInfo { Type = DocumentType.Plan }, null, null, cover, files);

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

        var foreignCover = Assert.IsType<SaveOutcome.Invalid>(await editing.CreateAsync(a.Id, PostKind.Document, Document(imageB), actor, CancellationToken.None));
        Assert.Equal(["CoverImageId"], foreignCover.Errors.Keys);
        var imageAsAttachment = Assert.IsType<SaveOutcome.Invalid>(await editing.CreateAsync(a.Id, PostKind.Document, Document(null, new AttachmentDraft(imageA, "Ảnh")), actor, CancellationToken.None));
        Assert.Equal(["Attachments"], imageAsAttachment.Errors.Keys);

        var saved = Assert.IsType<SaveOutcome.Saved>(await editing.CreateAsync(a.Id, PostKind.Document,
            Document(imageA, new AttachmentDraft(fileA, "Toàn văn kế hoạch")), actor, CancellationToken.None));
        await using var check = database.NewContext();
        var post = await check.Posts.Include(p => p.Attachments).SingleAsync(p => p.Id == saved.Post.Id);
        Assert.Equal(imageA, post.CoverImageId);
        Assert.Equal((fileA, "Toàn văn kế hoạch"), (post.Attachments.Single().MediaAssetId, post.Attachments.Single().Title));
    }
}
