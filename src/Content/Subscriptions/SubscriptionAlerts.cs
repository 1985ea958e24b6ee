using CchcSite.Content.Data;
using CchcSite.Content.Posts;
using CchcSite.Content.Procedures;
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

    /// <summary>The same for an issue of the Bản tin CCHC, in the transaction of its publish step; it goes to those who asked for the bulletin.</summary>
    public static void Published(CchcDbContext db, Bulletins.BulletinIssue issue, DateTime utcNow) =>
        db.Add(new SubscriptionAlert { BulletinIssueId = issue.Id, CreatedAt = utcNow });

    /// <summary>
    /// The same for procedures: one alert per decision among <paramref name="saved"/>, the revisions one save or import has
    /// just written (saved already, so that they have ids), in its transaction. Only revisions made under a decision announce
    /// anything — the public change list's entries; a corrected typo is not news. Seeding does not call it.
    /// </summary>
    public static void Announced(CchcDbContext db, IEnumerable<Procedures.ProcedureRevision> saved, DateTime utcNow) =>
        db.AddRange(saved.Where(r => r is { Change: not null, DecisionNumber: not null }).GroupBy(r => r.DecisionNumber)
            .Select(g => new SubscriptionAlert { ProcedureRevisionId = g.Min(r => r.Id), CreatedAt = utcNow }));

    /// <summary>
    /// The same for a contest turned public (saved already, so that it has an id), in the transaction of that save; it
    /// goes to those who asked for contests of its unit. Called on each turn from draft to published: a contest published
    /// again after a correction is not announced twice (one delivery per subscriber and contest).
    /// </summary>
    public static void Published(CchcDbContext db, Contests.Contest contest, DateTime utcNow) =>
        db.Add(new SubscriptionAlert { ContestId = contest.Id, CreatedAt = utcNow });

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
            var recipients = await RecipientsAsync(alert, subscriptions, parents, ct);
            var rows = recipients.Select(s => new SubscriptionDelivery
            {
                SubscriptionId = s.Id, PostId = alert.PostId, BulletinIssueId = alert.BulletinIssueId, ProcedureRevisionId = alert.ProcedureRevisionId,
                ContestId = alert.ContestId, Status = DeliveryStatus.Pending,
                // A bulletin is a digest in itself: it goes when published, whatever the subscriber's frequency.
                DueAt = alert.BulletinIssueId is null ? DueAt(s.Frequency, now) : now, NextAttemptAt = now, QueuedAt = now,
            });
            foreach (var chunk in rows.Chunk(Chunk))
            {
                db.AddRange(chunk);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                added += chunk.Length;
            }
            await db.Set<SubscriptionAlert>().Where(a => a.Id == alert.Id).ExecuteUpdateAsync(a => a.SetProperty(x => x.QueuedAt, now), ct);
        }
        return added;
    }

    /// <summary>The active subscriptions the alert's item matches and that have no delivery of it yet.</summary>
    private async Task<IEnumerable<Subscription>> RecipientsAsync(SubscriptionAlert alert, IReadOnlyList<Subscription> subscriptions,
        IReadOnlyDictionary<int, int?> parents, CancellationToken ct)
    {
        if (alert.PostId is { } postId)
        {
            var post = await db.Posts.AsNoTracking().Where(p => p.Id == postId).Select(p => new { p.UnitId, p.CategoryId, p.Kind }).FirstOrDefaultAsync(ct);
            if (post is null)
                return [];
            var ancestors = Ancestors(post.UnitId, parents);
            var queued = (await db.Set<SubscriptionDelivery>().Where(d => d.PostId == postId).Select(d => d.SubscriptionId).ToListAsync(ct)).ToHashSet();
            return subscriptions.Where(s => !queued.Contains(s.Id) && Matches(s, post.UnitId, ancestors, post.CategoryId, post.Kind));
        }
        if (alert.BulletinIssueId is { } issueId)
        {
            var unitId = await db.Set<Bulletins.BulletinIssue>().AsNoTracking().Where(i => i.Id == issueId).Select(i => (int?)i.UnitId).FirstOrDefaultAsync(ct);
            if (unitId is null)
                return [];
            var unitAncestors = Ancestors(unitId.Value, parents);
            var sent = (await db.Set<SubscriptionDelivery>().Where(d => d.BulletinIssueId == issueId).Select(d => d.SubscriptionId).ToListAsync(ct)).ToHashSet();
            return subscriptions.Where(s => !sent.Contains(s.Id) && s.Bulletin && MatchesUnit(s, unitId.Value, unitAncestors));
        }
        if (alert.ContestId is { } contestId)
        {
            var organiser = await db.Contests.AsNoTracking().Where(c => c.Id == contestId).Select(c => (int?)c.UnitId).FirstOrDefaultAsync(ct);
            if (organiser is null)
                return [];
            var organiserAncestors = Ancestors(organiser.Value, parents);
            var invited = (await db.Set<SubscriptionDelivery>().Where(d => d.ContestId == contestId).Select(d => d.SubscriptionId).ToListAsync(ct)).ToHashSet();
            return subscriptions.Where(s => !invited.Contains(s.Id) && s.Contests && MatchesUnit(s, organiser.Value, organiserAncestors));
        }
        // A procedure announcement goes to those who asked for procedure changes of a unit that handles any of its procedures.
        var revisionId = alert.ProcedureRevisionId!.Value;
        var lead = await db.ProcedureRevisions.AsNoTracking().Where(r => r.Id == revisionId).Select(r => new { r.DecisionNumber, r.At }).FirstOrDefaultAsync(ct);
        if (lead is null)
            return [];
        var handling = await db.ProcedureRevisions.OfAnnouncement(lead.DecisionNumber, lead.At)
            .Join(db.Procedures, r => r.ProcedureId, p => p.Id, (r, p) => p).SelectMany(p => p.Units.Select(u => u.UnitId)).Distinct().ToListAsync(ct);
        var reach = handling.Select(id => (Unit: id, Ancestors: Ancestors(id, parents))).ToList();
        var told = (await db.Set<SubscriptionDelivery>().Where(d => d.ProcedureRevisionId == revisionId).Select(d => d.SubscriptionId).ToListAsync(ct)).ToHashSet();
        return subscriptions.Where(s => !told.Contains(s.Id) && s.ProcedureChanges && reach.Any(u => MatchesUnit(s, u.Unit, u.Ancestors)));
    }

    /// <summary>Whether an item of the unit (with its <paramref name="ancestors"/>), field and kind is one the subscription asked for.</summary>
    public static bool Matches(Subscription subscription, int unitId, IReadOnlyCollection<int> ancestors, int? categoryId, PostKind kind)
    {
        var unitOk = MatchesUnit(subscription, unitId, ancestors);
        var categories = subscription.CategoryIdList;
        var categoryOk = categories.Count == 0 || (categoryId is { } id && categories.Contains(id));
        var kinds = subscription.KindList;
        return unitOk && categoryOk && (kinds.Count == 0 || kinds.Contains(kind));
    }

    /// <summary>Whether the subscription asked for items of the unit: all units, the unit itself, or an ancestor with its sub-units.</summary>
    public static bool MatchesUnit(Subscription subscription, int unitId, IReadOnlyCollection<int> ancestors)
    {
        var units = subscription.UnitIdList;
        return units.Count == 0 || units.Contains(unitId) || (subscription.IncludeSubUnits && units.Any(ancestors.Contains));
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
