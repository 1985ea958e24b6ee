using System.Net;
using CchcSite.Content.Posts;
using CchcSite.Content.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Subscriptions;

/// <summary>Double opt-in, the alert and its headers and bodies, one-click unsubscribe, and links that are bad or tampered.</summary>
public sealed class SubscriptionFlowTests(SubscriptionSite site) : IClassFixture<SubscriptionSite>
{
    [Fact]
    public async Task Nothing_but_the_confirmation_is_sent_until_the_link_is_followed_then_alerts_come_with_one_click_unsubscribe()
    {
        const string email = "nguoi.dan.1@example.vn";
        var response = await site.SubscribeAsync(email, $"/{SubscriptionSite.Unit}/dang-ky-nhan-tin",
            new Dictionary<string, string> { ["UnitIds"] = (await site.UnitIdAsync(SubscriptionSite.Unit)).ToString() });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vui lòng kiểm tra hộp thư", await response.Content.ReadAsStringAsync());

        var confirmation = Assert.Single(site.ReceivedBy(email));
        Assert.Contains("Xác nhận đăng ký", confirmation.Subject);
        Assert.Contains("/dang-ky-nhan-tin/xac-nhan?t=", confirmation.HtmlBody);
        var confirmLink = SubscriptionSite.LinkIn(confirmation, "/dang-ky-nhan-tin/xac-nhan");
        Assert.DoesNotContain(email, confirmLink);

        // Published before the confirmation: not for this address.
        await site.PublishAsync("Tin trước khi xác nhận đăng ký");
        await site.SendRoundAsync();
        Assert.Single(site.ReceivedBy(email));

        var confirmed = await site.NewBrowser().GetAsync(SubscriptionSite.PathOf(confirmLink));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Đã xác nhận đăng ký", await confirmed.Content.ReadAsStringAsync());

        var postId = await site.PublishAsync("Ngã Năm triển khai một cửa điện tử liên thông");
        await site.SendRoundAsync();
        var rows = await site.WithDbAsync(db => db.SubscriptionDeliveries.Where(d => d.PostId == postId).ToListAsync());
        var alerts = await site.WithDbAsync(db => db.SubscriptionAlerts.Where(d => d.PostId == postId).ToListAsync());
        Assert.True(site.ReceivedBy(email).Count == 2, $"{alerts.Count} alerts, queued {alerts.FirstOrDefault()?.QueuedAt}; deliveries: "
            + string.Join("; ", rows.Select(r => $"{r.Status} {r.Attempts} {r.LastError} due {r.DueAt:O} next {r.NextAttemptAt:O} lease {r.LeaseUntil:O}")));
        var alert = site.ReceivedBy(email).Last();
        Assert.Contains("Ngã Năm triển khai một cửa điện tử liên thông", alert.Subject);
        Assert.Contains("Ngã Năm triển khai một cửa điện tử liên thông", alert.TextBody);
        Assert.Contains("Ngã Năm triển khai một cửa điện tử liên thông", alert.HtmlBody);
        Assert.Equal("List-Unsubscribe=One-Click", alert.Headers["List-Unsubscribe-Post"]);
        var unsubscribe = alert.Headers["List-Unsubscribe"]!.Trim('<', '>');
        Assert.Contains("/dang-ky-nhan-tin/huy?t=", unsubscribe);
        Assert.DoesNotContain("<img src=\"http://localhost/px", alert.HtmlBody);

        // The links work against the site: the post, the manage page.
        var postLink = System.Text.RegularExpressions.Regex.Match(alert.TextBody ?? "", @"Đọc tiếp: (\S+)").Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await site.CreateClient().GetAsync(SubscriptionSite.PathOf(postLink))).StatusCode);
        var manage = await site.NewBrowser().GetAsync(SubscriptionSite.PathOf(SubscriptionSite.LinkIn(alert, "/dang-ky-nhan-tin/quan-ly")));
        Assert.Equal(HttpStatusCode.OK, manage.StatusCode);
        Assert.Contains("Lưu lựa chọn", await manage.Content.ReadAsStringAsync());

        // RFC 8058: the mail client posts, with no cookie and no form token.
        var oneClick = await site.CreateClient().PostAsync(SubscriptionSite.PathOf(unsubscribe),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(SubscriptionStatus.Unsubscribed, await site.WithDbAsync(db => db.Subscriptions.Where(s => s.Email == email).Select(s => s.Status).SingleAsync()));

        var count = site.ReceivedBy(email).Count;
        await site.PublishAsync("Tin sau khi hủy đăng ký");
        await site.SendRoundAsync();
        Assert.Equal(count, site.ReceivedBy(email).Count);
        Assert.True(postId > 0);
    }

    [Fact]
    public async Task An_expired_confirmation_link_says_so_and_activates_nothing()
    {
        const string email = "het.han@example.vn";
        await site.SubscribeAsync(email);
        var link = SubscriptionSite.LinkIn(site.ReceivedBy(email).Last(), "/dang-ky-nhan-tin/xac-nhan");
        await site.WithDbAsync(db => db.Subscriptions.Where(s => s.Email == email)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConfirmBy, DateTime.UtcNow.AddMinutes(-1))));

        var page = await site.NewBrowser().GetAsync(SubscriptionSite.PathOf(link));

        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("hết hạn", await page.Content.ReadAsStringAsync());
        Assert.Equal(SubscriptionStatus.Pending, await site.WithDbAsync(db => db.Subscriptions.Where(s => s.Email == email).Select(s => s.Status).SingleAsync()));
    }

    [Theory]
    [InlineData("/dang-ky-nhan-tin/quan-ly?t=abc")]
    [InlineData("/dang-ky-nhan-tin/quan-ly")]
    [InlineData("/dang-ky-nhan-tin/huy?t=CfDJ8AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/dang-ky-nhan-tin/xac-nhan?t=%00%01")]
    public async Task A_bad_link_gets_a_clear_page_and_no_error(string path)
    {
        var page = await site.NewBrowser().GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Đường dẫn không dùng được", html);
        Assert.DoesNotContain("@example.vn", html);
    }

    [Fact]
    public async Task A_tampered_manage_link_opens_nothing_and_another_subscribers_link_shows_only_their_choices()
    {
        const string email = "sua.duong.dan@example.vn";
        await site.ConfirmedAsync(email);
        var manage = SubscriptionSite.LinkIn(site.ReceivedBy(email).Last(), "/dang-ky-nhan-tin/xac-nhan");
        var confirmedPage = await (await site.NewBrowser().GetAsync(SubscriptionSite.PathOf(manage))).Content.ReadAsStringAsync();
        var manageLink = System.Text.RegularExpressions.Regex.Match(confirmedPage, @"href=""http://localhost(/dang-ky-nhan-tin/quan-ly\?t=[^""]+)""").Groups[1].Value;
        Assert.NotEmpty(manageLink);
        var good = await site.NewBrowser().GetAsync(System.Net.WebUtility.HtmlDecode(manageLink));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.DoesNotContain(email, await good.Content.ReadAsStringAsync());

        var decoded = System.Net.WebUtility.HtmlDecode(manageLink);
        var tampered = decoded[..^3] + (decoded[^3] == 'A' ? 'B' : 'A') + decoded[^2..];
        var bad = await site.NewBrowser().GetAsync(tampered);
        Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
        Assert.Contains("Đường dẫn không dùng được", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_bad_address_is_refused_with_a_message_and_nothing_is_stored()
    {
        var response = await site.SubscribeAsync("không phải thư");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Thư điện tử không đúng dạng", await response.Content.ReadAsStringAsync());
        Assert.False(await site.WithDbAsync(db => db.Subscriptions.AnyAsync(s => s.Email.StartsWith("không"))));
    }

    [Fact]
    public async Task Asking_again_from_a_subscribed_address_changes_nothing_and_sends_a_manage_link()
    {
        const string email = "hai.lan@example.vn";
        await site.ConfirmedAsync(email);
        var before = await site.WithDbAsync(db => db.Subscriptions.AsNoTracking().SingleAsync(s => s.Email == email));
        var again = await site.SubscribeAsync(email, more: new Dictionary<string, string> { ["Frequency"] = "Weekly" });
        Assert.Contains("Vui lòng kiểm tra hộp thư", await again.Content.ReadAsStringAsync());
        var after = await site.WithDbAsync(db => db.Subscriptions.AsNoTracking().SingleAsync(s => s.Email == email));
        Assert.Equal(before.Frequency, after.Frequency);
        Assert.Equal(SubscriptionStatus.Active, after.Status);
        Assert.Contains("/dang-ky-nhan-tin/quan-ly?t=", site.ReceivedBy(email).Last().TextBody);
    }

    [Fact]
    public async Task Forgetting_deletes_addresses_ended_longer_ago_than_the_retention()
    {
        const string email = "xoa.sau@example.vn";
        await site.ConfirmedAsync(email);
        await site.WithDbAsync(db => db.Subscriptions.Where(s => s.Email == email).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Status, SubscriptionStatus.Unsubscribed).SetProperty(x => x.UnsubscribedAt, DateTime.UtcNow.AddDays(-31))));
        await site.SendRoundAsync();
        Assert.False(await site.WithDbAsync(db => db.Subscriptions.AnyAsync(s => s.Email == email)));
    }
}
