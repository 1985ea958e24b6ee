using System.Text.Json;
using CchcSite.Content.Data;
using CchcSite.Content.Posts;
using CchcSite.Content.Questions;
using CchcSite.Content.Tests.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CchcSite.Content.Tests.Changes;

public class ChangeTrackerTests
{
    private static string[] PublicTagsOf(Post post) =>
        [ContentTags.Post(post.Id), ContentTags.Unit(post.UnitId), ContentTags.Home, ContentTags.PostLists];

    /// <summary>A post public since yesterday, then nothing told yet: the setup's own saves are not what a test looks at.</summary>
    private static async Task<Post> PublishedAsync(TestDatabase database, Units.Unit unit, string slug, PostKind kind = PostKind.Article)
    {
        var post = await database.AddPostAsync(unit, slug, PostStatus.Published, database.Clock.GetUtcNow().UtcDateTime.AddDays(-1), kind: kind);
        database.Committed.Clear();
        return post;
    }

    [Fact]
    public async Task Saves_inside_a_transaction_are_told_once_after_the_commit_and_never_before()
    {
        await using var database = await TestDatabase.CreateAsync();
        var unit = await database.AddUnitAsync("so-a");
        var first = await PublishedAsync(database, unit, "mot");
        var second = await PublishedAsync(database, unit, "hai");

        await using var db = database.NewContext();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            (await db.Posts.SingleAsync(p => p.Id == first.Id)).Title = "Một, đã sửa";
            await db.SaveChangesAsync();
            (await db.Posts.SingleAsync(p => p.Id == second.Id)).Title = "Hai, đã sửa";
            db.SaveChanges();
            Assert.Empty(database.Committed);

            await transaction.CommitAsync();
        }

        var told = Assert.Single(database.Committed);
        Assert.Equal(PublicTagsOf(first).Concat(PublicTagsOf(second)).ToHashSet(), told.Tags.ToHashSet());
        Assert.Equal([first.Id, second.Id], told.PostIds.Order());
    }

    [Fact]
    public async Task A_rolled_back_or_abandoned_transaction_tells_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var unit = await database.AddUnitAsync("so-a");
        var post = await PublishedAsync(database, unit, "mot");

        await using var db = database.NewContext();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            (await db.Posts.SingleAsync(p => p.Id == post.Id)).Title = "Sửa rồi bỏ";
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }
        await using (await db.Database.BeginTransactionAsync())
        {
            db.Units.Single(u => u.Id == unit.Id).Name = "Đổi tên rồi bỏ";
            await db.SaveChangesAsync();
            // Disposed without commit or rollback: the database rolls it back.
        }
        Assert.Empty(database.Committed);

        // The next commit on the same context tells only its own change, nothing of the abandoned ones.
        db.ChangeTracker.Clear();
        var draft = new Post
        {
            UnitId = unit.Id, Slug = "nhap", Title = "Bản nháp", Status = PostStatus.Draft, Version = Guid.NewGuid(),
        };
        db.Posts.Add(draft);
        await db.SaveChangesAsync();
        var told = Assert.Single(database.Committed);
        Assert.Empty(told.Tags);
        Assert.Equal([draft.Id], told.PostIds);
    }

    [Fact]
    public async Task A_drafts_save_names_no_public_answer_but_still_wakes_the_index()
    {
        await using var database = await TestDatabase.CreateAsync();
        var unit = await database.AddUnitAsync("so-a");
        var draft = await database.AddPostAsync(unit, "nhap", PostStatus.Draft, null);
        await using var db = database.NewContext();
        var tracked = await db.Posts.Include(p => p.Tags).SingleAsync(p => p.Id == draft.Id);
        tracked.Title = "Bản nháp đã sửa";
        tracked.Status = PostStatus.InReview;
        tracked.Tags.Add(new Tag { Slug = "moi", Name = "mới" });
        await db.SaveChangesAsync();

        Assert.Equal(2, database.Committed.Count(told => told.PostIds.Contains(draft.Id)));
        Assert.All(database.Committed.Where(told => told.PostIds.Contains(draft.Id)), told => Assert.Empty(told.Tags));
    }

    [Fact]
    public async Task Publishing_names_the_posts_page_its_unit_the_home_page_and_the_lists_and_so_does_taking_it_down()
    {
        await using var database = await TestDatabase.CreateAsync();
        var parent = await database.AddUnitAsync("so-a");
        var unit = await database.AddUnitAsync("phong-a", parent);
        var post = await database.AddPostAsync(unit, "bai", PostStatus.InReview, null);
        database.Committed.Clear();

        await using var db = database.NewContext();
        var tracked = await db.Posts.SingleAsync(p => p.Id == post.Id);
        tracked.Status = PostStatus.Published;
        tracked.PublishAt = database.Clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        tracked.Status = PostStatus.Unpublished;
        await db.SaveChangesAsync();

        Assert.Equal(2, database.Committed.Count);
        Assert.All(database.Committed, told => Assert.Equal(PublicTagsOf(post).ToHashSet(), told.Tags.ToHashSet()));
    }

    [Fact]
    public async Task A_change_to_a_published_document_names_the_pages_of_the_documents_linked_to_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        var unit = await database.AddUnitAsync("so-a");
        var plan = await PublishedAsync(database, unit, "ke-hoach", PostKind.Document);
        var amendment = await PublishedAsync(database, unit, "sua-doi", PostKind.Document);
        var draft = await database.AddPostAsync(unit, "du-thao", PostStatus.Draft, null, kind: PostKind.Document);
        await using var db = database.NewContext();
        db.DocumentRelations.Add(new DocumentRelation { FromPostId = amendment.Id, ToPostId = plan.Id, Kind = DocumentRelationKind.Amends });
        await db.SaveChangesAsync();
        Assert.Equal([ContentTags.Post(plan.Id), ContentTags.Post(amendment.Id)], database.Committed[^1].Tags.Order());

        (await db.Posts.SingleAsync(p => p.Id == plan.Id)).Title = "Kế hoạch, tên mới";
        await db.SaveChangesAsync();
        Assert.Contains(ContentTags.Post(amendment.Id), database.Committed[^1].Tags);

        // A draft's link to a public document shows on no public page.
        database.Committed.Clear();
        db.DocumentRelations.Add(new DocumentRelation { FromPostId = draft.Id, ToPostId = plan.Id, Kind = DocumentRelationKind.Amends });
        await db.SaveChangesAsync();
        Assert.Empty(Assert.Single(database.Committed).Tags);
    }

    [Fact]
    public async Task Units_and_categories_name_every_answer_and_a_published_question_names_the_column()
    {
        await using var site = await QuestionsTestSite.CreateAsync();
        var question = await site.SubmitAsync();
        Assert.DoesNotContain(site.Database.Committed, told => told.QuestionIds.Contains(question.Id) || told.Tags.Contains(ContentTags.Questions));

        await using var db = site.Database.NewContext();
        db.Units.First().Name = "Tên mới";
        await db.SaveChangesAsync();
        Assert.Equal([ContentTags.Site], site.Database.Committed[^1].Tags);

        (await db.Submissions.SingleAsync(s => s.Id == question.Id)).Status = SubmissionStatus.Published;
        await db.SaveChangesAsync();
        Assert.Equal([ContentTags.Questions], site.Database.Committed[^1].Tags);
        Assert.Equal([question.Id], site.Database.Committed[^1].QuestionIds);
    }

    [Fact]
    public async Task A_failing_listener_is_logged_and_neither_undoes_the_change_nor_silences_the_others()
    {
        await using var database = await TestDatabase.CreateAsync();
        var unit = await database.AddUnitAsync("so-a");
        var told = new List<ContentChangeSet>();
        var tracker = new ContentChangeTracker(database.Clock, [new Failing(), new Recording(told)], NullLogger<ContentChangeTracker>.Instance);
        await using var shared = database.NewContext();
        await using var db = database.NewContextWith(tracker);
        db.Units.Single(u => u.Id == unit.Id).Name = "Tên mới";

        await db.SaveChangesAsync();

        Assert.Single(told);
        Assert.Equal("Tên mới", (await shared.Units.SingleAsync(u => u.Id == unit.Id)).Name);
    }

    [Fact]
    public async Task A_context_without_the_tracker_refuses_to_start()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var bare = database.NewContextWith();
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => bare.Units.ToListAsync());
        Assert.Contains(nameof(ContentChangeTracker), refused.Message);
    }

    [Fact]
    public void A_change_set_survives_a_round_trip_through_json()
    {
        var changes = new ContentChangeSet([ContentTags.Home, ContentTags.Post(7)], [7], []);
        var back = JsonSerializer.Deserialize<ContentChangeSet>(JsonSerializer.Serialize(changes))!;
        Assert.Equal(changes.Tags.Order(), back.Tags.Order());
        Assert.Equal([7], back.PostIds);
        Assert.Empty(back.QuestionIds);
    }

    private sealed class Failing : IContentChangeListener
    {
        public ValueTask ContentChangedAsync(ContentChangeSet changes, CancellationToken ct) => throw new InvalidOperationException("hỏng");
    }

    private sealed class Recording(List<ContentChangeSet> told) : IContentChangeListener
    {
        public ValueTask ContentChangedAsync(ContentChangeSet changes, CancellationToken ct)
        {
            told.Add(changes);
            return ValueTask.CompletedTask;
        }
    }
}
