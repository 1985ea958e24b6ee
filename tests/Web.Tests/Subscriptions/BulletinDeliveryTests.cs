using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Content.Bulletins;
using CchcSite.Content.Posts;
using CchcSite.Content.Subscriptions;
using CchcSite.Web.Tests.Bulletins;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Web.Tests.Subscriptions;

/// <summary>
/// A published Bản tin CCHC reaches the subscribers who asked for the bulletin of its unit (or of an ancestor with its
/// sub-units) once, at once whatever their frequency, with its introduction, entries and both versions' links; nobody else.
/// </summary>
public sealed class BulletinDeliveryTests(SubscriptionSite site) : IClassFixture<SubscriptionSite>
{
    private async Task PublishAsync(int issueId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var editing = scope.ServiceProvider.GetRequiredService<BulletinEditing>();
        var issue = (await editing.FindAsync(issueId, CancellationToken.None))!;
        var approver = new UserGrants("lanh-dao-ban-tin", true, false, [(issue.UnitId, UnitRole.Approver)]);
        var outcome = await editing.StepAsync(issue, WorkflowStep.Publish, approver, new Actor(approver.UserId, null, null), null, CancellationToken.None);
        Assert.True(outcome.IsOk, outcome.Problem);
    }

    [Fact]
    public async Task A_published_issue_is_mailed_once_to_those_who_asked_for_the_bulletin_of_its_unit()
    {
        var unit = (await site.UnitIdAsync(SubscriptionSite.Unit)).ToString();
        var parent = (await site.UnitIdAsync(SeedFacts.Units.UbndThiXaNgaNam)).ToString();
        await site.ConfirmedAsync("ban.tin.don.vi@example.vn", more: new Dictionary<string, string> { ["UnitIds"] = unit, ["Bulletin"] = "true", ["Frequency"] = "Weekly" });
        await site.ConfirmedAsync("ban.tin.cay@example.vn", more: new Dictionary<string, string> { ["UnitIds"] = parent, ["IncludeSubUnits"] = "true", ["Bulletin"] = "true" });
        await site.ConfirmedAsync("chi.tin.bai@example.vn", more: new Dictionary<string, string> { ["UnitIds"] = unit });
        await site.ConfirmedAsync("ban.tin.don.vi.khac@example.vn",
            more: new Dictionary<string, string> { ["UnitIds"] = (await site.UnitIdAsync(SeedFacts.Units.SoLdtbxhBinhDinh)).ToString(), ["Bulletin"] = "true" });
        var id = await BulletinData.IssueAsync(site, SubscriptionSite.Unit, 2017, 4, PostStatus.InReview);
        await site.WithDbAsync(db => db.Set<BulletinIssue>().Where(i => i.Id == id).ExecuteUpdateAsync(i => i.SetProperty(x => x.Introduction,
            "Quý I, Phòng GDĐT Ngã Năm tập trung số hóa hồ sơ.\n\nMời bạn đọc theo dõi.")));

        await site.SendRoundAsync();
        Assert.DoesNotContain(site.Received(), m => m.Subject!.Contains("Bản tin CCHC số 4/2017"));

        await PublishAsync(id);
        await site.SendRoundAsync();
        await site.SendRoundAsync();

        var mail = Assert.Single(site.ReceivedBy("ban.tin.don.vi@example.vn"), m => m.Subject!.Contains("Bản tin CCHC số 4/2017"));
        Assert.Single(site.ReceivedBy("ban.tin.cay@example.vn"), m => m.Subject!.Contains("Bản tin CCHC số 4/2017"));
        Assert.DoesNotContain(site.ReceivedBy("chi.tin.bai@example.vn"), m => m.Subject!.Contains("Bản tin"));
        Assert.DoesNotContain(site.ReceivedBy("ban.tin.don.vi.khac@example.vn"), m => m.Subject!.Contains("Bản tin"));
        Assert.Contains("Quý I, Phòng GDĐT Ngã Năm tập trung số hóa hồ sơ.", mail.TextBody);
        Assert.Contains("== Khác ==", mail.TextBody);
        Assert.Contains("Mục có sẵn", mail.HtmlBody);
        Assert.Contains($"/ban-tin/{id}/tai-ve.pdf", mail.TextBody);
        Assert.StartsWith("<http", mail.Headers["List-Unsubscribe"]);

        // Taken down and published again after a correction: nobody gets it twice.
        await site.WithDbAsync(db => db.Set<BulletinIssue>().Where(i => i.Id == id).ExecuteUpdateAsync(i => i.SetProperty(x => x.Status, PostStatus.InReview)));
        await PublishAsync(id);
        await site.SendRoundAsync();
        Assert.Single(site.ReceivedBy("ban.tin.don.vi@example.vn"), m => m.Subject!.Contains("Bản tin CCHC số 4/2017"));
        Assert.Equal(2, await site.WithDbAsync(db => db.SubscriptionDeliveries.CountAsync(d => d.BulletinIssueId == id && d.Status == DeliveryStatus.Sent)));
    }
}
