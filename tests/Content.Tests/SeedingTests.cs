using CchcSite.Content.Media;
using CchcSite.Content.Plans;
using CchcSite.Content.Posts;
using CchcSite.Content.Seeding;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Tests;

public sealed class SeedingTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("cchc-seed-");

    private string SeedDir => Path.Combine(_work.FullName, "seed");

    public void Dispose() => _work.Delete(recursive: true);

    private static SeedImporter Importer(TestDatabase database, Data.CchcDbContext db) => database.Get<SeedImporter>(db);

    private void WriteSeed(string? extraPost = null)
    {
        Directory.CreateDirectory(Path.Combine(SeedDir, "posts", "so-a"));
        Directory.CreateDirectory(Path.Combine(SeedDir, "files", "attachments"));
        File.WriteAllText(Path.Combine(SeedDir, "categories.json"),
            """[{"slug":"cai-cach-the-che","name":"Cải cách thể chế","order":1}]""");
        File.WriteAllText(Path.Combine(SeedDir, "units.json"), """
            [{"slug":"tinh-a","name":"UBND tỉnh A","shortName":"UBND tỉnh A","kind":"Province","parent":null,"hotline":"1900 0000"},
             {"slug":"so-a","name":"Sở A tỉnh A","shortName":"Sở A","kind":"Department","parent":"tinh-a"}]
            """);
        File.WriteAllBytes(Path.Combine(SeedDir, "files", "attachments", "ke-hoach.pdf"), "%PDF-1.4\n%%EOF\n"u8.ToArray());
        File.WriteAllText(Path.Combine(SeedDir, "posts", "so-a", "1-ke-hoach.md"), """
            ---
            kind: document
            title: "Kế hoạch tuyên truyền cải cách hành chính năm 2022"
            slug: ke-hoach-tuyen-truyen-2022
            category: cai-cach-the-che
            tags: [tuyên truyền, CCHC]
            publishAt: 2022-02-18T08:00:00+07:00
            document:
              number: "21/KH-UBND"
              type: Plan
              issuedOn: 2022-02-18
              signer: "Giám đốc Nguyễn Văn A"
              attachments:
                - file: attachments/ke-hoach.pdf
                  title: "Toàn văn (PDF)"
            ---
            Nội dung **kế hoạch**.
            """);
        File.WriteAllText(Path.Combine(SeedDir, "posts", "so-a", "2-trien-khai.md"), extraPost ?? """
            ---
            kind: document
            title: "Đường dây nóng tiếp nhận phản ánh"
            publishAt: 2022-03-01T08:00:00+07:00
            document:
              type: Notice
              related:
                - relation: Implements
                  target: so-a/ke-hoach-tuyen-truyen-2022
            ---
            Số đường dây nóng.
            """);
    }

    [Fact]
    public async Task Seeding_fills_an_empty_database_with_units_posts_files_and_links()
    {
        WriteSeed();
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewContext())
            Assert.True(await Importer(database, db).ImportAsync(SeedDir, CancellationToken.None));

        await using var check = database.NewContext();
        var so = await check.Units.Include(u => u.Parent).SingleAsync(u => u.Slug == "so-a");
        Assert.Equal("tinh-a", so.Parent!.Slug);
        var plan = await check.Posts.Include(p => p.Attachments).ThenInclude(a => a.MediaAsset).Include(p => p.Tags)
            .SingleAsync(p => p.Slug == "ke-hoach-tuyen-truyen-2022");
        Assert.Equal("21/KH-UBND", plan.Document!.Number);
        Assert.Equal(new DateOnly(2022, 2, 18), plan.Document.IssuedOn);
        Assert.Equal(new DateTime(2022, 2, 18, 1, 0, 0, DateTimeKind.Utc), plan.PublishAt);
        Assert.Equal(PostStatus.Published, plan.Status);
        Assert.Equal(["CCHC", "tuyên truyền"], plan.Tags.Select(t => t.Name).Order());
        var file = Assert.Single(plan.Attachments).MediaAsset;
        Assert.Equal("application/pdf", file.ContentType);
        Assert.True(File.Exists(database.Media.FullPath(file)));
        var notice = await check.Posts.Include(p => p.Relations).SingleAsync(p => p.Slug == "duong-day-nong-tiep-nhan-phan-anh");
        Assert.Equal(plan.Id, Assert.Single(notice.Relations).ToPostId);
    }

    [Fact]
    public async Task A_second_start_does_not_seed_again_or_touch_edited_content()
    {
        WriteSeed();
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewContext())
            await Importer(database, db).ImportAsync(SeedDir, CancellationToken.None);
        await using (var db = database.NewContext())
        {
            var post = await db.Posts.FirstAsync();
            post.Title = "Tiêu đề đã sửa";
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
            Assert.False(await Importer(database, db).ImportAsync(SeedDir, CancellationToken.None));

        await using var check = database.NewContext();
        Assert.Equal(2, await check.Posts.CountAsync());
        Assert.Equal(2, await check.Units.CountAsync());
        Assert.Equal(1, await check.MediaAssets.CountAsync());
        Assert.Contains(await check.Posts.Select(p => p.Title).ToListAsync(), t => t == "Tiêu đề đã sửa");
    }

    [Theory]
    [InlineData("category: khong-co", "category 'khong-co'")]
    [InlineData("cover: images/khong-co.jpg\ncoverAlt: \"Ảnh\"", "file 'images/khong-co.jpg' does not exist")]
    [InlineData("document:\n  related:\n    - relation: Replaces\n      target: so-a/khong-co", "related document 'so-a/khong-co'")]
    public async Task A_bad_seed_file_is_named_in_the_error_and_nothing_is_stored(string frontMatter, string expected)
    {
        WriteSeed($"---\nkind: document\ntitle: \"Văn bản lỗi\"\npublishAt: 2022-03-01T08:00:00+07:00\n{frontMatter}\n---\nNội dung.\n");
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            var error = await Assert.ThrowsAsync<InvalidDataException>(() => Importer(database, db).ImportAsync(SeedDir, CancellationToken.None));
            Assert.Contains(expected, error.Message);
            Assert.Contains("2-trien-khai.md", error.Message);
        }
        await using var check = database.NewContext();
        Assert.Equal(0, await check.Units.CountAsync());
        Assert.Equal(0, await check.Posts.CountAsync());
    }

    [Fact]
    public async Task The_shipped_seed_covers_every_issuing_unit_and_kind()
    {
        await using var database = await SeededFromRepositoryAsync();
        await using var check = database.NewContext();
        Assert.True(await check.Units.CountAsync() >= 8);
        Assert.True(await check.Posts.CountAsync() >= 50);
        Assert.Equal(6, await check.Categories.CountAsync());
        string[] issuers = ["phong-gddt-nga-nam", "so-gddt-soc-trang", "so-tai-chinh-soc-trang", "ubnd-phuong-thac-mo", "so-ldtbxh-binh-dinh"];
        foreach (var slug in issuers)
        {
            var kinds = await check.Posts.Where(p => p.Unit.Slug == slug).Select(p => p.Kind).ToListAsync();
            Assert.True(kinds.Count >= 8, $"{slug} has {kinds.Count} posts");
            Assert.True(Enum.GetValues<PostKind>().All(kinds.Contains), $"{slug} lacks a kind: has {string.Join(", ", kinds.Distinct())}");
        }
        var plan = await check.Posts.SingleAsync(p => p.Document != null && p.Document.Number == "16/KH-UBND" && p.Unit.Slug == "ubnd-phuong-thac-mo");
        Assert.Equal(new DateOnly(2024, 3, 20), plan.Document!.IssuedOn);
        Assert.Contains("Lại Tất Thắng", plan.Document.Signer);
        Assert.True(await check.Units.AllAsync(u => !string.IsNullOrEmpty(u.Name)));
        Assert.DoesNotContain(await check.Units.Select(u => u.Slug).ToListAsync(), ReservedSlugs.Contains);
    }

    [Fact]
    public async Task The_five_shipped_plans_are_those_of_the_seed_documents_with_their_posts_linked()
    {
        await using var database = await SeededFromRepositoryAsync();
        await using var check = database.NewContext();
        var plans = await check.Plans.Include(p => p.Items).Include(p => p.DocumentPost).Include(p => p.Unit)
            .OrderBy(p => p.Year).ThenBy(p => p.Unit.Slug).ToListAsync();
        Assert.Equal([
                ("phong-gddt-nga-nam", 2021, 2021, "/KH-PGDĐT", 6), ("so-ldtbxh-binh-dinh", 2021, 2021, "/KH-SLĐTBXH", 6),
                ("so-gddt-soc-trang", 2022, 2022, "/KH-SGDĐT", 12), ("so-tai-chinh-soc-trang", 2022, 2030, "/KH-STC", 9),
                ("ubnd-phuong-thac-mo", 2024, 2024, "16/KH-UBND", 8),
            ], plans.Select(p => (p.Unit.Slug, p.Year, p.LastYear, p.Number!, p.Items.Count)));
        Assert.All(plans, p => Assert.Equal(DocumentType.Plan, p.DocumentPost!.Document!.Type));
        var gddt = plans[2].Items.OrderBy(i => i.Order).ToList();
        Assert.Equal(Enumerable.Range(1, 12), gddt.Select(i => Assert.Single(i.DueMonths)));
        Assert.Equal(("Phòng TCCB", "Các đơn vị thuộc và trực thuộc Sở"), (gddt[8].LeadName, gddt[8].Coordinators.Single().Name));
        Assert.Equal([PlanTiming.Monthly, PlanTiming.Monthly, PlanTiming.Monthly, PlanTiming.WhenArises, PlanTiming.Monthly, PlanTiming.Monthly],
            plans[1].Items.OrderBy(i => i.Order).Select(i => i.Timing));
        // Sở Tài chính's reporting duties (§IV): quarterly before the 15th of the quarter's last month, 15 June, 15 December.
        var reports = plans[3].Items.Where(i => i.Order >= 7).OrderBy(i => i.Order).ToList();
        Assert.Equal([("3,6,9,12", 15), ("6", 15), ("12", 15)], reports.Select(i => (string.Join(",", i.DueMonths), i.DueDay!.Value)));
        Assert.Equal(plans[0].UnitId, plans[0].Items.Single(i => i.Order == 6).LeadUnitId);
        var itemIds = plans.SelectMany(p => p.Items).Select(i => i.Id).ToList();
        Assert.Equal(45, await check.Posts.CountAsync(p => p.PlanItemId != null && itemIds.Contains(p.PlanItemId.Value)));
    }

    [Fact]
    public async Task A_published_seed_post_dated_ahead_is_scheduled_and_appears_on_its_date()
    {
        const string slug = "thong-bao-lich-tiep-cong-dan-dinh-ky-nam-2027-cua-lanh-dao-so-giao-duc-va-dao-tao";
        await using var database = await TestDatabase.CreateAsync();
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero));
        await using (var db = database.NewContext())
            Assert.True(await Importer(database, db).ImportAsync(RepositorySeed(), CancellationToken.None));
        await using (var db = database.NewContext())
        {
            var post = await db.Posts.SingleAsync(p => p.Title.StartsWith("Thông báo lịch tiếp công dân định kỳ năm 2027"));
            Assert.Equal((PostStatus.Scheduled, slug), (post.Status, post.Slug));
            Assert.Null(await database.NewPublishedPosts(db).FindAsync("so-gddt-soc-trang", slug, CancellationToken.None));
            // Posts dated before the clock are published as written.
            var december = await db.PlanItems.SingleAsync(i => i.Order == 12 && i.Plan.Unit.Slug == "so-gddt-soc-trang");
            Assert.Equal([PostStatus.Published], await db.Posts.Where(p => p.PlanItemId == december.Id).Select(p => p.Status).ToListAsync());
        }

        // 04/01/2027 07:00 Vietnam time: the publisher job finds it due, like any scheduled post.
        database.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero));
        await using (var db = database.NewContext())
            Assert.Equal((1, 0), await database.Get<ScheduledPublishing>(db).RunDueAsync(CancellationToken.None));
        await using var check = database.NewContext();
        Assert.NotNull(await database.NewPublishedPosts(check).FindAsync("so-gddt-soc-trang", slug, CancellationToken.None));
    }

    [Fact]
    public async Task A_post_naming_a_plan_row_that_does_not_exist_is_named_in_the_error()
    {
        WriteSeed("---\nkind: article\ntitle: \"Tin\"\npublishAt: 2022-03-01T08:00:00+07:00\nplanItem: \"so-a/2022/9\"\n---\nNội dung.\n");
        File.WriteAllText(Path.Combine(SeedDir, "plans.json"), """
            [{"key":"so-a/2022","unit":"so-a","year":2022,"title":"Kế hoạch","document":"so-a/ke-hoach-tuyen-truyen-2022",
              "items":[{"order":1,"content":"Đăng tin","lead":"Văn phòng","timing":"Tháng 3"}]}]
            """);
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Importer(database, db).ImportAsync(SeedDir, CancellationToken.None));
        Assert.Contains("planItem 'so-a/2022/9'", error.Message);
        Assert.Contains("2-trien-khai.md", error.Message);
    }

    private async Task<TestDatabase> SeededFromRepositoryAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();
        Assert.True(await Importer(database, db).ImportAsync(RepositorySeed(), CancellationToken.None));
        return database;
    }

    internal static string RepositorySeed()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CchcSite.sln")))
                return Path.Combine(dir.FullName, "seed");
        throw new DirectoryNotFoundException("The repository root (CchcSite.sln) was not found above the test output.");
    }
}
