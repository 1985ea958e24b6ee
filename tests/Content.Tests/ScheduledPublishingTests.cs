using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Tests;

public class ScheduledPublishingTests
{
    [Fact]
    public async Task Due_posts_are_published_and_expired_ones_taken_down_and_nothing_early()
    {
        await using var database = await TestDatabase.CreateAsync();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var unit = await database.AddUnitAsync("so-a");
        await database.AddPostAsync(unit, "den-gio", PostStatus.Scheduled, now.AddMinutes(-1));
        await database.AddPostAsync(unit, "chua-den-gio", PostStatus.Scheduled, now.AddMinutes(10));
        await database.AddPostAsync(unit, "het-han", PostStatus.Published, now.AddDays(-5), unpublishAt: now.AddSeconds(-1));
        await database.AddPostAsync(unit, "con-han", PostStatus.Published, now.AddDays(-5), unpublishAt: now.AddDays(1));
        await database.AddPostAsync(unit, "nhap", PostStatus.Draft, now.AddDays(-1));

        await using (var db = database.NewContext())
            Assert.Equal((1, 1), await database.Get<ScheduledPublishing>(db).RunDueAsync(CancellationToken.None));

        await using var check = database.NewContext();
        var states = await check.Posts.ToDictionaryAsync(p => p.Slug, p => p.Status);
        Assert.Equal(PostStatus.Published, states["den-gio"]);
        Assert.Equal(PostStatus.Scheduled, states["chua-den-gio"]);
        Assert.Equal(PostStatus.Unpublished, states["het-han"]);
        Assert.Equal(PostStatus.Published, states["con-han"]);
        Assert.Equal(PostStatus.Draft, states["nhap"]);
    }

    [Fact]
    public async Task A_run_after_a_long_stop_catches_up_and_a_second_run_does_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var unit = await database.AddUnitAsync("so-a");
        for (var i = 1; i <= 3; i++)
            await database.AddPostAsync(unit, $"bai-{i}", PostStatus.Scheduled, now.AddHours(i));

        database.Clock.Advance(TimeSpan.FromDays(1));
        await using (var db = database.NewContext())
            Assert.Equal((3, 0), await database.Get<ScheduledPublishing>(db).RunDueAsync(CancellationToken.None));
        await using (var db = database.NewContext())
            Assert.Equal((0, 0), await database.Get<ScheduledPublishing>(db).RunDueAsync(CancellationToken.None));
        await using var check = database.NewContext();
        Assert.Equal(3, (await database.NewPublishedPosts(check).ListAsync(new PostFilter(), CancellationToken.None)).TotalCount);
    }

    [Fact]
    public async Task The_next_due_time_is_the_earliest_pending_publish_or_take_down_and_none_without_one()
    {
        await using var database = await TestDatabase.CreateAsync();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var unit = await database.AddUnitAsync("so-a");
        await using (var db = database.NewContext())
            Assert.Null(await database.Get<ScheduledPublishing>(db).NextDueAsync(CancellationToken.None));

        await database.AddPostAsync(unit, "hen-sau", PostStatus.Scheduled, now.AddHours(3));
        await database.AddPostAsync(unit, "nhap-co-gio", PostStatus.Draft, now.AddMinutes(5));
        await database.AddPostAsync(unit, "go-som", PostStatus.Published, now.AddDays(-1), unpublishAt: now.AddHours(2));
        await database.AddPostAsync(unit, "da-go", PostStatus.Unpublished, now.AddDays(-1), unpublishAt: now.AddMinutes(1));
        await using (var db = database.NewContext())
            Assert.Equal(now.AddHours(2), await database.Get<ScheduledPublishing>(db).NextDueAsync(CancellationToken.None));

        await database.AddPostAsync(unit, "hen-som", PostStatus.Scheduled, now.AddMinutes(30));
        await using (var db = database.NewContext())
            Assert.Equal(now.AddMinutes(30), await database.Get<ScheduledPublishing>(db).NextDueAsync(CancellationToken.None));
    }
}
