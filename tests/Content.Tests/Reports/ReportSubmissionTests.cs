using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Content.Oversight;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Posts;
using CchcSite.Content.Reports;
using CchcSite.Content.Tests.Plans;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Tests.Reports;

/// <summary>
/// Reports sent upward. Province P has a Sở Nội vụ N that oversees its sibling departments D and E. The clock stands
/// at 15/06/2022 10:00 in Vietnam, the due day of the half-year report.
/// </summary>
public class ReportSubmissionTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Unit _noiVu = null!;
    private Unit _department = null!;
    private Unit _other = null!;
    private static readonly ReportPeriod HalfYear = ReportPeriod.ForFirstHalf(2022);
    private static readonly ReportNarrative Narrative = new("Đăng 2 tin, bài.", "Chưa có video clip do thiếu nhân lực.", "Đề nghị tập huấn quay dựng video.");
    private static readonly Actor Actor = new("nguoi-gui", "lanh-dao@d.test", null);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var province = await _database.AddUnitAsync("tinh-p");
        _noiVu = await _database.AddUnitAsync("so-noi-vu-n", province);
        _department = await _database.AddUnitAsync("so-d", province);
        _other = await _database.AddUnitAsync("so-e", province);
        await using var db = _database.NewContext();
        db.UnitOversights.AddRange(new UnitOversight { OverseerUnitId = _noiVu.Id, OverseenUnitId = _department.Id },
            new UnitOversight { OverseerUnitId = _noiVu.Id, OverseenUnitId = _other.Id });
        await db.SaveChangesAsync();
        await _database.PublishAsync(_department, "tin-thang-3", PostKind.Article, new DateTime(2022, 3, 10, 9, 0, 0));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private UserGrants Approver(Unit unit) => new("a", true, false, [(unit.Id, UnitRole.Approver)]);

    /// <summary>The overseer's grants as the site reads them: its membership in N, widened to what N oversees.</summary>
    private UserGrants Overseer => new("o", true, false, [(_noiVu.Id, UnitRole.Overseer), (_department.Id, UnitRole.Overseer), (_other.Id, UnitRole.Overseer)]);

    private async Task<Outcome<SubmittedReport>> SubmitAsync(UserGrants user, Unit unit, ReportNarrative? narrative = null)
    {
        await using var db = _database.NewContext();
        return await _database.Get<ReportSubmissions>(db).SubmitAsync(unit.Id, HalfYear, narrative ?? Narrative, user, Actor, CancellationToken.None);
    }

    private async Task<Outcome<SubmittedReport>> ReviewAsync(int id, bool accept, string? comment, UserGrants? user = null)
    {
        await using var db = _database.NewContext();
        return await _database.Get<ReportSubmissions>(db).ReviewAsync(id, accept, comment, user ?? Overseer, Actor, CancellationToken.None);
    }

    private static int PostsOf(IReadOnlyList<ReportSection> sections) => sections.Single(s => s.Key == "posts-by-kind").Rows.Single(r => r.Key == "total").Values[0];

    [Fact]
    public async Task The_figures_are_frozen_at_submission_while_the_live_report_moves_on()
    {
        var sent = Assert.IsType<Outcome<SubmittedReport>.Ok>(await SubmitAsync(Approver(_department), _department)).Value;
        await _database.PublishAsync(_department, "tin-thang-5-dang-sau", PostKind.Article, new DateTime(2022, 5, 20, 9, 0, 0));

        await using var db = _database.NewContext();
        var live = await _database.Reports(db).BuildAsync(_department.Id, true, HalfYear, CancellationToken.None);
        var stored = await _database.Get<ReportSubmissions>(db).FindAsync(sent.Id, CancellationToken.None);
        Assert.Equal(2, PostsOf(live!.Sections));
        Assert.Equal(1, PostsOf(ReportSubmissions.Figures(stored!)));
        Assert.Equal(_noiVu.Id, stored!.OverseerUnitId);
        Assert.Equal("Chưa có video clip do thiếu nhân lực.", stored.Limitations);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.ReportSubmitted && e.UnitId == _department.Id));
    }

    [Theory]
    // 15/06 23:59 in Vietnam is 16:59 UTC: still the due day.
    [InlineData(16, 59, true)]
    // 16/06 00:01 in Vietnam is 17:01 UTC on 15/06: a day late, though still the 15th in UTC.
    [InlineData(17, 1, false)]
    public async Task On_time_is_judged_by_the_due_day_in_Vietnam_time(int utcHour, int minute, bool onTime)
    {
        _database.Clock.SetUtcNow(new DateTimeOffset(2022, 6, 15, utcHour, minute, 0, TimeSpan.Zero));
        var sent = Assert.IsType<Outcome<SubmittedReport>.Ok>(await SubmitAsync(Approver(_department), _department)).Value;
        Assert.Equal(new DateOnly(2022, 6, 15), sent.DueOn);
        Assert.Equal(onTime, sent.OnTime);
    }

    [Fact]
    public async Task A_returned_report_is_corrected_by_a_new_version_that_keeps_the_earlier_one()
    {
        var first = Assert.IsType<Outcome<SubmittedReport>.Ok>(await SubmitAsync(Approver(_department), _department)).Value;
        Assert.IsType<Outcome<SubmittedReport>.Invalid>(await ReviewAsync(first.Id, accept: false, comment: " "));
        Assert.True((await ReviewAsync(first.Id, accept: false, "Bổ sung số liệu video.")).IsOk);
        var second = Assert.IsType<Outcome<SubmittedReport>.Ok>(await SubmitAsync(Approver(_department), _department,
            Narrative with { Results = "Đăng 2 tin, bài; bổ sung 1 video." })).Value;
        Assert.True((await ReviewAsync(second.Id, accept: true, null)).IsOk);

        await using var db = _database.NewContext();
        var versions = await _database.Get<ReportSubmissions>(db).VersionsAsync(second, CancellationToken.None);
        Assert.Equal([(2, SubmittedReportStatus.Acknowledged), (1, SubmittedReportStatus.Returned)], versions.Select(v => (v.Version, v.Status)));
        Assert.Equal("Đăng 2 tin, bài.", versions[1].Results);
        Assert.Equal("Bổ sung số liệu video.", versions[1].ReviewComment);
        // An earlier version is never reviewed again.
        Assert.IsType<Outcome<SubmittedReport>.Conflict>(await ReviewAsync(first.Id, accept: true, null));
    }

    [Fact]
    public async Task Only_the_units_approver_sends_and_only_its_overseer_receives_and_a_refusal_changes_nothing()
    {
        Assert.IsType<Outcome<SubmittedReport>.Refused>(await SubmitAsync(Approver(_noiVu), _department));
        Assert.IsType<Outcome<SubmittedReport>.Refused>(await SubmitAsync(Overseer, _department));
        Assert.IsType<Outcome<SubmittedReport>.Invalid>(await SubmitAsync(Approver(_department), _department, Narrative with { Proposals = "" }));
        var sent = Assert.IsType<Outcome<SubmittedReport>.Ok>(await SubmitAsync(Approver(_department), _department)).Value;
        Assert.IsType<Outcome<SubmittedReport>.Refused>(await ReviewAsync(sent.Id, true, null, Approver(_department)));
        Assert.IsType<Outcome<SubmittedReport>.Refused>(await ReviewAsync(sent.Id, true, null, Approver(_noiVu)));

        await using var db = _database.NewContext();
        Assert.Equal([(1, SubmittedReportStatus.Submitted)], (await db.SubmittedReports.Select(r => new { r.Version, r.Status }).ToListAsync()).Select(r => (r.Version, r.Status)));
    }

    [Fact]
    public async Task The_inbox_lists_every_overseen_unit_with_its_latest_version_or_none()
    {
        _database.Clock.SetUtcNow(new DateTimeOffset(2022, 6, 20, 3, 0, 0, TimeSpan.Zero));
        await SubmitAsync(Approver(_department), _department);
        await using var db = _database.NewContext();
        var inbox = await _database.Get<ReportSubmissions>(db).InboxAsync(new HashSet<int> { _noiVu.Id }, HalfYear, CancellationToken.None);
        Assert.Equal([("so-d", true, false), ("so-e", false, false)], inbox.Select(l => (l.Unit.Slug, l.Submitted, l.Latest?.OnTime ?? false)));
    }
}
