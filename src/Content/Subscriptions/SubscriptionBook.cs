using CchcSite.Content.Data;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Posts;
using CchcSite.Content.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Subscriptions;

/// <summary>What a person picks on the subscribe or manage form. Empty lists mean "all".</summary>
public sealed record SubscriptionChoice(
    string? Email,
    IReadOnlyList<int> UnitIds,
    bool IncludeSubUnits,
    IReadOnlyList<int> CategoryIds,
    IReadOnlyList<PostKind> Kinds,
    SubscriptionFrequency Frequency,
    bool Bulletin,
    bool ProcedureChanges,
    bool Contests)
{
    public static readonly SubscriptionChoice Empty = new(null, [], true, [], [], SubscriptionFrequency.Immediately, true, true, true);
}

/// <summary>Which message the subscribe request calls for; the page says the same in every case, so it tells nothing about the address.</summary>
public enum SubscribeMail
{
    /// <summary>A new or unconfirmed subscription: the confirmation link.</summary>
    Confirm,
    /// <summary>The address already receives the news: a link to manage it, and nothing changed.</summary>
    AlreadyActive,
}

public sealed record SubscribeResult(Subscription Subscription, SubscribeMail Mail);

/// <summary>Counts without addresses, for approvers; administrators see the list.</summary>
public sealed record SubscriptionCounts(int Active, int Pending, int Immediately, int Daily, int Weekly);

public sealed record SubscriberRow(int Id, string Email, SubscriptionStatus Status, SubscriptionFrequency Frequency, DateTime CreatedAt,
    DateTime? ConfirmedAt, string Units, int Sent, int Waiting);

/// <summary>
/// The subscriptions themselves: asking (double opt-in), confirming, changing, ending, and forgetting the address after
/// the retention period. The web host signs and reads the links; this class is handed the subscription they name.
/// </summary>
public sealed class SubscriptionBook(CchcDbContext db, TimeProvider clock, IOptions<SubscriptionOptions> options)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<SubscribeResult>> SubscribeAsync(SubscriptionChoice choice, CancellationToken ct)
    {
        var email = choice.Email?.Trim().ToLowerInvariant();
        var errors = await ValidateAsync(choice, ct);
        if (!EmailAddressRule.IsValid(email))
            errors["Email"] = EmailAddressRule.Message;
        if (errors.Count > 0)
            return Outcome<SubscribeResult>.Invalid.Of(errors);
        var now = Now;
        var subscription = await db.Set<Subscription>().FirstOrDefaultAsync(s => s.Email == email, ct);
        if (subscription is { Status: SubscriptionStatus.Active })
            return new Outcome<SubscribeResult>.Ok(new SubscribeResult(subscription, SubscribeMail.AlreadyActive));
        if (subscription is null)
        {
            subscription = new Subscription { Email = email!, CreatedAt = now };
            db.Add(subscription);
        }
        // Unconfirmed or ended: the request starts afresh, and links from before stop working.
        subscription.Status = SubscriptionStatus.Pending;
        subscription.Stamp = Guid.NewGuid();
        subscription.ConfirmBy = now.AddHours(options.Value.ConfirmationHours);
        subscription.UnsubscribedAt = null;
        Apply(subscription, choice);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same address asked twice at the same moment: the other request made the row, and its mail goes out.
            db.ChangeTracker.Clear();
            var other = await db.Set<Subscription>().AsNoTracking().FirstAsync(s => s.Email == email, ct);
            return new Outcome<SubscribeResult>.Ok(new SubscribeResult(other, other.Status == SubscriptionStatus.Active ? SubscribeMail.AlreadyActive : SubscribeMail.Confirm));
        }
        return new Outcome<SubscribeResult>.Ok(new SubscribeResult(subscription, SubscribeMail.Confirm));
    }

    /// <summary>The subscription a signed link names, in whatever state; null when it is gone or the link is from an earlier request.</summary>
    public Task<Subscription?> FindAsync(int id, Guid stamp, CancellationToken ct) =>
        db.Set<Subscription>().FirstOrDefaultAsync(s => s.Id == id && s.Stamp == stamp, ct);

    public async Task<Outcome<Subscription>> ConfirmAsync(int id, Guid stamp, CancellationToken ct)
    {
        if (await FindAsync(id, stamp, ct) is not { } subscription)
            return new Outcome<Subscription>.NotFound(LinkGone);
        if (subscription.Status == SubscriptionStatus.Active)
            return new Outcome<Subscription>.Ok(subscription);
        if (subscription.Status != SubscriptionStatus.Pending || subscription.ConfirmBy < Now)
            return new Outcome<Subscription>.Refused(Expired);
        subscription.Status = SubscriptionStatus.Active;
        subscription.ConfirmedAt = Now;
        await db.SaveChangesAsync(ct);
        return new Outcome<Subscription>.Ok(subscription);
    }

    public async Task<Outcome<Subscription>> ChangeAsync(int id, Guid stamp, SubscriptionChoice choice, CancellationToken ct)
    {
        if (await FindAsync(id, stamp, ct) is not { Status: SubscriptionStatus.Active } subscription)
            return new Outcome<Subscription>.NotFound(LinkGone);
        var errors = await ValidateAsync(choice, ct);
        if (errors.Count > 0)
            return Outcome<Subscription>.Invalid.Of(errors);
        Apply(subscription, choice);
        await db.SaveChangesAsync(ct);
        return new Outcome<Subscription>.Ok(subscription);
    }

    /// <summary>Ends a subscription; what is still waiting for it is not sent. Repeating it is harmless (a mail client may post twice).</summary>
    public async Task<Outcome<Subscription>> UnsubscribeAsync(int id, Guid stamp, CancellationToken ct)
    {
        if (await FindAsync(id, stamp, ct) is not { } subscription)
            return new Outcome<Subscription>.NotFound(LinkGone);
        if (subscription.Status != SubscriptionStatus.Unsubscribed)
        {
            var now = Now;
            subscription.Status = SubscriptionStatus.Unsubscribed;
            subscription.UnsubscribedAt = now;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await db.Set<SubscriptionDelivery>().Where(d => d.SubscriptionId == id && d.Status == DeliveryStatus.Pending)
                .ExecuteUpdateAsync(d => d.SetProperty(x => x.Status, DeliveryStatus.Dropped).SetProperty(x => x.LastError, "Người nhận đã hủy đăng ký."), ct);
            await transaction.CommitAsync(ct);
        }
        return new Outcome<Subscription>.Ok(subscription);
    }

    /// <summary>
    /// Deletes the addresses the site may no longer keep: subscriptions ended, or never confirmed, more than the
    /// retention period ago (their deliveries go with them).
    /// </summary>
    public async Task<int> ForgetExpiredAsync(CancellationToken ct)
    {
        var limit = Now.AddDays(-options.Value.RetentionDays);
        return await db.Set<Subscription>()
            .Where(s => (s.Status == SubscriptionStatus.Unsubscribed && s.UnsubscribedAt < limit)
                        || (s.Status == SubscriptionStatus.Pending && s.ConfirmBy < limit))
            .ExecuteDeleteAsync(ct);
    }

    /// <summary>Counts for the units given (null: the whole site), without addresses: what an approver may see.</summary>
    public async Task<SubscriptionCounts> CountsAsync(IReadOnlySet<int>? unitIds, CancellationToken ct)
    {
        var rows = await db.Set<Subscription>().AsNoTracking().Where(s => s.Status != SubscriptionStatus.Unsubscribed)
            .Select(s => new { s.Status, s.Frequency, s.UnitIds }).ToListAsync(ct);
        // A subscription to every unit counts for each unit; one naming units counts where it names one of them.
        var counted = rows.Where(r => unitIds is null || r.UnitIds.Length == 0
            || r.UnitIds.Split(',').Any(id => int.TryParse(id, out var unit) && unitIds.Contains(unit))).ToList();
        var active = counted.Where(r => r.Status == SubscriptionStatus.Active).ToList();
        return new SubscriptionCounts(active.Count, counted.Count - active.Count,
            active.Count(r => r.Frequency == SubscriptionFrequency.Immediately), active.Count(r => r.Frequency == SubscriptionFrequency.Daily),
            active.Count(r => r.Frequency == SubscriptionFrequency.Weekly));
    }

    /// <summary>The list with addresses: administrators only (the caller checks).</summary>
    public async Task<IReadOnlyList<SubscriberRow>> ListAsync(CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ShortName, ct);
        var sent = await db.Set<SubscriptionDelivery>().AsNoTracking().GroupBy(d => new { d.SubscriptionId, d.Status })
            .Select(g => new { g.Key.SubscriptionId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var list = await db.Set<Subscription>().AsNoTracking().OrderByDescending(s => s.CreatedAt).ToListAsync(ct);
        return [.. list.Select(s => new SubscriberRow(s.Id, s.Email, s.Status, s.Frequency, s.CreatedAt, s.ConfirmedAt,
            s.UnitIdList.Count == 0 ? "Tất cả đơn vị" : string.Join(", ", s.UnitIdList.Select(id => units.GetValueOrDefault(id, "?"))),
            sent.Where(x => x.SubscriptionId == s.Id && x.Status == DeliveryStatus.Sent).Sum(x => x.Count),
            sent.Where(x => x.SubscriptionId == s.Id && x.Status == DeliveryStatus.Pending).Sum(x => x.Count)))];
    }

    public const string LinkGone = "Đường dẫn không còn hiệu lực. Có thể bạn đã đăng ký lại bằng một thư mới hơn, hoặc đăng ký đã được xóa.";
    public const string Expired = "Đường dẫn xác nhận đã hết hạn. Vui lòng đăng ký lại; thư xác nhận mới sẽ được gửi đến bạn.";

    private static void Apply(Subscription subscription, SubscriptionChoice choice)
    {
        subscription.UnitIds = Subscription.Join(choice.UnitIds);
        subscription.IncludeSubUnits = choice.IncludeSubUnits;
        subscription.CategoryIds = Subscription.Join(choice.CategoryIds);
        subscription.Kinds = Subscription.Join(choice.Kinds.Select(k => k.ToString()));
        subscription.Frequency = choice.Frequency;
        subscription.Bulletin = choice.Bulletin;
        subscription.ProcedureChanges = choice.ProcedureChanges;
        subscription.Contests = choice.Contests;
    }

    /// <summary>Units and fields must exist (a tampered form gets a message, not a crash); too many is a tampered form too.</summary>
    private async Task<Dictionary<string, string>> ValidateAsync(SubscriptionChoice choice, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var units = choice.UnitIds.Distinct().ToList();
        if (units.Count > 200 || (units.Count > 0 && await db.Units.CountAsync(u => units.Contains(u.Id) && u.IsActive, ct) != units.Count))
            errors["UnitIds"] = "Đơn vị đã chọn không còn. Vui lòng chọn lại.";
        var categories = choice.CategoryIds.Distinct().ToList();
        if (categories.Count > 100 || (categories.Count > 0 && await db.Categories.CountAsync(c => categories.Contains(c.Id), ct) != categories.Count))
            errors["CategoryIds"] = "Lĩnh vực đã chọn không còn. Vui lòng chọn lại.";
        if (choice.Kinds.Any(k => !Enum.IsDefined(k)))
            errors["Kinds"] = "Loại tin đã chọn không hợp lệ.";
        if (!Enum.IsDefined(choice.Frequency))
            errors["Frequency"] = "Vui lòng chọn tần suất nhận thư.";
        return errors;
    }
}
