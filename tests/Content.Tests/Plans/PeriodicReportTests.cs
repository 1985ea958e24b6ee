using System.Globalization;
using CchcSite.Content.Categories;
using CchcSite.Content.Contests;
using CchcSite.Content.Plans;
using CchcSite.Content.Posts;
using CchcSite.Content.Proposals;
using CchcSite.Content.Questions;
using CchcSite.Content.Reports;
using CchcSite.Content.Units;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CchcSite.Content.Tests.Plans;

/// <summary>
/// Report figures on a fixture counted by hand. The clock stands at 15/06/2022 10:00 in Vietnam; the parent unit P and
/// its sub-unit C publish around the end of the first quarter; C has a plan for 2022.
/// </summary>
public class PeriodicReportTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Unit _parent = null!;
    private Unit _child = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _parent = await _database.AddUnitAsync("don-vi-p");
        _child = await _database.AddUnitAsync("don-vi-c", _parent);
        int categoryId;
        await using (var db = _database.NewContext())
        {
            var category = new Category { Slug = "cai-cach-the-che", Name = "Cải cách thể chế", SortOrder = 1 };
            db.Categories.Add(category);
            await db.SaveChangesAsync();
            categoryId = category.Id;
        }
        var plan = await _database.AddPlanAsync(_child, 2022,
            ("Tháng 1", "Tuyên truyền kế hoạch"), ("Tháng 2", "Phổ biến kế hoạch"), ("Tháng 3", "Video clip"), ("Tháng 5", "Kết quả 6 tháng"),
            ("Thường xuyên", "Đưa tin, bài"));
        int Row(int order) => plan.Items.Single(i => i.Order == order).Id;

        await _database.PublishAsync(_parent, "p-tin-thang-1", PostKind.Article, new DateTime(2022, 1, 5, 9, 0, 0), categoryId: categoryId);
        await _database.PublishAsync(_parent, "p-van-ban-thang-2", PostKind.Document, new DateTime(2022, 2, 10, 9, 0, 0));
        await _database.PublishAsync(_parent, "p-thong-bao-thang-3", PostKind.Announcement, new DateTime(2022, 3, 1, 8, 0, 0));
        await _database.PublishAsync(_parent, "p-hen-gio-thang-7", PostKind.Article, new DateTime(2022, 7, 1, 8, 0, 0));
        var video = await _database.PublishAsync(_child, "c-video-23-30-ngay-31-3", PostKind.Video, new DateTime(2022, 3, 31, 23, 30, 0),
            categoryId: categoryId, planItemId: Row(3));
        var article = await _database.PublishAsync(_child, "c-tin-00-30-ngay-1-4", PostKind.Article, new DateTime(2022, 4, 1, 0, 30, 0), planItemId: Row(1));
        // Proposed upward to P: the video at 23:45 on 31/3 (accepted), the article at 08:00 on 1/4 (declined, second quarter).
        await using (var db = _database.NewContext())
        {
            db.PostProposals.AddRange(
                Proposal(video.Id, new DateTime(2022, 3, 31, 23, 45, 0), ProposalState.Accepted),
                Proposal(article.Id, new DateTime(2022, 4, 1, 8, 0, 0), ProposalState.Declined));
            await db.SaveChangesAsync();
        }
        await _database.PublishAsync(_child, "c-ban-nhap-thang-2", PostKind.Article, new DateTime(2022, 2, 15, 8, 0, 0), PostStatus.Draft, planItemId: Row(2));

        // Citizens: P answers a January question on time; C answers February feedback late; C has a March question
        // still open; P rejected a March question; P's April question is outside the first quarter.
        await AddSubmissionAsync(_parent, SubmissionKind.Question, SubmissionStatus.Published, new DateTime(2022, 1, 10, 9, 0, 0), new DateOnly(2022, 1, 31), new DateTime(2022, 1, 20, 9, 0, 0));
        await AddSubmissionAsync(_child, SubmissionKind.Feedback, SubmissionStatus.Closed, new DateTime(2022, 2, 7, 9, 0, 0), new DateOnly(2022, 2, 28), new DateTime(2022, 3, 5, 9, 0, 0));
        await AddSubmissionAsync(_child, SubmissionKind.Question, SubmissionStatus.Received, new DateTime(2022, 3, 20, 9, 0, 0), new DateOnly(2022, 4, 8), null);
        await AddSubmissionAsync(_parent, SubmissionKind.Question, SubmissionStatus.Rejected, new DateTime(2022, 3, 25, 9, 0, 0), new DateOnly(2022, 4, 13), null);
        await AddSubmissionAsync(_parent, SubmissionKind.Question, SubmissionStatus.Published, new DateTime(2022, 4, 2, 9, 0, 0), new DateOnly(2022, 4, 22), new DateTime(2022, 4, 5, 9, 0, 0));

        // A contest of P: a civil servant of C submits in two rounds (2/3 and 31/3 at 23:50); one of P submits at 00:10 on
        // 1/4 (second quarter); a citizen names no unit; P's disqualified entry and C's unsubmitted one are not counted.
        await using (var db = _database.NewContext())
        {
            var contest = new Contest { UnitId = _parent.Id, Slug = "hoi-thi", Title = "Hội thi", Status = ContestStatus.Published };
            contest.Rounds.AddRange([
                new ContestRound { Number = 1, OpensAt = Utc(new DateTime(2022, 3, 1)), ClosesAt = Utc(new DateTime(2022, 3, 8)) },
                new ContestRound { Number = 2, OpensAt = Utc(new DateTime(2022, 3, 25)), ClosesAt = Utc(new DateTime(2022, 4, 8)) }]);
            db.Contests.Add(contest);
            await db.SaveChangesAsync();
            var (first, second) = (contest.Rounds[0].Id, contest.Rounds[1].Id);
            db.ContestAttempts.AddRange(
                Entry(first, _child, "0912000001", new DateTime(2022, 3, 2, 9, 0, 0)),
                Entry(second, _child, "0912000001", new DateTime(2022, 3, 31, 23, 50, 0)),
                Entry(second, _parent, "0912000002", new DateTime(2022, 4, 1, 0, 10, 0)),
                Entry(second, null, "0912000003", new DateTime(2022, 3, 30, 9, 0, 0)),
                Entry(first, _parent, "0912000004", new DateTime(2022, 3, 3, 9, 0, 0), disqualified: "Dùng nhiều số điện thoại"),
                Entry(second, _child, "0912000005", null));
            await db.SaveChangesAsync();
        }
    }

    private static DateTime Utc(DateTime vietnam) => DateTime.SpecifyKind(vietnam - Text.VietnamTime.Offset, DateTimeKind.Utc);

    private static ContestAttempt Entry(int roundId, Unit? unit, string phone, DateTime? submittedVietnam, string? disqualified = null) => new()
    {
        RoundId = roundId, Token = Guid.NewGuid(), FullName = "Người dự thi", Phone = phone, UnitId = unit?.Id, Address = unit?.Name ?? "Phường 2",
        StartedAt = Utc(submittedVietnam ?? new DateTime(2022, 3, 30, 9, 0, 0)).AddMinutes(-5), SubmittedAt = submittedVietnam is { } at ? Utc(at) : null,
        Score = submittedVietnam is null ? null : 5, DurationSeconds = submittedVietnam is null ? null : 300, DisqualifiedReason = disqualified,
    };

    private PostProposal Proposal(int postId, DateTime proposedVietnam, ProposalState state) => new()
    {
        PostId = postId, TargetUnitId = _parent.Id, State = state, ProposedById = "c", ProposedByName = "Lãnh đạo C",
        ProposedAt = DateTime.SpecifyKind(proposedVietnam - Text.VietnamTime.Offset, DateTimeKind.Utc),
    };

    private async Task AddSubmissionAsync(Unit unit, SubmissionKind kind, SubmissionStatus status, DateTime receivedVietnam, DateOnly dueOn, DateTime? answeredVietnam)
    {
        await using var db = _database.NewContext();
        db.Submissions.Add(new Submission
        {
            Kind = kind, TrackingCode = TrackingCode.New(), UnitId = unit.Id, Name = "Người dân", Title = "Câu hỏi", Text = "Nội dung",
            Status = status, ReceivedAt = Utc(receivedVietnam), DueOn = dueOn, AnsweredAt = answeredVietnam is { } a ? Utc(a) : null,
            Version = Guid.NewGuid(),
        });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<PeriodicReport> ReportAsync(bool includeSubUnits, ReportPeriod period)
    {
        await using var db = _database.NewContext();
        return (await _database.Reports(db).BuildAsync(_parent.Id, includeSubUnits, period, CancellationToken.None))!;
    }

    private static IReadOnlyList<int> Row(PeriodicReport report, string section, string row) =>
        report.Sections.Single(s => s.Key == section).Rows.Single(r => r.Key == row).Values;

    [Fact]
    public async Task The_first_quarter_with_sub_units_counts_what_was_counted_by_hand()
    {
        var report = await ReportAsync(includeSubUnits: true, ReportPeriod.ForQuarter(2022, 1));

        Assert.Equal(["posts-by-kind", "posts-by-category", "plan-items", "monthly-quota", "submissions", "proposals-upward", "contest-participation"],
            report.Sections.Select(s => s.Key));
        // Article 5/1, document 10/2, announcement 1/3, video 23:30 on 31/3; not the article at 00:30 on 1/4, the draft or the scheduled post.
        Assert.Equal([1], Row(report, "posts-by-kind", "Article"));
        Assert.Equal([1], Row(report, "posts-by-kind", "Document"));
        Assert.Equal([1], Row(report, "posts-by-kind", "Video"));
        Assert.Equal([0], Row(report, "posts-by-kind", "Practice"));
        Assert.Equal([1], Row(report, "posts-by-kind", "Announcement"));
        Assert.Equal([4], Row(report, "posts-by-kind", "total"));
        Assert.Equal([2], Row(report, "posts-by-category", "cai-cach-the-che"));
        Assert.Equal([2], Row(report, "posts-by-category", "none"));
        // January late (its post came on 1/4), February overdue (only a draft), March done, the monthly row overdue in all three months.
        Assert.Equal([1, 1, 4, 0], Row(report, "plan-items", "total"));
        // P: January and February met, March only an announcement. C: only March.
        Assert.Equal([2, 1, 0], Row(report, "monthly-quota", "don-vi-p"));
        Assert.Equal([1, 2, 0], Row(report, "monthly-quota", "don-vi-c"));
        Assert.Equal([3, 3, 0], Row(report, "monthly-quota", "total"));
        Assert.Equal(new DateOnly(2022, 3, 15), report.Period.DueOn);
        // Received, on time, late, pending, rejected: not the April question.
        Assert.Equal([3, 1, 0, 1, 1], Row(report, "submissions", "Question"));
        Assert.Equal([1, 0, 1, 0, 0], Row(report, "submissions", "Feedback"));
        Assert.Equal([4, 1, 1, 1, 1], Row(report, "submissions", "total"));
        // Proposed, accepted, declined, pending: C's video proposed on 31/3 in Vietnam time; the article's proposal is April's.
        Assert.Equal([1, 1, 0, 0], Row(report, "proposals-upward", "Video"));
        Assert.Equal([1, 1, 0, 0], Row(report, "proposals-upward", "total"));
        var second = await ReportAsync(includeSubUnits: true, ReportPeriod.ForQuarter(2022, 2));
        Assert.Equal([1, 0, 1, 0], Row(second, "proposals-upward", "Article"));
        // Entries and people: C's civil servant twice (2/3 and 31/3 at 23:50 Vietnam time); P's only entry of the quarter was disqualified.
        Assert.Equal([0, 0], Row(report, "contest-participation", "don-vi-p"));
        Assert.Equal([2, 1], Row(report, "contest-participation", "don-vi-c"));
        Assert.Equal([2, 1], Row(report, "contest-participation", "total"));
        Assert.Equal([1, 1], Row(second, "contest-participation", "don-vi-p"));
        Assert.Equal([0, 0], Row(second, "contest-participation", "don-vi-c"));
    }

    [Fact]
    public async Task Without_sub_units_only_the_units_own_posts_and_plans_count()
    {
        var report = await ReportAsync(includeSubUnits: false, ReportPeriod.ForQuarter(2022, 1));
        Assert.Equal([3], Row(report, "posts-by-kind", "total"));
        Assert.Equal([0, 0, 0, 0], Row(report, "plan-items", "total"));
        Assert.Equal(["don-vi-p", "total"], report.Sections.Single(s => s.Key == "monthly-quota").Rows.Select(r => r.Key));
        Assert.Equal([2, 1, 0, 0, 1], Row(report, "submissions", "total"));
        Assert.Equal([0, 0, 0, 0], Row(report, "proposals-upward", "total"));
        Assert.Equal(["don-vi-p", "total"], report.Sections.Single(s => s.Key == "contest-participation").Rows.Select(r => r.Key));
        Assert.Equal([0, 0], Row(report, "contest-participation", "total"));
    }

    [Fact]
    public async Task The_first_six_months_and_the_year_count_months_not_yet_begun_as_upcoming()
    {
        var half = await ReportAsync(includeSubUnits: true, ReportPeriod.ForFirstHalf(2022));
        Assert.Equal(new DateOnly(2022, 6, 15), half.Period.DueOn);
        Assert.Equal([5], Row(half, "posts-by-kind", "total"));
        // Item due in May is overdue by mid-June; the monthly row is overdue January–May and due in June.
        Assert.Equal([1, 1, 7, 1], Row(half, "plan-items", "total"));

        var year = await ReportAsync(includeSubUnits: true, ReportPeriod.ForYear(2022));
        Assert.Equal(new DateOnly(2022, 12, 15), year.Period.DueOn);
        Assert.Equal([2, 4, 6], Row(year, "monthly-quota", "don-vi-p"));
    }

    [Fact]
    public void Periods_have_their_legal_due_dates_and_custom_dates_are_checked()
    {
        Assert.Equal((new DateOnly(2022, 7, 1), new DateOnly(2022, 9, 30), new DateOnly(2022, 9, 15)),
            ReportPeriod.ForQuarter(2022, 3) is var q ? (q.From, q.To, q.DueOn!.Value) : default);
        Assert.Null(ReportPeriod.ForDates(new DateOnly(2022, 1, 10), new DateOnly(2022, 2, 20)).DueOn);
        Assert.NotNull(ReportPeriod.Create(ReportPeriodKind.Custom, null, null, new DateOnly(2022, 3, 1), new DateOnly(2022, 2, 1)).Error);
        Assert.NotNull(ReportPeriod.Create(ReportPeriodKind.Quarter, 2022, 5, null, null).Error);
    }

    [Fact]
    public async Task The_csv_and_the_xlsx_hold_exactly_the_reports_numbers()
    {
        var report = await ReportAsync(includeSubUnits: true, ReportPeriod.ForQuarter(2022, 1));
        var expected = ReportFiles.Cells(report).Select(c => (c.Section.Title, c.Row.Label, c.Column.Title, c.Value)).ToList();

        using var csv = new CsvReader(new StreamReader(new MemoryStream(ReportFiles.Csv(report))), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        Assert.Equal(ReportFiles.CsvHeader, csv.HeaderRecord);
        var fromCsv = new List<(string, string, string, int)>();
        while (csv.Read())
            fromCsv.Add((csv.GetField(0)!, csv.GetField(1)!, csv.GetField(2)!, csv.GetField<int>(3)));
        Assert.Equal(expected, fromCsv);

        using var xlsx = SpreadsheetDocument.Open(new MemoryStream(ReportFiles.Xlsx(report)), false);
        var numbers = xlsx.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>()
            .Where(c => c.DataType?.Value == CellValues.Number).Select(c => int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal(expected.Select(e => e.Value), numbers);
        Assert.Contains("Hạn gửi báo cáo: 15/03/2022", xlsx.WorkbookPart.WorksheetParts.Single().Worksheet.InnerText);
    }
}
