using CchcSite.Content.Posts;

namespace CchcSite.Content.Tests;

public class VisibilityTests
{
    [Fact]
    public async Task Only_published_posts_inside_their_window_are_public()
    {
        await using var database = await TestDatabase.CreateAsync();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var unit = await database.AddUnitAsync("so-a");
        await database.AddPostAsync(unit, "cong-khai", PostStatus.Published, now.AddDays(-1));
        await database.AddPostAsync(unit, "vua-dung-gio", PostStatus.Published, now);
        await database.AddPostAsync(unit, "ban-nhap", PostStatus.Draft, now.AddDays(-1));
        await database.AddPostAsync(unit, "cho-duyet", PostStatus.InReview, now.AddDays(-1));
        await database.AddPostAsync(unit, "hen-gio", PostStatus.Scheduled, now.AddDays(-1));
        await database.AddPostAsync(unit, "tuong-lai", PostStatus.Published, now.AddMinutes(1));
        await database.AddPostAsync(unit, "het-han", PostStatus.Published, now.AddDays(-2), unpublishAt: now);
        await database.AddPostAsync(unit, "con-han", PostStatus.Published, now.AddDays(-2), unpublishAt: now.AddDays(1));
        await database.AddPostAsync(unit, "go-xuong", PostStatus.Unpublished, now.AddDays(-1));
        await database.AddPostAsync(unit, "luu-tru", PostStatus.Archived, now.AddDays(-1));
        await database.AddPostAsync(unit, "khong-ngay", PostStatus.Published, null);

        await using var db = database.NewContext();
        var list = await database.NewPublishedPosts(db).ListAsync(new PostFilter(), CancellationToken.None);

        Assert.Equal(["vua-dung-gio", "cong-khai", "con-han"], list.Items.Select(p => p.Slug));
        Assert.Equal(3, list.TotalCount);
    }

    [Fact]
    public async Task A_scheduled_post_appears_when_its_time_comes_and_leaves_when_it_expires()
    {
        await using var database = await TestDatabase.CreateAsync();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var unit = await database.AddUnitAsync("so-a");
        await database.AddPostAsync(unit, "sap-dang", PostStatus.Published, now.AddHours(1), unpublishAt: now.AddHours(3));

        await using var db = database.NewContext();
        var posts = database.NewPublishedPosts(db);
        Assert.Null(await posts.FindAsync("so-a", "sap-dang", CancellationToken.None));
        database.Clock.Advance(TimeSpan.FromHours(1));
        Assert.NotNull(await posts.FindAsync("so-a", "sap-dang", CancellationToken.None));
        database.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Null(await posts.FindAsync("so-a", "sap-dang", CancellationToken.None));
    }

    [Fact]
    public async Task Unit_filter_includes_sub_units_unless_asked_not_to()
    {
        await using var database = await TestDatabase.CreateAsync();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var province = await database.AddUnitAsync("tinh");
        var department = await database.AddUnitAsync("so", province);
        var office = await database.AddUnitAsync("phong", department);
        var other = await database.AddUnitAsync("tinh-khac");
        await database.AddPostAsync(province, "p1", PostStatus.Published, now.AddDays(-3));
        await database.AddPostAsync(department, "p2", PostStatus.Published, now.AddDays(-2));
        await database.AddPostAsync(office, "p3", PostStatus.Published, now.AddDays(-1));
        await database.AddPostAsync(other, "p4", PostStatus.Published, now.AddDays(-1));

        await using var db = database.NewContext();
        var posts = database.NewPublishedPosts(db);
        var withChildren = await posts.ListAsync(new PostFilter(department.Id), CancellationToken.None);
        var alone = await posts.ListAsync(new PostFilter(department.Id, IncludeSubUnits: false), CancellationToken.None);
        var all = await posts.ListAsync(new PostFilter(province.Id), CancellationToken.None);

        Assert.Equal(["p3", "p2"], withChildren.Items.Select(p => p.Slug));
        Assert.Equal(["p2"], alone.Items.Select(p => p.Slug));
        Assert.Equal(["p3", "p2", "p1"], all.Items.Select(p => p.Slug));
    }

    [Fact]
    public async Task Date_range_uses_vietnamese_calendar_days_inclusive()
    {
        await using var database = await TestDatabase.CreateAsync();
        var unit = await database.AddUnitAsync("so-a");
        // 2022-03-01 00:30 in Vietnam is still 2022-02-28 in UTC.
        await database.AddPostAsync(unit, "dau-thang-3", PostStatus.Published, new DateTime(2022, 2, 28, 17, 30, 0, DateTimeKind.Utc));
        await database.AddPostAsync(unit, "cuoi-thang-2", PostStatus.Published, new DateTime(2022, 2, 28, 16, 30, 0, DateTimeKind.Utc));

        await using var db = database.NewContext();
        var march = await database.NewPublishedPosts(db).ListAsync(
            new PostFilter(From: new DateOnly(2022, 3, 1), To: new DateOnly(2022, 3, 31)), CancellationToken.None);

        Assert.Equal(["dau-thang-3"], march.Items.Select(p => p.Slug));
    }

    [Fact]
    public async Task Paging_returns_the_requested_slice_and_the_total()
    {
        await using var database = await TestDatabase.CreateAsync();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var unit = await database.AddUnitAsync("so-a");
        for (var i = 1; i <= 25; i++)
            await database.AddPostAsync(unit, $"bai-{i:00}", PostStatus.Published, now.AddHours(-i));

        await using var db = database.NewContext();
        var page3 = await database.NewPublishedPosts(db).ListAsync(new PostFilter { Page = new(3, 10) }, CancellationToken.None);

        Assert.Equal(25, page3.TotalCount);
        Assert.Equal(3, page3.TotalPages);
        Assert.Equal(["bai-21", "bai-22", "bai-23", "bai-24", "bai-25"], page3.Items.Select(p => p.Slug));
        Assert.False(page3.HasNext);
    }
}
