using CchcSite.Content.Data;
using CchcSite.Content.Posts;
using CchcSite.Content.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Subscriptions;

/// <summary>
/// From "a post became public" to "these subscribers get it": the alert is written in the publishing transaction
/// (<see cref="Published"/>), then queued for the matching subscribers, one <see cref="SubscriptionDelivery"/> per
/// subscriber and post. Queueing runs on one node at a time and can be repeated: pairs already queued are skipped, and the
/// unique key refuses a second row for a pair whatever happens.
/// </summary>
public sealed class SubscriptionAlerts(CchcDbContext db, TimeProvider clock, IOptions<SubscriptionOptions> options)
{
    /// <summary>Rows inserted per save while queueing, so that 10,000 subscribers do not sit in one change tracker.</summary>
    private const int Chunk = 1000;

    /// <summary>
    /// Records, in the caller's unit of work, that <paramref name="post"/> has become public. Called where a post turns
    /// Published: an approver's publish step and the scheduled publishing job (a post approved for later is announced
    /// when readers can see it, not when it is approved). Seeding and imports do not call it: old items are not news.
    /// </summary>
    public static void Published(CchcDbContext db, Post post, DateTime utcNow) =>
        db.Add(new SubscriptionAlert { PostId = post.Id, CreatedAt = utcNow });

    /// <summary>Queues the alerts not queued yet; returns the deliveries added.</summary>
    public async Task<int> QueueAsync(CancellationToken ct)
    {
        var alerts = await db.Set<SubscriptionAlert>().AsNoTracking().Where(a => a.QueuedAt == null).OrderBy(a => a.Id).Take(50).ToListAsync(ct);
        if (alerts.Count == 0)
            return 0;
        var subscriptions = await db.Set<Subscription>().AsNoTracking().Where(s => s.Status == SubscriptionStatus.Active).ToListAsync(ct);
        var parents = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
        var added = 0;
        foreach (var alert in alerts)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var post = await db.Posts.AsNoTracking().Where(p => p.Id == alert.PostId)
                .Select(p => new { p.UnitId, p.CategoryId, p.Kind }).FirstOrDefaultAsync(ct);
            if (post is not null)
            {
                var ancestors = Ancestors(post.UnitId, parents);
                var queued = (await db.Set<SubscriptionDelivery>().Where(d => d.PostId == alert.PostId).Select(d => d.SubscriptionId).ToListAsync(ct))
                    .ToHashSet();
                var rows = subscriptions.Where(s => !queued.Contains(s.Id) && Matches(s, post.UnitId, ancestors, post.CategoryId, post.Kind))
                    .Select(s => new SubscriptionDelivery
                    {
                        SubscriptionId = s.Id, PostId = alert.PostId, Status = DeliveryStatus.Pending, DueAt = DueAt(s.Frequency, now),
                        NextAttemptAt = now, QueuedAt = now,
                    });
                foreach (var chunk in rows.Chunk(Chunk))
                {
                    db.AddRange(chunk);
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                    added += chunk.Length;
                }
            }
            await db.Set<SubscriptionAlert>().Where(a => a.Id == alert.Id).ExecuteUpdateAsync(a => a.SetProperty(x => x.QueuedAt, now), ct);
        }
        return added;
    }

    /// <summary>Whether an item of the unit (with its <paramref name="ancestors"/>), field and kind is one the subscription asked for.</summary>
    public static bool Matches(Subscription subscription, int unitId, IReadOnlyCollection<int> ancestors, int? categoryId, PostKind kind)
    {
        var units = subscription.UnitIdList;
        var unitOk = units.Count == 0 || units.Contains(unitId) || (subscription.IncludeSubUnits && units.Any(ancestors.Contains));
        var categories = subscription.CategoryIdList;
        var categoryOk = categories.Count == 0 || (categoryId is { } id && categories.Contains(id));
        var kinds = subscription.KindList;
        return unitOk && categoryOk && (kinds.Count == 0 || kinds.Contains(kind));
    }

    /// <summary>
    /// When a delivery may go: at once for immediate alerts; daily digests at the configured hour (Vietnam time) of the
    /// next day that hour comes; weekly digests at that hour on the next Monday.
    /// </summary>
    public DateTime DueAt(SubscriptionFrequency frequency, DateTime utcNow)
    {
        if (frequency == SubscriptionFrequency.Immediately)
            return utcNow;
        var local = VietnamTime.ToLocal(utcNow);
        var at = local.Date.AddHours(options.Value.DigestHour);
        if (at <= local)
            at = at.AddDays(1);
        if (frequency == SubscriptionFrequency.Weekly)
            while (at.DayOfWeek != DayOfWeek.Monday)
                at = at.AddDays(1);
        return DateTime.SpecifyKind(at - VietnamTime.Offset, DateTimeKind.Utc);
    }

    private static HashSet<int> Ancestors(int unitId, IReadOnlyDictionary<int, int?> parents)
    {
        var result = new HashSet<int>();
        for (var id = parents.GetValueOrDefault(unitId); id is { } parent && result.Add(parent); id = parents.GetValueOrDefault(parent))
        {
        }
        return result;
    }
}
