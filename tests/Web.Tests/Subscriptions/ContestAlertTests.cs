using CchcSite.Content.Audit;
using CchcSite.Content.Contests;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Subscriptions;
using CchcSite.Content.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Web.Tests.Subscriptions;

/// <summary>
/// A contest reaches those who asked for contests of its unit when it is published — not while it is a draft, once however
/// often it is saved or published again, and not at all when it went back to draft before the message left.
/// </summary>
public sealed class ContestAlertTests(SubscriptionSite site) : IClassFixture<SubscriptionSite>
{
    private static readonly Actor Organiser = new("lanh-dao-hoi-thi", "lanhdao@cchc.test", null);

    private static string Local(DateTime utc) => VietnamTime.ToLocal(utc).ToString("dd/MM/yyyy HH:mm");

    private static ContestInput Contest(string title, bool published) => new()
    {
        Title = title, Summary = "Tìm hiểu về cải cách hành chính năm 2027.", Rules = "Mỗi người dự thi một lượt mỗi đợt.",
        Audience = nameof(ContestAudience.Everyone), QuestionsPerAttempt = "10", TimeLimitMinutes = "15", AttemptsPerRound = "1", Published = published,
        Rounds = [new RoundInput { OpensAt = Local(DateTime.UtcNow.AddDays(3)), ClosesAt = Local(DateTime.UtcNow.AddDays(10)) }],
    };

    private async Task<int> SaveAsync(int? id, ContestInput input)
    {
        var unitId = await site.UnitIdAsync(SubscriptionSite.Unit);
        await using var scope = site.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<ContestEditing>().SaveAsync(id, unitId, input, Organiser, CancellationToken.None);
        return Assert.IsType<Outcome<int>.Ok>(outcome).Value;
    }

    [Fact]
    public async Task A_published_contest_is_one_message_to_those_who_asked_for_contests_of_its_unit()
    {
        const string Title = "Hội thi tìm hiểu cải cách hành chính thử nghiệm thư";
        var unit = (await site.UnitIdAsync(SubscriptionSite.Unit)).ToString();
        var parent = (await site.UnitIdAsync(SeedFacts.Units.UbndThiXaNgaNam)).ToString();
        await site.ConfirmedAsync("hoi.thi.ngay@example.vn", more: new Dictionary<string, string> { ["UnitIds"] = unit, ["Contests"] = "true" });
        await site.ConfirmedAsync("hoi.thi.tuan@example.vn",
            more: new Dictionary<string, string> { ["UnitIds"] = parent, ["IncludeSubUnits"] = "true", ["Contests"] = "true", ["Frequency"] = "Weekly" });
        await site.ConfirmedAsync("khong.hoi.thi@example.vn", more: new Dictionary<string, string> { ["UnitIds"] = unit });
        await site.ConfirmedAsync("hoi.thi.don.vi.khac@example.vn",
            more: new Dictionary<string, string> { ["UnitIds"] = (await site.UnitIdAsync(SeedFacts.Units.SoLdtbxhBinhDinh)).ToString(), ["Contests"] = "true" });

        // A draft is nobody's news.
        var id = await SaveAsync(null, Contest(Title, published: false));
        await site.SendRoundAsync();
        Assert.DoesNotContain(site.Received(), m => m.Subject!.Contains(Title));

        await SaveAsync(id, Contest(Title, published: true));
        await site.SendRoundAsync();
        var mail = Assert.Single(site.ReceivedBy("hoi.thi.ngay@example.vn"), m => m.Subject!.Contains(Title));
        Assert.EndsWith($"] Mời tham gia: {Title}", mail.Subject);
        Assert.Contains("Hội thi trực tuyến · Phòng Giáo dục và Đào tạo", mail.TextBody);
        Assert.Contains("Đợt 1: ", mail.TextBody);
        Assert.Contains("Tìm hiểu về cải cách hành chính năm 2027. Mời bạn tham gia từ ", mail.TextBody);
        var slug = await site.WithDbAsync(db => db.Contests.Where(c => c.Id == id).Select(c => c.Slug).SingleAsync());
        var link = System.Text.RegularExpressions.Regex.Match(mail.TextBody ?? "", $@"https?://\S+{ContestAddresses.Contest(slug)}(?=\s)").Value;
        Assert.NotEmpty(link);
        Assert.Contains($"href=\"{link}\"", mail.HtmlBody);
        Assert.StartsWith("<http", mail.Headers["List-Unsubscribe"]);
        // The link works against the site: the contest's public page.
        var page = await site.CreateClient().GetAsync(SubscriptionSite.PathOf(link));
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain(site.ReceivedBy("khong.hoi.thi@example.vn"), m => m.Subject!.Contains(Title));
        Assert.DoesNotContain(site.ReceivedBy("hoi.thi.don.vi.khac@example.vn"), m => m.Subject!.Contains(Title));

        // Saved again, taken back to draft and published again: still one message each.
        await SaveAsync(id, Contest(Title, published: true));
        await SaveAsync(id, Contest(Title, published: false));
        await SaveAsync(id, Contest(Title, published: true));
        await site.SendRoundAsync();
        Assert.Single(site.ReceivedBy("hoi.thi.ngay@example.vn"), m => m.Subject!.Contains(Title));

        // The weekly digest of the parent's subscriber carries it.
        await site.MakeDueAsync();
        await site.SendRoundAsync();
        var digest = Assert.Single(site.ReceivedBy("hoi.thi.tuan@example.vn"), m => m.Subject!.Contains("Tin cải cách hành chính trong tuần"));
        Assert.Contains(Title, digest.TextBody);
        Assert.Contains(link, digest.TextBody);
    }

    [Fact]
    public async Task A_contest_taken_back_to_draft_before_the_message_left_is_not_sent()
    {
        const string Title = "Cuộc thi trực tuyến rút lại trước khi gửi thư";
        await site.ConfirmedAsync("hoi.thi.rut.lai@example.vn",
            more: new Dictionary<string, string> { ["UnitIds"] = (await site.UnitIdAsync(SubscriptionSite.Unit)).ToString(), ["Contests"] = "true" });
        var id = await SaveAsync(null, Contest(Title, published: true));
        await SaveAsync(id, Contest(Title, published: false));
        await site.SendRoundAsync();

        Assert.DoesNotContain(site.ReceivedBy("hoi.thi.rut.lai@example.vn"), m => m.Subject!.Contains(Title));
        var delivery = await site.WithDbAsync(db => db.SubscriptionDeliveries.SingleAsync(d => d.ContestId == id && d.Status != DeliveryStatus.Pending));
        Assert.Equal(DeliveryStatus.Dropped, delivery.Status);
    }

    [Fact]
    public async Task The_contest_list_leads_to_the_subscribe_form_which_offers_contests_ticked()
    {
        var list = await site.CreateClient().GetStringAsync(ContestAddresses.List);
        Assert.Contains($"href=\"{SubscriptionAddresses.FormPath}\">Nhận thư khi có cuộc thi mới</a>", list);
        var form = await site.CreateClient().GetStringAsync($"/{SubscriptionSite.Unit}/{SubscriptionAddresses.Segment}");
        Assert.Matches("name=\"Contests\" value=\"true\" checked=\"checked\"", form);

        await site.ConfirmedAsync("khong.chon.hoi.thi@example.vn", more: new Dictionary<string, string> { ["Bulletin"] = "true" });
        Assert.False(await site.WithDbAsync(db => db.Set<Subscription>().Where(s => s.Email == "khong.chon.hoi.thi@example.vn").Select(s => s.Contests).SingleAsync()));
    }
}
