using System.Net;
using CchcSite.Content.Reports;
using CchcSite.Web.Editor;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Reports;

/// <summary>
/// Who sends and who receives a unit's periodic report: its approvers send it; the Phòng Nội vụ's overseer (and an
/// administrator) acknowledges or returns it; those who read the unit's reports open it. Every refused cell changes
/// nothing: not the report's state, not the number of versions, not the audit log.
/// </summary>
public sealed class SubmittedReportAuthorizationTests(EditorSite site) : IClassFixture<EditorSite>
{
    public enum Endpoint { Inbox, SendForm, Send, Show, Acknowledge, Return, Summary, SummaryXlsx, SummaryCsv }

    public static TheoryData<Endpoint, Who> Cases() => AuthorizationMatrix.Cases<Endpoint>();

    private static readonly Dictionary<Endpoint, Who[]> AllowedFor = new()
    {
        // The inbox is a page for everyone signed in; it lists only the units the person receives reports from.
        [Endpoint.Inbox] = [Who.Administrator, Who.Editor, Who.Approver, Who.HotlineOfficer, Who.OtherEditor, Who.OtherApprover, Who.Overseer],
        // The form offers the units the person may send for: another unit's approver gets the form for its own unit.
        [Endpoint.SendForm] = [Who.Administrator, Who.Approver, Who.OtherApprover],
        [Endpoint.Send] = [Who.Administrator, Who.Approver],
        [Endpoint.Show] = [Who.Administrator, Who.Editor, Who.Approver, Who.Overseer],
        [Endpoint.Acknowledge] = [Who.Administrator, Who.Overseer],
        [Endpoint.Return] = [Who.Administrator, Who.Overseer],
        // The summary and its files are the receiving unit's: those who receive no report get a refusal, not an empty table.
        [Endpoint.Summary] = [Who.Administrator, Who.Overseer],
        [Endpoint.SummaryXlsx] = [Who.Administrator, Who.Overseer],
        [Endpoint.SummaryCsv] = [Who.Administrator, Who.Overseer],
    };

    private sealed record State(SubmittedReportStatus Status, int Versions, int Audit);

    /// <summary>A report of the unit as sent, in a year of its own per case, so that no case sees another's versions.</summary>
    private Task<int> SentReportAsync(int year) => site.WithDbAsync(async db =>
    {
        var unit = await db.Units.SingleAsync(u => u.Slug == AuthorizationMatrix.Unit);
        var overseer = await db.Units.SingleAsync(u => u.Slug == AuthorizationMatrix.OverseerUnit);
        var report = new SubmittedReport
        {
            UnitId = unit.Id, OverseerUnitId = overseer.Id, PeriodKind = ReportPeriodKind.HalfYear, Year = year, Version = 1, DueOn = new DateOnly(year, 6, 15),
            SubmittedAt = new DateTime(year, 6, 10, 2, 0, 0, DateTimeKind.Utc), SubmittedById = "x", SubmittedByName = "Lãnh đạo phòng",
            FiguresJson = "[]", Results = "Kết quả", Limitations = "Hạn chế", Proposals = "Đề xuất", Status = SubmittedReportStatus.Submitted,
        };
        db.SubmittedReports.Add(report);
        await db.SaveChangesAsync();
        return report.Id;
    });

    private Task<State> StateAsync(int id, int year) => site.WithDbAsync(async db => new State(
        await db.SubmittedReports.Where(r => r.Id == id).Select(r => r.Status).SingleAsync(),
        await db.SubmittedReports.CountAsync(r => r.Unit.Slug == AuthorizationMatrix.Unit && r.Year == year),
        await db.AuditEntries.CountAsync(e => e.Action == Content.Audit.AuditActions.ReportSubmitted || e.Action == Content.Audit.AuditActions.ReportReviewed)));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_user_gets_exactly_the_allowed_outcome_and_a_refusal_changes_nothing(Endpoint endpoint, Who who)
    {
        var year = 2000 + (int)endpoint * 10 + (int)who;
        var id = await SentReportAsync(year);
        var browser = await AuthorizationMatrix.BrowserForAsync(site, who, $"bao-cao-gui-{endpoint}-{who}".ToLowerInvariant());
        var before = await StateAsync(id, year);
        var basePath = SubmittedReportsController.Base;
        var response = endpoint switch
        {
            Endpoint.Inbox => await browser.GetAsync($"{basePath}?ky=HalfYear&nam={year}"),
            Endpoint.SendForm => await browser.GetAsync($"{basePath}/gui"),
            Endpoint.Send => await EditorSite.PostFormAsync(browser, $"{basePath}/gui", new()
            {
                ["Unit"] = AuthorizationMatrix.Unit, ["Ky"] = "HalfYear", ["Nam"] = year.ToString(),
                ["Results"] = "Bổ sung kết quả", ["Limitations"] = "Hạn chế", ["Proposals"] = "Đề xuất",
            }),
            Endpoint.Show => await browser.GetAsync($"{basePath}/{id}"),
            Endpoint.Acknowledge => await EditorSite.PostFormAsync(browser, $"{basePath}/{id}/tiep-nhan", []),
            Endpoint.Summary => await browser.GetAsync($"{basePath}/tong-hop?ky=HalfYear&nam={year}"),
            Endpoint.SummaryXlsx => await browser.GetAsync($"{basePath}/tong-hop.xlsx?ky=HalfYear&nam={year}"),
            Endpoint.SummaryCsv => await browser.GetAsync($"{basePath}/tong-hop.csv?ky=HalfYear&nam={year}"),
            _ => await EditorSite.PostFormAsync(browser, $"{basePath}/{id}/tra-lai", new() { ["comment"] = "Bổ sung số liệu." }),
        };
        var expected = who == Who.Anonymous ? Outcome.Login : AllowedFor[endpoint].Contains(who) ? Outcome.Allowed : Outcome.Forbidden;
        Assert.Equal(expected, AuthorizationMatrix.Classify(response, basePath));

        var after = await StateAsync(id, year);
        var changed = expected != Outcome.Allowed ? before : endpoint switch
        {
            Endpoint.Send => before with { Versions = 2, Audit = before.Audit + 1 },
            Endpoint.Acknowledge => before with { Status = SubmittedReportStatus.Acknowledged, Audit = before.Audit + 1 },
            Endpoint.Return => before with { Status = SubmittedReportStatus.Returned, Audit = before.Audit + 1 },
            _ => before,
        };
        // Other cases run in the same site and write to the audit log meanwhile: compare this case's own audit entries only when it wrote one.
        Assert.Equal(changed with { Audit = 0 }, after with { Audit = 0 });
        if (changed.Audit > before.Audit)
            Assert.True(after.Audit > before.Audit);
    }

    [Fact]
    public async Task The_approver_sends_the_half_year_report_and_the_overseer_sees_it_on_time_and_acknowledges_it()
    {
        await site.AddUserAsync("lanh-dao-gddt-gui@cchc.test", (AuthorizationMatrix.Unit, Content.Accounts.UnitRole.Approver));
        await site.AddUserAsync("giam-sat-pnv@cchc.test", (AuthorizationMatrix.OverseerUnit, Content.Accounts.UnitRole.Overseer));
        var approver = await site.SignedInAsync("lanh-dao-gddt-gui@cchc.test");
        var form = await approver.GetStringAsync($"{SubmittedReportsController.Base}/gui?ky=HalfYear&nam=2090");
        Assert.Contains("Kết quả đạt được", form);
        // A missing section is a Vietnamese message, not a 500.
        var invalid = await EditorSite.PostFormAsync(approver, $"{SubmittedReportsController.Base}/gui", new()
        {
            ["Unit"] = AuthorizationMatrix.Unit, ["Ky"] = "HalfYear", ["Nam"] = "2090", ["Results"] = "Có", ["Limitations"] = "", ["Proposals"] = "Có",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Contains("Vui lòng nhập phần &quot;Hạn chế và nguyên nhân&quot;.", await invalid.Content.ReadAsStringAsync());

        // The clock of the site is the real one: 2090's half-year is not due yet, so the report is on time.
        var sent = await EditorSite.PostFormAsync(approver, $"{SubmittedReportsController.Base}/gui", new()
        {
            ["Unit"] = AuthorizationMatrix.Unit, ["Ky"] = "HalfYear", ["Nam"] = "2090",
            ["Results"] = "Đăng 12 tin, bài tuyên truyền CCHC.", ["Limitations"] = "Chưa có video clip.", ["Proposals"] = "Đề nghị mở lớp tập huấn.",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var url = sent.Headers.Location!.OriginalString;

        var overseer = await site.SignedInAsync("giam-sat-pnv@cchc.test");
        var inbox = await overseer.GetStringAsync($"{SubmittedReportsController.Base}?ky=HalfYear&nam=2090");
        Assert.Contains("Phòng Giáo dục và Đào tạo thị xã Ngã Năm", inbox);
        Assert.Contains("Đúng hạn", inbox);
        Assert.Contains("Chưa gửi", inbox);
        var page = await overseer.GetStringAsync(url);
        Assert.Contains("Chưa có video clip.", page);
        Assert.Contains("Tiếp nhận", page);
        await EditorSite.PostFormAsync(overseer, $"{url}/tiep-nhan", []);
        Assert.Contains("Đã tiếp nhận", await approver.GetStringAsync(url));
    }
}
