using CchcSite.Content.Outcomes;
using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Content.Categories;
using CchcSite.Content.Media;
using CchcSite.Content.Posts;
using CchcSite.Content.Tests.Plans;
using static CchcSite.Testing.Revisions.Version1Revisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CchcSite.Content.Tests.Posts;

/// <summary>Revisions saved in an older shape of the draft still compare and restore with every field.</summary>
public class RevisionFormatTests
{
    private static readonly DocumentInfo ExpectedDocument = new()
    {
        Number = "21/KH-UBND", Type = DocumentType.Decision, IssuedOn = new DateOnly(2022, 2, 18), Issuer = "Ủy ban nhân dân tỉnh",
        Signer = "Phó Chủ tịch Lê Văn A", EffectiveOn = new DateOnly(2022, 3, 1), ExpiresOn = new DateOnly(2022, 12, 31),
        Abstract = "Tuyên truyền \"CCHC\" năm 2022",
    };

    private static readonly Actor Writer = new("writer", "bientap@cchc.test", null);

    private static PostRevision Version1(string fieldsJson, int planItemId = 0) => new()
    {
        Number = 1, Title = "Kế hoạch tuyên truyền", Summary = "Tóm tắt", BodyMarkdown = "Nội dung\n", FieldsVersion = 1,
        FieldsJson = planItemId == 0 ? fieldsJson : fieldsJson.Replace("\"PlanItemId\":null", $"\"PlanItemId\":{planItemId}"),
    };

    private static PostRevision Current(PostDraft draft, int number = 2) => new()
    {
        Number = number, Title = draft.Title, Summary = draft.Summary, BodyMarkdown = draft.BodyMarkdown,
        FieldsJson = RevisionFormat.Write(draft), FieldsVersion = RevisionFormat.Current,
    };

    [Fact]
    public void A_version_1_document_revision_reads_into_the_current_draft_with_every_field()
    {
        var draft = RevisionComparison.ToDraft(Version1(Version1Document, planItemId: 7));

        Assert.Equal(("Kế hoạch tuyên truyền", "ke-hoach", "Tóm tắt", "Nội dung\n"), (draft.Title, draft.Slug, draft.Summary, draft.BodyMarkdown));
        Assert.Equal((1, Audience.CitizensAndBusinesses), (draft.CategoryId, draft.Audience));
        Assert.Equal(["cải cách", "tuyên truyền"], draft.Tags);
        Assert.Equal(new DateTime(2022, 2, 24, 1, 0, 0, DateTimeKind.Utc), draft.PublishAt);
        Assert.Equal(new DateTime(2023, 2, 24, 1, 0, 0, DateTimeKind.Utc), draft.UnpublishAt);
        Assert.Equal(ExpectedDocument, draft.Document);
        Assert.Null(draft.Video);
        Assert.Equal(1, draft.CoverImageId);
        Assert.Equal([new AttachmentDraft(2, "Toàn văn (PDF)")], draft.Attachments!);
        Assert.Equal(7, draft.PlanItemId);
    }

    [Fact]
    public void A_version_1_video_revision_reads_its_address_and_length_into_the_video_fields()
    {
        var draft = RevisionComparison.ToDraft(Version1(Version1Video));

        Assert.Equal(new VideoFields { ExternalUrl = "https://www.youtube.com/watch?v=abc&t=1", DurationSeconds = 95 }, draft.Video);
        Assert.Null(draft.Document);
    }

    [Fact]
    public void A_version_1_revision_compares_field_by_field_with_a_current_one()
    {
        var old = Version1(Version1Document);
        var same = Current(RevisionComparison.ToDraft(old));
        var renumbered = Current(RevisionComparison.ToDraft(old) with { Document = ExpectedDocument with { Number = "22/KH-UBND" } });

        Assert.Empty(RevisionComparison.Compare(old, same));
        var fields = Assert.Single(RevisionComparison.Compare(old, renumbered));
        Assert.Equal("Thông tin khác", fields.Field);
        Assert.Equal([new DiffLine(LineChange.Removed, "    \"Number\": \"21/KH-UBND\","), new DiffLine(LineChange.Added, "    \"Number\": \"22/KH-UBND\",")],
            fields.Lines.Where(line => line.Change != LineChange.Same));
    }

    [Fact]
    public void A_version_1_video_compares_with_a_current_one_by_its_length_alone()
    {
        var old = Version1(Version1Video);
        var longer = Current(RevisionComparison.ToDraft(old) with { Video = new VideoFields { ExternalUrl = "https://www.youtube.com/watch?v=abc&t=1", DurationSeconds = 120 } });

        var fields = Assert.Single(RevisionComparison.Compare(old, longer));
        Assert.Equal([new DiffLine(LineChange.Removed, "    \"DurationSeconds\": 95"), new DiffLine(LineChange.Added, "    \"DurationSeconds\": 120")],
            fields.Lines.Where(line => line.Change != LineChange.Same));
    }

    [Fact]
    public void A_revision_of_a_format_this_site_does_not_know_is_refused_rather_than_read_empty()
    {
        var future = Version1(Version1Document);
        future.FieldsVersion = RevisionFormat.Current + 1;

        var error = Assert.Throws<InvalidDataException>(() => RevisionComparison.ToDraft(future));
        Assert.Contains($"format {RevisionFormat.Current + 1}", error.Message);
    }

    [Fact]
    public async Task Restoring_a_version_1_revision_brings_back_every_field_of_the_post()
    {
        await using var database = await TestDatabase.CreateAsync();
        var unit = await database.AddUnitAsync("so-a");
        var plan = await database.AddPlanAsync(unit, 2022, ("Tháng 3", "Ban hành kế hoạch"));
        int postId;
        await using (var db = database.NewContext())
        {
            db.Categories.Add(new Category { Slug = "cai-cach-the-che", Name = "Cải cách thể chế" });
            db.MediaAssets.AddRange(
                new MediaAsset { UnitId = unit.Id, FileName = "bia.jpg", ContentType = "image/jpeg", StoragePath = "a", AltText = "Bìa" },
                new MediaAsset { UnitId = unit.Id, FileName = "ke-hoach.pdf", ContentType = "application/pdf", StoragePath = "b" });
            await db.SaveChangesAsync();
            var created = await database.NewPostEditing(db).CreateAsync(unit.Id, PostKind.Document,
                new PostDraft("Bản mới", null, null, "Khác", null, Audience.All, [], null, null, new DocumentInfo(), null), Writer, CancellationToken.None);
            postId = Assert.IsType<Outcome<Post>.Ok>(created).Value.Id;
            var old = Version1(Version1Document, plan.Items[0].Id);
            old.PostId = postId;
            old.Number = 0;
            db.Add(old);
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            var editing = database.NewPostEditing(db);
            var post = (await editing.FindAsync(postId, CancellationToken.None))!;
            var old = (await editing.RevisionsAsync(postId, CancellationToken.None)).Single(r => r.Number == 0);
            var grants = new UserGrants(Writer.UserId, true, false, [(unit.Id, UnitRole.Editor)]);
            Assert.IsType<Outcome<Post>.Ok>(await editing.UpdateAsync(post, post.Version, RevisionComparison.ToDraft(old), grants, Writer, CancellationToken.None));
        }

        await using var check = database.NewContext();
        var restored = await check.Posts.Include(p => p.Tags).Include(p => p.Attachments).SingleAsync(p => p.Id == postId);
        Assert.Equal(("Kế hoạch tuyên truyền", "ke-hoach", "Tóm tắt", "Nội dung\n"), (restored.Title, restored.Slug, restored.Summary, restored.BodyMarkdown));
        Assert.Equal((1, Audience.CitizensAndBusinesses, 1, plan.Items[0].Id), (restored.CategoryId, restored.Audience, restored.CoverImageId, restored.PlanItemId));
        Assert.Equal(["cải cách", "tuyên truyền"], restored.Tags.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal(ExpectedDocument, restored.Document);
        Assert.Equal([(2, "Toàn văn (PDF)")], restored.Attachments.Select(a => (a.MediaAssetId, a.Title)));
        // The newest revision is written in the current format.
        var newest = await check.Set<PostRevision>().Where(r => r.PostId == postId).OrderByDescending(r => r.Number).FirstAsync();
        Assert.Equal(RevisionFormat.Current, newest.FieldsVersion);
        Assert.Equal(ExpectedDocument, RevisionComparison.ToDraft(newest).Document);
    }

    [Fact]
    public async Task Revisions_saved_before_the_format_had_a_version_are_read_as_version_1_after_the_migration()
    {
        // Only SQLite sites are old enough to hold such revisions: PostgreSQL's migrations start after the format had a version.
        await using var database = await TestDatabase.CreateSqliteAsync();
        var post = await database.AddPostAsync(await database.AddUnitAsync("so-a"), "video", PostStatus.Draft, null, kind: PostKind.Video);
        await using var db = database.NewContext();
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(m => m.EndsWith("_RevisionFieldsVersion", StringComparison.Ordinal)) - 1];
        await db.GetService<IMigrator>().MigrateAsync(before);
        // A revision as the code before the version column wrote it.
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO PostRevision (PostId, Number, CreatedAt, Title, BodyMarkdown, FieldsJson) VALUES ({0}, 1, '2022-06-15 03:00:00', 'Video', '', {1})",
            post.Id, Version1Video.Trim());

        await db.Database.MigrateAsync();

        var revision = await db.Set<PostRevision>().AsNoTracking().SingleAsync();
        Assert.Equal(1, revision.FieldsVersion);
        Assert.Equal(95, RevisionComparison.ToDraft(revision).Video!.DurationSeconds);
    }
}
