using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using CchcSite.Content.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Posts;

/// <summary>
/// Carries out what approvers scheduled: Scheduled posts whose time has come become Published, and published
/// posts whose unpublish time has passed become Unpublished. All state is in the database, so a restart
/// loses nothing: the first run after it catches up.
/// </summary>
public sealed class ScheduledPublishing(CchcDbContext db, TimeProvider clock, AuditLog audit)
{
    public async Task<(int Published, int Unpublished)> RunDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Posts
            .Where(p => (p.Status == PostStatus.Scheduled && p.PublishAt <= now)
                        || (p.Status == PostStatus.Published && p.UnpublishAt <= now))
            .ToListAsync(ct);
        foreach (var post in due)
        {
            post.Status = post.Status == PostStatus.Scheduled ? PostStatus.Published : PostStatus.Unpublished;
            post.UpdatedAt = now;
            post.Version = Guid.NewGuid();
            // Announced to subscribers now that readers can see it, in this same save.
            if (post.Status == PostStatus.Published)
                SubscriptionAlerts.Published(db, post, now);
            audit.Record(null, AuditActions.PostScheduled, $"\"{post.Title}\": {post.Status.Vietnamese()} theo lịch", nameof(Post), post.Id.ToString(), post.UnitId);
        }
        await db.SaveChangesAsync(ct);
        return (due.Count(p => p.Status == PostStatus.Published), due.Count(p => p.Status == PostStatus.Unpublished));
    }

    /// <summary>When <see cref="RunDueAsync"/> next has work, as things stand: the earliest pending publish or unpublish time; none when nothing is scheduled.</summary>
    public async Task<DateTime?> NextDueAsync(CancellationToken ct)
    {
        var publish = await db.Posts.Where(p => p.Status == PostStatus.Scheduled).MinAsync(p => p.PublishAt, ct);
        var unpublish = await db.Posts.Where(p => p.Status == PostStatus.Published).MinAsync(p => p.UnpublishAt, ct);
        return publish is null ? unpublish : unpublish is null ? publish : publish < unpublish ? publish : unpublish;
    }
}
