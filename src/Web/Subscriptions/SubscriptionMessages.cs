using CchcSite.Content.Bulletins;
using CchcSite.Content.Posts;
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
        var items = message.Items.Select(Item).ToList();
        var subject = message.Digest
            ? $"{(subscription.Frequency == SubscriptionFrequency.Daily ? "Tin cải cách hành chính trong ngày" : "Tin cải cách hành chính trong tuần")}: {items.Count} tin mới"
            : items[0].Title;
        var heading = message.Digest ? subject : $"{items[0].KindName} mới của {items[0].UnitName}";
        // The first delivery names the message: a copy sent again after a crash carries the same Message-ID.
        return mailer.RenderAsync(message.Digest ? "Digest" : "Alert", subscription.Email,
            new SubscriptionMailModel(site.Name, urls.Origin + "/", subject, heading, items, null, ManageUrl(subscription), UnsubscribeUrl(subscription), null),
            $"tin-{message.DeliveryIds[0]}");
    }

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

    private MailItem Item(PostCard card) => new(card.Title, card.Summary, urls.Absolute(card.Url),
        card.Cover is { } cover ? urls.Absolute(cover.UrlFor(600)) : null, card.Cover?.Alt, card.IssuingUnitName,
        PostKindSegments.Of(card.Kind).SingularName, VietnamTime.FormatDate(card.PublishedAt), card.Category?.Name);
}
