using CchcSite.Content.Data;
using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Subscriptions;

/// <summary>
/// One message to send: a subscriber and the deliveries (one, or a digest's several) it carries — posts, procedure
/// announcements and contests, or one issue of the Bản tin CCHC (<see cref="Bulletin"/>, with nothing else).
/// </summary>
public sealed record ClaimedMessage(Subscription Subscription, IReadOnlyList<long> DeliveryIds, IReadOnlyList<PostCard> Items,
    IReadOnlyList<Procedures.ProcedureAnnouncement> Announcements, IReadOnlyList<Contests.ContestCard> Contests, bool Digest,
    Bulletins.BulletinView? Bulletin = null)
{
    public int Count => Items.Count + Announcements.Count + Contests.Count;
}

/// <summary>
/// The queue's side of sending, on any number of nodes. A sender claims due deliveries under a lease of its own, sends,
/// and records each message's outcome against that lease.
/// </summary>
/// <remarks>
/// <para><b>Exactly once.</b> A pair (subscriber, post) has one row (unique key), and a row recorded Sent is never claimed
/// again. Two nodes cannot hold one row: the claim is a conditional UPDATE (lease free or run out) that the database
/// applies to each row once; a second node's UPDATE finds the lease taken and claims nothing.</para>
/// <para><b>The crash window.</b> Between the SMTP server's "250 OK" for a message and the commit of its Sent record
/// (milliseconds), a crash of the node or the database leaves the row claimed but not recorded; when the lease runs out
/// another node sends it again. That second copy is what SMTP itself cannot prevent (the server has accepted the message
/// and cannot take it back); it carries the same Message-ID, so mail clients that de-duplicate show it once. Any other
/// failure (server down, refused, timeout before "250") is recorded and retried with backoff: nothing is lost.</para>
/// </remarks>
public sealed class DeliveryQueue(CchcDbContext db, PublishedPosts posts, Bulletins.PublicBulletins bulletins,
    Procedures.PublicProcedures procedures, Contests.PublicContests contests, TimeProvider clock, IOptions<SubscriptionOptions> options)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Claims up to a batch of due deliveries for <paramref name="claim"/> and returns them as messages: one per delivery
    /// for immediate subscribers, one per subscriber for digests. Deliveries whose subscription ended or whose item is no
    /// longer public are dropped here, not sent.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(Guid claim, CancellationToken ct)
    {
        var now = Now;
        var settings = options.Value;
        var candidates = await Due(now).OrderBy(d => d.SubscriptionId).ThenBy(d => d.Id).Select(d => d.Id).Take(settings.BatchSize).ToListAsync(ct);
        if (candidates.Count == 0)
            return [];
        var until = now.AddSeconds(settings.LeaseSeconds);
        // The condition is checked again by the UPDATE itself: of two nodes racing for a row, one changes it.
        await Due(now).Where(d => candidates.Contains(d.Id))
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.LeaseOwner, claim).SetProperty(x => x.LeaseUntil, until), ct);
        var claimed = await db.Set<SubscriptionDelivery>().AsNoTracking().Where(d => d.LeaseOwner == claim && d.Status == DeliveryStatus.Pending)
            .OrderBy(d => d.SubscriptionId).ThenBy(d => d.PostId).ToListAsync(ct);
        if (claimed.Count == 0)
            return [];
        var subscriptionIds = claimed.Select(d => d.SubscriptionId).Distinct().ToList();
        var subscriptions = await db.Set<Subscription>().AsNoTracking().Where(s => subscriptionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        // The one public read paths decide what is still public: an item taken down since it was queued is not sent.
        var cards = (await posts.CardsAsync([.. claimed.Select(d => d.PostId).OfType<int>().Distinct()], ct)).ToDictionary(c => c.Id);
        var issues = new Dictionary<int, Bulletins.BulletinView>();
        foreach (var issueId in claimed.Select(d => d.BulletinIssueId).OfType<int>().Distinct())
            if (await bulletins.FindAsync(issueId, ct) is { } issue)
                issues[issueId] = issue;
        var announcements = new Dictionary<long, Procedures.ProcedureAnnouncement>();
        foreach (var revisionId in claimed.Select(d => d.ProcedureRevisionId).OfType<long>().Distinct())
            if (await procedures.AnnouncementAsync(revisionId, ct) is { } announcement)
                announcements[revisionId] = announcement;
        var contestCards = new Dictionary<int, Contests.ContestCard>();
        foreach (var contestId in claimed.Select(d => d.ContestId).OfType<int>().Distinct())
            if (await contests.CardAsync(contestId, ct) is { } contest)
                contestCards[contestId] = contest;
        var gone = claimed.Where(d => !(d.PostId is { } postId ? cards.ContainsKey(postId)
                                          : d.BulletinIssueId is { } issueId ? issues.ContainsKey(issueId)
                                          : d.ContestId is { } contestId ? contestCards.ContainsKey(contestId)
                                          : announcements.ContainsKey(d.ProcedureRevisionId!.Value))
                                      || subscriptions.GetValueOrDefault(d.SubscriptionId)?.Status != SubscriptionStatus.Active).ToList();
        if (gone.Count > 0)
            await DropAsync(claim, [.. gone.Select(d => d.Id)], "Tin đã gỡ hoặc người nhận đã hủy đăng ký trước khi gửi.", ct);
        var messages = new List<ClaimedMessage>();
        foreach (var group in claimed.Except(gone).GroupBy(d => d.SubscriptionId))
        {
            var subscription = subscriptions[group.Key];
            messages.AddRange(group.Where(d => d.BulletinIssueId is not null)
                .Select(d => new ClaimedMessage(subscription, [d.Id], [], [], [], Digest: false, issues[d.BulletinIssueId!.Value])));
            var items = group.Where(d => d.BulletinIssueId is null).ToList();
            if (items.Count == 0)
                continue;
            // Immediate subscribers get one message per item; a digest carries them all, newest first within each kind.
            var batches = subscription.Frequency == SubscriptionFrequency.Immediately ? items.Select(d => (IReadOnlyList<SubscriptionDelivery>)[d]) : [items];
            messages.AddRange(batches.Select(batch => new ClaimedMessage(subscription, [.. batch.Select(d => d.Id)],
                [.. batch.Where(d => d.PostId is not null).Select(d => cards[d.PostId!.Value]).OrderByDescending(c => c.PublishedAt)],
                [.. batch.Where(d => d.ProcedureRevisionId is not null).Select(d => announcements[d.ProcedureRevisionId!.Value]).OrderByDescending(a => a.At)],
                [.. batch.Where(d => d.ContestId is not null).Select(d => contestCards[d.ContestId!.Value])],
                Digest: subscription.Frequency != SubscriptionFrequency.Immediately)));
        }
        return messages;
    }

    /// <summary>Records a message as sent; false when the lease had run out and another node may have claimed it meanwhile.</summary>
    public async Task<bool> SentAsync(Guid claim, IReadOnlyList<long> ids, CancellationToken ct)
    {
        var now = Now;
        var updated = await Claimed(claim, ids).ExecuteUpdateAsync(d => d
            .SetProperty(x => x.Status, DeliveryStatus.Sent).SetProperty(x => x.SentAt, now).SetProperty(x => x.Attempts, x => x.Attempts + 1)
            .SetProperty(x => x.LeaseOwner, (Guid?)null).SetProperty(x => x.LeaseUntil, (DateTime?)null).SetProperty(x => x.LastError, (string?)null), ct);
        return updated == ids.Count;
    }

    /// <summary>Records a failed attempt: the message waits (twice as long each time, up to an hour), or is given up after the last attempt.</summary>
    public async Task FailedAsync(Guid claim, IReadOnlyList<long> ids, string error, CancellationToken ct)
    {
        var settings = options.Value;
        var now = Now;
        var text = error.Length > 450 ? error[..450] : error;
        foreach (var row in await Claimed(claim, ids).AsNoTracking().Select(d => new { d.Id, d.Attempts }).ToListAsync(ct))
        {
            var attempts = row.Attempts + 1;
            var wait = TimeSpan.FromSeconds(Math.Min(3600, settings.RetrySeconds * Math.Pow(2, Math.Min(attempts - 1, 20))));
            var status = attempts >= settings.MaxAttempts ? DeliveryStatus.Dropped : DeliveryStatus.Pending;
            await Claimed(claim, [row.Id]).ExecuteUpdateAsync(d => d
                .SetProperty(x => x.Attempts, attempts).SetProperty(x => x.Status, status).SetProperty(x => x.NextAttemptAt, now + wait)
                .SetProperty(x => x.LastError, text).SetProperty(x => x.LeaseOwner, (Guid?)null).SetProperty(x => x.LeaseUntil, (DateTime?)null), ct);
        }
    }

    /// <summary>Lets go of claimed rows not attempted (the sender is stopping), so that they need not wait for the lease to run out.</summary>
    public Task ReleaseAsync(Guid claim, IReadOnlyList<long> ids, CancellationToken ct) =>
        Claimed(claim, ids).ExecuteUpdateAsync(d => d.SetProperty(x => x.LeaseOwner, (Guid?)null).SetProperty(x => x.LeaseUntil, (DateTime?)null), ct);

    private Task DropAsync(Guid claim, IReadOnlyList<long> ids, string reason, CancellationToken ct) =>
        Claimed(claim, ids).ExecuteUpdateAsync(d => d.SetProperty(x => x.Status, DeliveryStatus.Dropped).SetProperty(x => x.LastError, reason)
            .SetProperty(x => x.LeaseOwner, (Guid?)null).SetProperty(x => x.LeaseUntil, (DateTime?)null), ct);

    private IQueryable<SubscriptionDelivery> Due(DateTime now) =>
        db.Set<SubscriptionDelivery>().Where(d => d.Status == DeliveryStatus.Pending && d.DueAt <= now && d.NextAttemptAt <= now
                                                  && (d.LeaseUntil == null || d.LeaseUntil < now));

    private IQueryable<SubscriptionDelivery> Claimed(Guid claim, IReadOnlyList<long> ids) =>
        db.Set<SubscriptionDelivery>().Where(d => d.LeaseOwner == claim && ids.Contains(d.Id) && d.Status == DeliveryStatus.Pending);
}

