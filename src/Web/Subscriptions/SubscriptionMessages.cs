using CchcSite.Content.Bulletins;
using CchcSite.Content.Contests;
using CchcSite.Content.Posts;
using CchcSite.Content.Procedures;
using CchcSite.Content.Site;
using CchcSite.Content.Subscriptions;
using CchcSite.Content.Text;
using CchcSite.Web.Hosting;

namespace CchcSite.Web.Subscriptions;

/// <summary>The models of the three messages, with every link absolute (from <see cref="PublicUrls"/>) and signed.</summary>
public sealed class SubscriptionMessages(SubscriptionMailer mailer, SubscriptionTokens tokens, PublicUrls urls, SiteIdentity site)
{
    public Task<SubscriptionMessage> ConfirmationAsync(Subscription subscription) =>
        mailer.RenderAsync("Confirm", subscription.Email, new SubscriptionMailModel(site.Name, urls.Origin + "/", "Xác nhận đăng ký nhận tin cải cách hành chính",
            "Xác nhận đăng ký nhận tin", [],
            urls.Absolute(SubscriptionAddresses.WithToken(SubscriptionAddresses.ConfirmPath, tokens.Confirmation(subscription))),
            null, null, VietnamTime.FormatDateTime(subscription.ConfirmBy)), $"xac-nhan-{subscription.Id}-{subscription.Stamp:N}");

    /// <summary>To an address that already receives the news and asked again: how to change it, and nothing else.</summary>
    public Task<SubscriptionMessage> AlreadyActiveAsync(Subscription subscription) =>
        mailer.RenderAsync("Confirm", subscription.Email, new SubscriptionMailModel(site.Name, urls.Origin + "/", "Bạn đang nhận tin cải cách hành chính",
            "Địa chỉ này đã đăng ký nhận tin", [], null, ManageUrl(subscription), UnsubscribeUrl(subscription), null),
            $"da-dang-ky-{subscription.Id}-{Guid.NewGuid():N}");

    public Task<SubscriptionMessage> AlertAsync(ClaimedMessage message)
    {
        var subscription = message.Subscription;
        if (message.Bulletin is { } issue)
            return BulletinAsync(subscription, issue, message.DeliveryIds[0]);
        var items = message.Items.Select(Item).Concat(message.Announcements.SelectMany(Items)).Concat(message.Contests.Select(Item)).ToList();
        var subject = message.Digest
            ? $"{(subscription.Frequency == SubscriptionFrequency.Daily ? "Tin cải cách hành chính trong ngày" : "Tin cải cách hành chính trong tuần")}: {message.Count} tin mới"
            : message.Announcements is [var announcement] ? Subject(announcement)
            : message.Contests is [var contest] ? $"Mời tham gia: {contest.Title}"
            : items[0].Title;
        var heading = message.Digest ? subject
            : message.Announcements is [var only] ? $"Thủ tục hành chính của {only.Unit.Name} theo Quyết định số {only.Decision.Number}"
            : message.Contests is [var one] ? $"Hội thi trực tuyến của {one.UnitName}"
            : $"{items[0].KindName} mới của {items[0].UnitName}";
        // The first delivery names the message: a copy sent again after a crash carries the same Message-ID.
        return mailer.RenderAsync(message.Digest ? "Digest" : "Alert", subscription.Email,
            new SubscriptionMailModel(site.Name, urls.Origin + "/", subject, heading, items, null, ManageUrl(subscription), UnsubscribeUrl(subscription), null),
            $"tin-{message.DeliveryIds[0]}");
    }

    /// <summary>"Sửa đổi, bổ sung: Đăng ký khai sinh" for one procedure; the decision and the count for several.</summary>
    private static string Subject(ProcedureAnnouncement announcement) => announcement.Decision.Changes is [var change]
        ? $"{change.Change}: {change.Procedure.Name}"
        : $"Quyết định số {announcement.Decision.Number}: {announcement.Decision.Changes.Count} thủ tục hành chính công bố, sửa đổi, bãi bỏ";

    /// <summary>
    /// One item per procedure the decision touched, up to <see cref="MaxProcedures"/>; past that, one item that leads to the
    /// decision on the change list, so that a decision announcing the whole national list is still a readable message.
    /// </summary>
    private IEnumerable<MailItem> Items(ProcedureAnnouncement announcement)
    {
        var decision = announcement.Decision;
        var decisionText = $"Quyết định số {decision.Number}" + (decision.Date is { } date ? $" ngày {VietnamTime.FormatDate(date)}" : "");
        var on = VietnamTime.FormatDate(announcement.At);
        foreach (var change in decision.Changes.Take(MaxProcedures))
            yield return new MailItem($"{change.Procedure.Name} ({change.Procedure.Code})",
                $"{change.Change} theo {decisionText}."
                + (change.ChangedFields is { Count: > 0 } fields ? $" Nội dung thay đổi: {string.Join(", ", fields)}." : ""),
                urls.Absolute(change.Procedure.Url), null, null, announcement.Unit.Name, $"Thủ tục hành chính – {change.Change}", on, change.Procedure.Field.Name);
        if (decision.Changes.Count > MaxProcedures)
            yield return new MailItem($"Và {decision.Changes.Count - MaxProcedures} thủ tục khác theo {decisionText}",
                "Danh sách đầy đủ các thủ tục được công bố, sửa đổi, bãi bỏ theo quyết định này có trên trang.",
                urls.Absolute(announcement.ChangesUrl), null, null, announcement.Unit.Name, "Thủ tục hành chính", on, null);
    }

    private const int MaxProcedures = 20;

    private Task<SubscriptionMessage> BulletinAsync(Subscription subscription, BulletinView issue, long deliveryId)
    {
        var published = VietnamTime.FormatDate(issue.PublishedAt);
        var bulletin = new MailBulletin(issue.Title, issue.PeriodText, issue.Unit.Name, published, issue.Introduction,
            [.. issue.Sections.Select(section => new MailBulletinSection(section.Name, [.. section.Entries.Select(entry =>
                new MailItem(entry.Title, entry.Summary, urls.Absolute(entry.Url), null, null, issue.Unit.Name, EntryKind(entry.ItemKind), published, section.Name))]))],
            urls.Absolute(issue.Url), urls.Absolute(issue.PdfUrl));
        var subject = $"{issue.Title} – {issue.Unit.ShortName}";
        return mailer.RenderAsync("Bulletin", subscription.Email,
            new SubscriptionMailModel(site.Name, urls.Origin + "/", subject, $"{issue.Title} ({issue.PeriodText})", [], null, ManageUrl(subscription),
                UnsubscribeUrl(subscription), null, bulletin), $"ban-tin-{deliveryId}");
    }

    private static string EntryKind(BulletinItemKind kind) => kind switch
    {
        BulletinItemKind.Question => "Hỏi – đáp",
        BulletinItemKind.IndexResult => "Kết quả chỉ số",
        _ => "Tin bài",
    };

    public string ManageUrl(Subscription subscription) =>
        urls.Absolute(SubscriptionAddresses.WithToken(SubscriptionAddresses.ManagePath, tokens.Manage(subscription)));

    public string UnsubscribeUrl(Subscription subscription) =>
        urls.Absolute(SubscriptionAddresses.WithToken(SubscriptionAddresses.UnsubscribePath, tokens.Manage(subscription)));

    /// <summary>A contest with the round to take part in: the one open now, else the next; none when every round is over.</summary>
    private MailItem Item(ContestCard contest)
    {
        var round = contest.Current ?? contest.Next;
        var when = round is null ? "Các đợt thi đã kết thúc"
            : $"Đợt {round.Number}: {VietnamTime.FormatDateTime(round.OpensAt)} – {VietnamTime.FormatDateTime(round.ClosesAt)}";
        var invitation = round is null ? "Xem kết quả trên trang."
            : contest.Current is null ? $"Mời bạn tham gia từ {VietnamTime.FormatDateTime(round.OpensAt)}."
            : $"Mời bạn tham gia trước {VietnamTime.FormatDateTime(round.ClosesAt)}.";
        var summary = string.IsNullOrWhiteSpace(contest.Summary) ? invitation : $"{contest.Summary.Trim()} {invitation}";
        return new MailItem(contest.Title, summary, urls.Absolute(contest.Url), null, null, contest.UnitName, "Hội thi trực tuyến", when, null);
    }

    private MailItem Item(PostCard card) => new(card.Title, card.Summary, urls.Absolute(card.Url),
        card.Cover is { } cover ? urls.Absolute(cover.UrlFor(600)) : null, card.Cover?.Alt, card.IssuingUnitName,
        PostKindSegments.Of(card.Kind).SingularName, VietnamTime.FormatDate(card.PublishedAt), card.Category?.Name);
}
