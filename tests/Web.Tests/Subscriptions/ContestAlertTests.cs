using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Content.Contests;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Posts;
using CchcSite.Content.Subscriptions;
using CchcSite.Content.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Web.Tests.Subscriptions;

/// <summary>
/// A contest reaches those who asked for contests of its unit when it is published after review — not while it is a draft or
/// under review, once however often it goes back to draft and is published again, and not at all when it went back to draft
/// before the message left.
/// </summary>
public sealed class ContestAlertTests(SubscriptionSite site) : IClassFixture<SubscriptionSite>
{
    private static readonly Actor Organiser = new("lanh-dao-hoi-thi", "lanhdao@cchc.test", null);
    private static readonly UserGrants Administrator = new("lanh-dao-hoi-thi", IsActive: true, IsAdministrator: true, []);

    private static string Local(DateTime utc) => VietnamTime.ToLocal(utc).ToString("dd/MM/yyyy HH:mm");

    private static ContestInput Contest(string title) => new()
    {
        Title = title, Summary = "Tìm hiểu về cải cách hành chính năm 2027.", Rules = "Mỗi người dự thi một lượt mỗi đợt.",
        Audience = nameof(ContestAudience.Everyone), QuestionsPerAttempt = "10", TimeLimitMinutes = "15", AttemptsPerRound = "1",
        Rounds = [new RoundInput { OpensAt = Local(DateTime.UtcNow.AddDays(3)), ClosesAt = Local(DateTime.UtcNow.AddDays(10)) }],
    };

    private async Task<int> SaveAsync(int? id, ContestInput input)
    {
        var unitId = await site.UnitIdAsync(SubscriptionSite.Unit);
        await using var scope = site.Services.CreateAsyncScope();
        var editing = scope.ServiceProvider.GetRequiredService<ContestEditing>();
        var outcome = await editing.SaveAsync(id, unitId, input, Organiser, CancellationToken.None);
        var saved = Assert.IsType<Outcome<int>.Ok>(outcome).Value;
        if (id is null)
            Assert.IsType<Outcome<int>.Ok>(await editing.SaveQuestionAsync(saved, null, new ContestQuestionInput
            {
                Text = "Nơi tiếp nhận hồ sơ thủ tục hành chính?", Kind = "SingleChoice", Options = ["Bộ phận Một cửa", "Văn thư"], Correct = [0],
                Explanation = "Theo Nghị quyết 76/NQ-CP.",
            }, Organiser, CancellationToken.None));
        return saved;
    }

    private async Task<ContestStatus> StepAsync(int id, params WorkflowStep[] steps)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var editing = scope.ServiceProvider.GetRequiredService<ContestEditing>();
        var status = ContestStatus.Draft;
        foreach (var step in steps)
            status = Assert.IsType<Outcome<ContestStatus>.Ok>(await editing.StepAsync(id, step, Administrator, Organiser, null, CancellationToken.None)).Value;
        return status;
    }

    private static readonly WorkflowStep[] Publish = [WorkflowStep.Submit, WorkflowStep.Publish];

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

        // A draft, and a contest under review, are nobody's news.
        var id = await SaveAsync(null, Contest(Title));
        await StepAsync(id, WorkflowStep.Submit);
        await site.SendRoundAsync();
        Assert.DoesNotContain(site.Received(), m => m.Subject!.Contains(Title));

        await StepAsync(id, WorkflowStep.Publish);
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

        // Taken back to draft, saved and published again: still one message each, from one alert.
        await StepAsync(id, WorkflowStep.BackToDraft);
        await SaveAsync(id, Contest(Title));
        await StepAsync(id, Publish);
        await site.SendRoundAsync();
        Assert.Single(site.ReceivedBy("hoi.thi.ngay@example.vn"), m => m.Subject!.Contains(Title));
        Assert.Equal(1, await site.WithDbAsync(db => db.Set<SubscriptionAlert>().CountAsync(a => a.ContestId == id)));

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
        var id = await SaveAsync(null, Contest(Title));
        await StepAsync(id, Publish);
        await StepAsync(id, WorkflowStep.BackToDraft);
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
