using CchcSite.Content.Nodes;
using CchcSite.Content.Posts;
using CchcSite.Content.Subscriptions;
using CchcSite.Web.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;

namespace CchcSite.Web.Tests.Subscriptions;

/// <summary>
/// Which published items reach which subscribers, digests, scheduled and withdrawn items, the SMTP server down, and a
/// crash between sending and recording. Each test uses addresses of its own on the shared site.
/// </summary>
public sealed class DeliveryTests(SubscriptionSite site) : IClassFixture<SubscriptionSite>
{
    private const string Parent = SeedFacts.Units.UbndThiXaNgaNam;
    private const string Other = SeedFacts.Units.SoLdtbxhBinhDinh;

    [Fact]
    public async Task Items_reach_the_subscribers_whose_units_fields_and_kinds_match_and_drafts_reach_nobody()
    {
        var parent = (await site.UnitIdAsync(Parent)).ToString();
        var field = await site.CategoryIdAsync("cai-cach-thu-tuc-hanh-chinh");
        await site.ConfirmedAsync("cay.don.vi@example.vn", more: new Dictionary<string, string> { ["UnitIds"] = parent, ["IncludeSubUnits"] = "true" });
        await site.ConfirmedAsync("chi.don.vi.cha@example.vn", more: new Dictionary<string, string> { ["UnitIds"] = parent });
        await site.ConfirmedAsync("chi.linh.vuc@example.vn", more: new Dictionary<string, string> { ["CategoryIds"] = field.ToString() });
        await site.ConfirmedAsync("chi.van.ban@example.vn", more: new Dictionary<string, string> { ["Kinds"] = nameof(PostKind.Document) });
        await site.ConfirmedAsync("don.vi.khac@example.vn", more: new Dictionary<string, string> { ["UnitIds"] = (await site.UnitIdAsync(Other)).ToString() });

        await site.PublishAsync("Bản nháp không được gửi", publish: false);
        await site.PublishAsync("Phòng GDĐT Ngã Năm rút ngắn thời gian chuyển trường", SubscriptionSite.Unit, PostKind.Article, field);
        await site.PublishAsync("Kế hoạch tuyên truyền của Phòng GDĐT Ngã Năm", SubscriptionSite.Unit, PostKind.Document);
        await site.SendRoundAsync();

        string[] Titles(string email) => [.. site.ReceivedBy(email).Skip(1).Select(m => m.Subject!)];
        Assert.Equal(2, Titles("cay.don.vi@example.vn").Length);
        Assert.Empty(Titles("chi.don.vi.cha@example.vn"));
        Assert.Contains("rút ngắn thời gian chuyển trường", Assert.Single(Titles("chi.linh.vuc@example.vn")));
        Assert.Contains("Kế hoạch tuyên truyền", Assert.Single(Titles("chi.van.ban@example.vn")));
        Assert.Empty(Titles("don.vi.khac@example.vn"));
        Assert.DoesNotContain(site.Received(), m => m.Subject!.Contains("Bản nháp không được gửi"));
    }

    [Fact]
    public async Task A_scheduled_item_is_sent_when_it_becomes_visible_and_not_when_it_is_approved()
    {
        const string email = "hen.gio@example.vn";
        await site.ConfirmedAsync(email, more: new Dictionary<string, string> { ["UnitIds"] = (await site.UnitIdAsync(SubscriptionSite.Unit)).ToString() });
        var id = await site.PublishAsync("Bài hẹn giờ đăng", publishAt: DateTime.UtcNow.AddDays(1));
        await site.SendRoundAsync();
        Assert.DoesNotContain(site.ReceivedBy(email), m => m.Subject!.Contains("Bài hẹn giờ đăng"));

        // Its time comes; the scheduled publishing job publishes it. Under the job's own lock, as the job runs it: the site's
        // job may wake at the same moment (it did under load), and the two would publish the post at once.
        await site.WithDbAsync(db => db.Posts.Where(p => p.Id == id).ExecuteUpdateAsync(p => p.SetProperty(x => x.PublishAt, DateTime.UtcNow.AddMinutes(-1))));
        await using (var scope = site.Services.CreateAsyncScope())
        await using (await scope.ServiceProvider.GetRequiredService<INodeLocks>().AcquireAsync(NodeLockNames.ScheduledPublishing, CancellationToken.None))
            await scope.ServiceProvider.GetRequiredService<ScheduledPublishing>().RunDueAsync(CancellationToken.None);
        await site.SendRoundAsync();

        Assert.Single(site.ReceivedBy(email), m => m.Subject!.Contains("Bài hẹn giờ đăng"));
    }

    [Fact]
    public async Task An_item_taken_down_before_sending_is_not_sent()
    {
        const string email = "go.bai@example.vn";
        await site.ConfirmedAsync(email, more: new Dictionary<string, string> { ["UnitIds"] = (await site.UnitIdAsync(SubscriptionSite.Unit)).ToString() });
        var id = await site.PublishAsync("Bài gỡ trước khi gửi");
        await site.WithDbAsync(db => db.Posts.Where(p => p.Id == id).ExecuteUpdateAsync(p => p.SetProperty(x => x.Status, PostStatus.Unpublished)));

        await site.SendRoundAsync();

        Assert.DoesNotContain(site.ReceivedBy(email), m => m.Subject!.Contains("Bài gỡ trước khi gửi"));
        var row = await site.WithDbAsync(db => db.SubscriptionDeliveries.SingleAsync(d => d.PostId == id && db.Subscriptions.Any(s => s.Id == d.SubscriptionId && s.Email == email)));
        Assert.Equal(DeliveryStatus.Dropped, row.Status);
    }

    [Fact]
    public async Task A_daily_digest_carries_the_days_items_in_one_message()
    {
        const string email = "hang.ngay@example.vn";
        await site.ConfirmedAsync(email, more: new Dictionary<string, string>
        {
            ["UnitIds"] = (await site.UnitIdAsync(SubscriptionSite.Unit)).ToString(), ["Frequency"] = nameof(SubscriptionFrequency.Daily),
        });
        // ConfirmedAsync posts Immediately first in its fields; the later value wins in the binder only if sent last.
        await site.WithDbAsync(db => db.Subscriptions.Where(s => s.Email == email).ExecuteUpdateAsync(s => s.SetProperty(x => x.Frequency, SubscriptionFrequency.Daily)));
        await site.PublishAsync("Tin thứ nhất trong ngày");
        await site.PublishAsync("Tin thứ hai trong ngày");
        await site.SendRoundAsync();
        Assert.Single(site.ReceivedBy(email));

        await site.MakeDueAsync();
        await site.SendRoundAsync();

        var digest = site.ReceivedBy(email)[1];
        Assert.Equal(2, site.ReceivedBy(email).Count);
        Assert.Contains("2 tin mới", digest.Subject);
        Assert.Contains("Tin thứ nhất trong ngày", digest.TextBody);
        Assert.Contains("Tin thứ hai trong ngày", digest.HtmlBody);
        Assert.NotNull(digest.Headers["List-Unsubscribe"]);
    }

    [Fact]
    public async Task With_the_smtp_server_down_nothing_is_lost_and_it_is_sent_when_the_server_is_back()
    {
        const string email = "may.chu.thu@example.vn";
        await site.ConfirmedAsync(email, more: new Dictionary<string, string> { ["UnitIds"] = (await site.UnitIdAsync(SubscriptionSite.Unit)).ToString() });
        site.Smtp.Stop();
        try
        {
            var id = await site.PublishAsync("Tin gửi khi máy chủ thư ngừng");
            await site.SendRoundAsync();
            var failed = await site.WithDbAsync(db => db.SubscriptionDeliveries.SingleAsync(d => d.PostId == id && db.Subscriptions.Any(s => s.Id == d.SubscriptionId && s.Email == email)));
            Assert.Equal(DeliveryStatus.Pending, failed.Status);
            Assert.Equal(1, failed.Attempts);
            Assert.True(failed.NextAttemptAt > DateTime.UtcNow, "a failed message waits before its next attempt");
            Assert.NotNull(failed.LastError);
        }
        finally
        {
            site.RestartSmtp();
        }
        await site.MakeDueAsync();
        await site.SendRoundAsync();
        Assert.Single(site.ReceivedBy(email), m => m.Subject!.Contains("Tin gửi khi máy chủ thư ngừng"));
    }

    [Fact]
    public async Task Each_subscriber_gets_an_item_once_across_a_crash_between_sending_and_recording()
    {
        var emails = Enumerable.Range(1, 6).Select(i => $"su.co.{i}@example.vn").ToList();
        foreach (var email in emails)
            await site.ConfirmedAsync(email, more: new Dictionary<string, string> { ["UnitIds"] = (await site.UnitIdAsync(SeedFacts.Units.UbndPhuongThacMo)).ToString() });
        var id = await site.PublishAsync("Tin gửi qua sự cố", SeedFacts.Units.UbndPhuongThacMo);
        string[] Got() => [.. site.Received().Where(m => m.Subject!.Contains("Tin gửi qua sự cố")).Select(m => m.To.Mailboxes.Single().Address)];

        // The node "crashes" the moment the server has accepted the third message, before recording it.
        using var crash = new CancellationTokenSource();
        void OnMessage(object? _, MessageReceivedArgs e)
        {
            if (Got().Length >= 3)
                crash.Cancel();
        }
        site.Smtp.MessageReceived += OnMessage;
        var sender = site.Services.GetRequiredService<SubscriptionSender>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sender.RunOnceAsync(crash.Token));
        site.Smtp.MessageReceived -= OnMessage;
        var before = Got();
        Assert.InRange(before.Length, 3, 4);

        // Another start: the message in flight waits for its lease to run out, the others go at once.
        await site.SendRoundAsync();
        await site.WithDbAsync(db => db.SubscriptionDeliveries.Where(d => d.PostId == id && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.LeaseUntil, DateTime.UtcNow.AddMinutes(-1))));
        await site.SendRoundAsync();

        var after = Got();
        Assert.Equal(emails.Order(), after.Distinct().Order());
        // Only the message in flight at the crash may come twice, with the same Message-ID; every recorded one came once.
        Assert.InRange(after.Length, emails.Count, emails.Count + 1);
        var twice = site.Received().Where(m => m.Subject!.Contains("Tin gửi qua sự cố")).GroupBy(m => m.MessageId).Where(g => g.Count() > 1).ToList();
        Assert.Equal(after.Length - emails.Count, twice.Count);
        Assert.All(await site.WithDbAsync(db => db.SubscriptionDeliveries.Where(d => d.PostId == id).ToListAsync()),
            d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    [Fact]
    public async Task Queueing_twice_adds_no_second_delivery_for_a_subscriber_and_item()
    {
        const string email = "hai.lan.xep.hang@example.vn";
        await site.ConfirmedAsync(email, more: new Dictionary<string, string> { ["UnitIds"] = (await site.UnitIdAsync(SubscriptionSite.Unit)).ToString() });
        var id = await site.PublishAsync("Tin xếp hàng hai lần");
        await using (var scope = site.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SubscriptionAlerts>().QueueAsync(CancellationToken.None);
        // The same alert again (a crash before it was marked queued, or the post published a second time).
        await site.WithDbAsync(async db =>
        {
            db.SubscriptionAlerts.Add(new SubscriptionAlert { PostId = id, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        await site.SendRoundAsync();
        Assert.Single(site.ReceivedBy(email), m => m.Subject!.Contains("Tin xếp hàng hai lần"));
        Assert.Equal(1, await site.WithDbAsync(db => db.SubscriptionDeliveries.CountAsync(d => d.PostId == id
            && db.Subscriptions.Any(s => s.Id == d.SubscriptionId && s.Email == email))));
    }
}
