using CchcSite.Content.Posts;
using CchcSite.Testing;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Editor;

/// <summary>
/// The background job sleeps until the next scheduled time, and a commit that schedules something wakes it to look again:
/// a post scheduled a few seconds ahead goes out at its time, not at the job's five-minute poll, and not before it.
/// </summary>
public sealed class ScheduledPublishingJobTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task A_post_scheduled_seconds_ahead_goes_out_at_its_time_and_one_expiring_is_taken_down()
    {
        // Let the job finish its first round, which found nothing due soon and went to sleep.
        site.CreateClient();
        await Task.Delay(TimeSpan.FromSeconds(1));
        var at = DateTime.UtcNow.AddSeconds(3);
        var (scheduled, expiring) = await site.WithDbAsync<(int, int)>(async db =>
        {
            var unit = await db.Units.SingleAsync(u => u.Slug == SeedFacts.Units.SoGddtSocTrang);
            Post Add(string slug, PostStatus status, DateTime? publishAt, DateTime? unpublishAt)
            {
                var post = new Post
                {
                    UnitId = unit.Id, Kind = PostKind.Announcement, Slug = slug, Title = $"Bài hẹn giờ {slug}", Status = status,
                    PublishAt = publishAt, UnpublishAt = unpublishAt, BodyMarkdown = "Thông báo hẹn giờ.",
                    CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Version = Guid.NewGuid(),
                };
                db.Posts.Add(post);
                return post;
            }
            var scheduled = Add("hen-gio-vai-giay", PostStatus.Scheduled, at, null);
            var expiring = Add("het-han-vai-giay", PostStatus.Published, DateTime.UtcNow.AddDays(-1), at);
            await db.SaveChangesAsync();
            return (scheduled.Id, expiring.Id);
        });

        Dictionary<int, Post> states = [];
        for (var waited = 0; waited < 600; waited++)
        {
            states = await site.WithDbAsync(db => db.Posts.AsNoTracking().Where(p => p.Id == scheduled || p.Id == expiring).ToDictionaryAsync(p => p.Id));
            if (states[scheduled].Status == PostStatus.Published && states[expiring].Status == PostStatus.Unpublished)
                break;
            await Task.Delay(100);
        }
        Assert.Equal(PostStatus.Published, states[scheduled].Status);
        Assert.Equal(PostStatus.Unpublished, states[expiring].Status);
        Assert.True(states[scheduled].UpdatedAt >= at, $"published at {states[scheduled].UpdatedAt:O}, before its time {at:O}");
    }
}
