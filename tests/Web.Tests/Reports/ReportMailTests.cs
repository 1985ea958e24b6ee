using System.Net;
using CchcSite.Content.Accounts;
using CchcSite.Content.Reports;
using CchcSite.Web.Editor;
using CchcSite.Web.Reports;
using CchcSite.Web.Tests.Editor;
using CchcSite.Web.Tests.Security;
using CchcSite.Web.Tests.Subscriptions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CchcSite.Web.Tests.Reports;

/// <summary>
/// A seeded site sending to the in-process SMTP server, with a clock the test sets and a public address of its own, so
/// that links in the mail are seen to come from Site:PublicUrl. The reminder worker does not run by itself: the tests
/// drive its rounds.
/// </summary>
public sealed class ReportMailSite : SubscriptionSite
{
    // Plain http: an https address would make the site demand https of the test client.
    public const string PublicUrl = "http://cchc.nga-nam.example";

    public MovableClock Clock { get; } = new();

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Site:PublicUrl"] = PublicUrl;
            settings["ReportReminders:SendInBackground"] = "false";
            settings["ReportReminders:LeadDays"] = "7";
            settings["ReportReminders:LateWithinDays"] = "30";
            return settings;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Moves the site's clock to 09:00 of the day, Vietnam time.</summary>
    public void SetToday(int year, int month, int day) =>
        Clock.Advance(new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.FromHours(7)) - Clock.GetUtcNow());

    public Task<int> RemindRoundAsync() => Services.GetRequiredService<ReportReminderJob>().RunOnceAsync(CancellationToken.None);
}

/// <summary>
/// Issue 23's mail: the overseer hears of a report sent and the unit of its review; a unit is reminded once of a report
/// due soon and once of a late one, whatever the rounds, the nodes or the SMTP server do.
/// </summary>
public sealed class ReportMailTests(ReportMailSite site) : IClassFixture<ReportMailSite>
{
    private const string Unit = SeedFacts.Units.PhongGddtNgaNam;
    /// <summary>The seeded overseer of the Phòng Nội vụ Ngã Năm, which oversees the Phòng GDĐT and the wards.</summary>
    private const string SeededOverseer = "giam-sat@phong-noi-vu-nga-nam.example";

    /// <summary>The subjects without the site's name in brackets, in order.</summary>
    private static string[] Subjects(IEnumerable<MimeMessage> messages) => [.. messages.Select(Subject).Order(StringComparer.Ordinal)];

    private static string Subject(MimeMessage message)
    {
        var subject = message.Subject ?? "";
        return subject[(subject.IndexOf("] ", StringComparison.Ordinal) + 2)..];
    }

    [Fact]
    public async Task A_report_sent_mails_the_overseers_with_the_configured_link_and_its_return_mails_the_units_approvers()
    {
        site.SetToday(2031, 6, 20);
        await site.AddUserAsync("lanh-dao-gddt@thu.test", (Unit, UnitRole.Approver));
        await site.AddUserAsync("bien-tap-gddt@thu.test", (Unit, UnitRole.Editor));
        await site.AddUserAsync("giam-sat-khac@thu.test", (SeedFacts.Units.SoNoiVuBinhDinh, UnitRole.Overseer));
        var approver = await site.SignedInAsync("lanh-dao-gddt@thu.test");

        var sent = await EditorSite.PostFormAsync(approver, $"{SubmittedReportsController.Base}/gui", new()
        {
            ["Unit"] = Unit, ["Ky"] = "HalfYear", ["Nam"] = "2031",
            ["Results"] = "Đăng 12 tin, bài.", ["Limitations"] = "Chưa có video.", ["Proposals"] = "Mở lớp tập huấn.",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var path = sent.Headers.Location!.OriginalString;

        // One message for this report (the overseer also watches the other units this class's tests send for).
        var mail = Assert.Single(site.ReceivedBy(SeededOverseer), m => Subject(m) == "Phòng GDĐT Ngã Năm gửi báo cáo 6 tháng đầu năm 2031");
        // Both parts, each with the absolute link built from Site:PublicUrl, never from the request's host.
        Assert.Contains($"{ReportMailSite.PublicUrl}{path}", mail.TextBody);
        Assert.Contains($"href=\"{ReportMailSite.PublicUrl}{path}\"", mail.HtmlBody);
        Assert.Contains("Quá hạn", mail.TextBody);
        Assert.Contains("15/06/2031", mail.HtmlBody);
        Assert.DoesNotContain("localhost", mail.TextBody + mail.HtmlBody);
        // Nobody else: not the unit's own people, not another province's overseer.
        Assert.Empty(site.ReceivedBy("giam-sat-khac@thu.test"));
        Assert.Empty(site.ReceivedBy("lanh-dao-gddt@thu.test"));

        await site.AddUserAsync("giam-sat-pnv@thu.test", (SeedFacts.Units.PhongNoiVuNgaNam, UnitRole.Overseer));
        var overseer = await site.SignedInAsync("giam-sat-pnv@thu.test");
        await EditorSite.PostFormAsync(overseer, $"{path}/tra-lai", new() { ["comment"] = "Bổ sung số liệu tháng 6." });

        var returned = Assert.Single(site.ReceivedBy("lanh-dao-gddt@thu.test"));
        Assert.Contains("trả lại", returned.Subject);
        Assert.Contains("Bổ sung số liệu tháng 6.", returned.TextBody);
        Assert.Contains("Bổ sung số liệu tháng 6.", returned.HtmlBody);
        Assert.Empty(site.ReceivedBy("bien-tap-gddt@thu.test"));
    }

    [Fact]
    public async Task A_report_due_soon_is_reminded_once_however_many_rounds_run_one_after_another_or_at_once()
    {
        site.SetToday(2032, 6, 10);
        await site.AddUserAsync("lanh-dao-phuong-1@thu.test", ("ubnd-phuong-1-nga-nam", UnitRole.Approver));
        await site.AddUserAsync("lanh-dao-phuong-2@thu.test", ("ubnd-phuong-2-nga-nam", UnitRole.Approver));

        await site.RemindRoundAsync();
        await site.RemindRoundAsync();
        // Two nodes at the same moment: the unique key lets one of them have each reminder.
        await site.AddUserAsync("lanh-dao-phuong-3@thu.test", ("ubnd-phuong-3-nga-nam", UnitRole.Approver));
        await Task.WhenAll(site.RemindRoundAsync(), site.RemindRoundAsync(), site.RemindRoundAsync());

        // 5 days before 15/06: the second quarter and the half-year are due; nothing else is near.
        string[] expected = ["Sắp đến hạn gửi báo cáo 6 tháng đầu năm 2032",
            "Sắp đến hạn gửi báo cáo Quý II năm 2032"];
        foreach (var approver in new[] { "lanh-dao-phuong-1@thu.test", "lanh-dao-phuong-2@thu.test", "lanh-dao-phuong-3@thu.test" })
            Assert.Equal(expected, Subjects(site.ReceivedBy(approver)));
        var reminder = site.ReceivedBy("lanh-dao-phuong-1@thu.test").First();
        Assert.Contains($"{ReportMailSite.PublicUrl}{SubmittedReportsController.Base}/gui?don-vi=ubnd-phuong-1-nga-nam", reminder.TextBody);
        Assert.Contains("Phòng Nội vụ", reminder.TextBody);
        Assert.Equal(6, await site.WithDbAsync(db => db.ReportReminders.CountAsync(r => r.Year == 2032 && r.Kind == ReportReminderKind.DueSoon
            && r.Unit.Slug.StartsWith("ubnd-phuong-"))));
    }

    [Fact]
    public async Task A_late_report_is_reminded_once_and_a_unit_that_sent_its_report_is_not()
    {
        site.SetToday(2033, 6, 20);
        await site.AddUserAsync("lanh-dao-long-binh@thu.test", ("ubnd-xa-long-binh-nga-nam", UnitRole.Approver));
        // It sent the half-year report (late, but sent); the second quarter's it owes still.
        await site.WithDbAsync(async db =>
        {
            var unit = await db.Units.SingleAsync(u => u.Slug == "ubnd-xa-long-binh-nga-nam");
            var overseer = await db.Units.SingleAsync(u => u.Slug == SeedFacts.Units.PhongNoiVuNgaNam);
            db.SubmittedReports.Add(new SubmittedReport
            {
                UnitId = unit.Id, OverseerUnitId = overseer.Id, PeriodKind = ReportPeriodKind.HalfYear, Year = 2033, Version = 1,
                DueOn = new DateOnly(2033, 6, 15), SubmittedAt = new DateTime(2033, 6, 18, 2, 0, 0, DateTimeKind.Utc), SubmittedById = "x",
                SubmittedByName = "Chủ tịch UBND xã", FiguresJson = "[]", Results = "Có", Limitations = "Có", Proposals = "Có",
            });
            return await db.SaveChangesAsync();
        });

        await site.RemindRoundAsync();
        await site.RemindRoundAsync();

        var late = Assert.Single(site.ReceivedBy("lanh-dao-long-binh@thu.test"));
        Assert.Equal("Quá hạn gửi báo cáo Quý II năm 2033", Subject(late));
        Assert.Contains("15/06/2033", late.TextBody);
    }

    [Fact]
    public async Task The_units_home_page_shows_the_report_it_owes_due_soon_then_late_with_a_link_to_send_it_until_it_is_sent()
    {
        const string unit = "ubnd-xa-tan-long-nga-nam";
        await site.AddUserAsync("lanh-dao-tan-long@thu.test", (unit, UnitRole.Approver));
        await site.AddUserAsync("bien-tap-tan-long@thu.test", (unit, UnitRole.Editor));
        // Signed in afresh at each date: moving the clock by months ends a session.
        async Task<(int Count, string Card)?> CardAsync(string email)
        {
            var browser = await site.SignedInAsync(email);
            var match = System.Text.RegularExpressions.Regex.Match(await browser.GetStringAsync("/quan-tri"),
                "<a class=\"work__card[^\"]*\" href=\"([^\"]+)\" data-work=\"bao-cao-gui\">\\s*<span class=\"work__number\">(\\d+)</span>[\\s\\S]*?</a>");
            return match.Success ? (int.Parse(match.Groups[2].Value), System.Net.WebUtility.HtmlDecode(match.Value)) : null;
        }

        // Nothing due within the lead time, nothing late within the window: no line.
        const string approver = "lanh-dao-tan-long@thu.test";
        site.SetToday(2035, 5, 1);
        Assert.Null(await CardAsync(approver));
        // 5 days before 15/06: the second quarter and the half-year, both due soon.
        site.SetToday(2035, 6, 10);
        var soon = await CardAsync(approver);
        Assert.Equal(2, soon?.Count);
        Assert.Contains("Báo cáo định kỳ cần gửi", soon!.Value.Card);
        Assert.Contains("của UBND xã Tân Long: hạn 15/06/2035", soon.Value.Card);
        // The editor does not send reports.
        Assert.Null(await CardAsync("bien-tap-tan-long@thu.test"));

        site.SetToday(2035, 6, 20);
        var late = await CardAsync(approver);
        Assert.Equal(2, late?.Count);
        Assert.Contains("của UBND xã Tân Long: quá hạn từ 15/06/2035", late!.Value.Card);
        var link = System.Text.RegularExpressions.Regex.Match(late.Value.Card, "href=\"([^\"]+)\"").Groups[1].Value;
        Assert.StartsWith($"{SubmittedReportsController.Base}/gui?don-vi={unit}&ky=", link);
        var browser = await site.SignedInAsync(approver);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(link)).StatusCode);

        var sent = await EditorSite.PostFormAsync(browser, $"{SubmittedReportsController.Base}/gui", new()
        {
            ["Unit"] = unit, ["Ky"] = "HalfYear", ["Nam"] = "2035",
            ["Results"] = "Đăng 6 tin, bài.", ["Limitations"] = "Chưa có video.", ["Proposals"] = "Mở lớp tập huấn.",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var left = await CardAsync(approver);
        Assert.Equal(1, left?.Count);
        Assert.Contains("Quý II năm 2035 của UBND xã Tân Long: quá hạn từ 15/06/2035", left!.Value.Card);
    }

    [Fact]
    public async Task A_reminder_the_server_refused_is_sent_at_a_later_round_and_only_then()
    {
        site.SetToday(2034, 12, 10);
        await site.AddUserAsync("lanh-dao-my-binh@thu.test", ("ubnd-xa-my-binh-nga-nam", UnitRole.Approver));
        site.Smtp.Stop();
        try
        {
            await site.RemindRoundAsync();
            Assert.Empty(site.ReceivedBy("lanh-dao-my-binh@thu.test"));
            Assert.Equal(0, await site.WithDbAsync(db => db.ReportReminders.CountAsync(r => r.Unit.Slug == "ubnd-xa-my-binh-nga-nam")));
        }
        finally
        {
            site.RestartSmtp();
        }
        await site.RemindRoundAsync();
        await site.RemindRoundAsync();

        Assert.Equal(["Sắp đến hạn gửi báo cáo Năm 2034",
            "Sắp đến hạn gửi báo cáo Quý IV năm 2034"], Subjects(site.ReceivedBy("lanh-dao-my-binh@thu.test")));
    }
}
