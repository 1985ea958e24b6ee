namespace CchcSite.Web.Tests.Subscriptions;

/// <summary>The site with its background sender on, polling once an hour: only the publish's own wake-up can send in time.</summary>
public sealed class WakingSubscriptionSite : SubscriptionSite
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Subscriptions:SendInBackground"] = "true";
            settings["Subscriptions:PollSeconds"] = "3600";
            return settings;
        }
    }
}

/// <summary>
/// An idle site does not poll its mail queue every few seconds: a publish rings the sender, which queues and sends the
/// alert at once, with nobody driving rounds.
/// </summary>
public sealed class SenderWakeupTests(WakingSubscriptionSite site) : IClassFixture<WakingSubscriptionSite>
{
    [Fact]
    public async Task A_publish_wakes_the_background_sender()
    {
        await site.ConfirmedAsync("danh.thuc@example.vn", more: new Dictionary<string, string> { ["UnitIds"] = (await site.UnitIdAsync(SubscriptionSite.Unit)).ToString() });

        await site.PublishAsync("Bài đánh thức bộ gửi thư");

        for (var waited = 0; waited < 300 && !site.ReceivedBy("danh.thuc@example.vn").Any(m => m.Subject!.Contains("Bài đánh thức bộ gửi thư")); waited++)
            await Task.Delay(100);
        Assert.Single(site.ReceivedBy("danh.thuc@example.vn"), m => m.Subject!.Contains("Bài đánh thức bộ gửi thư"));
    }
}
