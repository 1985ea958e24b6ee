using CchcSite.Content.Contests;
using CchcSite.Content.Data;
using CchcSite.Content.Plans;
using CchcSite.Content.Posts;
using CchcSite.Content.Proposals;
using CchcSite.Content.Questions;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Reports;

internal static class Totals
{
    public const string Key = ReportSection.TotalKey;

    /// <summary>The rows followed by their column sums, under <see cref="Key"/>.</summary>
    public static IReadOnlyList<ReportRow> WithTotal(this IReadOnlyList<ReportRow> rows, int columns) =>
        [.. rows, new ReportRow(Key, "Tổng cộng", Enumerable.Range(0, columns).Select(c => rows.Sum(r => r.Values[c])).ToList())];

    public static IQueryable<Post> PublishedIn(this CchcDbContext db, ReportScope scope)
    {
        var ids = scope.UnitIds.ToList();
        return db.Posts.AsNoTracking().PublishedBy(scope.Now)
            .Where(p => ids.Contains(p.UnitId) && p.PublishAt >= scope.Period.StartUtc && p.PublishAt < scope.Period.EndUtc);
    }
}

/// <summary>Posts published in the period, by kind.</summary>
public sealed class PostsByKindSection(CchcDbContext db) : IReportSection
{
    public async Task<ReportSection> BuildAsync(ReportScope scope, CancellationToken ct)
    {
        var counts = (await db.PublishedIn(scope).Select(p => p.Kind).ToListAsync(ct)).CountBy(k => k).ToDictionary();
        var rows = PostKindSegments.All.Select(k => new ReportRow(k.Kind.ToString(), k.SingularName, [counts.GetValueOrDefault(k.Kind)])).ToList();
        return new ReportSection("posts-by-kind", "Tin, bài, văn bản đã đăng theo loại", [new("count", "Số lượng")], rows.WithTotal(1));
    }
}

/// <summary>Posts published in the period, by reform field (lĩnh vực).</summary>
public sealed class PostsByCategorySection(CchcDbContext db) : IReportSection
{
    public async Task<ReportSection> BuildAsync(ReportScope scope, CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new { c.Id, c.Slug, c.Name }).ToListAsync(ct);
        var counts = (await db.PublishedIn(scope).Select(p => p.CategoryId).ToListAsync(ct)).CountBy(id => id ?? 0).ToDictionary();
        var rows = categories.Select(c => new ReportRow(c.Slug, c.Name, [counts.GetValueOrDefault(c.Id)]))
            .Append(new ReportRow("none", "Chưa xếp lĩnh vực", [counts.GetValueOrDefault(0)])).ToList();
        return new ReportSection("posts-by-category", "Tin, bài, văn bản đã đăng theo lĩnh vực cải cách hành chính", [new("count", "Số lượng")], rows.WithTotal(1));
    }
}

/// <summary>Plan items due in the period's months, by status; an item due in several months counts once per month.</summary>
public sealed class PlanItemsSection(PlanCompliance compliance) : IReportSection
{
    private static readonly ItemStatus[] Counted = [ItemStatus.Done, ItemStatus.Late, ItemStatus.Overdue];

    public async Task<ReportSection> BuildAsync(ReportScope scope, CancellationToken ct)
    {
        var months = scope.Period.Months().ToHashSet();
        var rows = new List<ReportRow>();
        foreach (var year in months.Select(m => m.Year).Distinct().Order())
            foreach (var view in await compliance.PlansAsync(scope.UnitIds.ToList(), year, ct))
            {
                var due = view.Items.SelectMany(i => i.Occurrences).Where(o => o.Month is { } month && months.Contains(month)).ToList();
                rows.Add(new ReportRow($"plan-{view.Plan.Id}", $"{view.UnitName}: {view.Plan.Title}{(view.Plan.Number is { } n ? $" ({n})" : "")}",
                    [.. Counted.Select(s => due.Count(o => o.Status == s)), due.Count(o => o.Status is ItemStatus.DueThisMonth or ItemStatus.Upcoming)]));
            }
        return new ReportSection("plan-items", "Thực hiện nhiệm vụ theo kế hoạch (lượt nhiệm vụ theo tháng)",
            [new("done", ItemStatus.Done.Vietnamese()), new("late", ItemStatus.Late.Vietnamese()),
             new("overdue", ItemStatus.Overdue.Vietnamese()), new("not-due", ItemStatus.Upcoming.Vietnamese())],
            rows.WithTotal(4), "Nhiệm vụ \"thường xuyên\" được tính mỗi tháng một lượt; nhiệm vụ thực hiện khi phát sinh không tính.");
    }
}

/// <summary>The monthly rule per unit: months of the period with at least one article or document published.</summary>
public sealed class MonthlyQuotaSection(PlanCompliance compliance) : IReportSection
{
    public async Task<ReportSection> BuildAsync(ReportScope scope, CancellationToken ct)
    {
        var quota = await compliance.QuotaAsync(scope.Units, scope.Period.Months(), ct);
        var rows = quota.Select(q => new ReportRow(q.Unit.Slug, q.Unit.Name,
            [q.Months.Count(m => m.Status == QuotaStatus.Met), q.Months.Count(m => m.Status == QuotaStatus.Missing),
             q.Months.Count(m => m.Status == QuotaStatus.Upcoming)])).ToList();
        return new ReportSection("monthly-quota", "Số tháng có ít nhất một tin, bài hoặc văn bản được đăng",
            [new("met", "Số tháng đạt"), new("missing", "Số tháng chưa có bài"), new("upcoming", "Số tháng chưa đến")], rows.WithTotal(3),
            "Mỗi tháng có ngày thuộc kỳ báo cáo được xét trọn tháng; tin, bài gồm cả video và mô hình hay, thông báo không được tính.");
    }
}

/// <summary>Citizens' questions and hotline feedback received in the period: how many, answered on time or late, still waiting.</summary>
public sealed class SubmissionsSection(SubmissionStatistics statistics) : IReportSection
{
    public async Task<ReportSection> BuildAsync(ReportScope scope, CancellationToken ct)
    {
        var rows = new List<ReportRow>();
        foreach (var kind in Enum.GetValues<SubmissionKind>())
        {
            var counts = await statistics.CountAsync(scope.UnitIds, scope.Period.From, scope.Period.To, kind, ct);
            rows.Add(new ReportRow(kind.ToString(), kind.Vietnamese(),
                [counts.Received, counts.AnsweredOnTime, counts.AnsweredLate, counts.Pending, counts.Rejected]));
        }
        return new ReportSection("submissions", "Hỏi – đáp và phản ánh, kiến nghị của người dân",
            [new("received", "Tiếp nhận"), new("on-time", "Trả lời đúng hạn"), new("late", "Trả lời quá hạn"),
             new("pending", "Đang xử lý"), new("rejected", "Không xử lý, gộp trùng")],
            rows.WithTotal(5),
            "Tính các câu hỏi, phản ánh tiếp nhận trong kỳ, theo đơn vị đang xử lý; hạn trả lời tính theo ngày làm việc; số đang xử lý tính đến thời điểm lập báo cáo.");
    }
}

/// <summary>
/// Posts the units offered upward in the period (to an ancestor's editorial board, e.g. the town's CCHC section), by kind,
/// with what the boards decided so far: a measure the plans use ("gửi tin, bài … để Tổ Biên tập thị xã xem xét duyệt đăng").
/// </summary>
public sealed class ProposalsUpwardSection(CchcDbContext db) : IReportSection
{
    public async Task<ReportSection> BuildAsync(ReportScope scope, CancellationToken ct)
    {
        var ids = scope.UnitIds.ToList();
        var proposals = await db.PostProposals.AsNoTracking()
            .Where(x => ids.Contains(x.Post.UnitId) && x.ProposedAt >= scope.Period.StartUtc && x.ProposedAt < scope.Period.EndUtc && x.ProposedAt < scope.Now)
            .Select(x => new { x.Post.Kind, x.State }).ToListAsync(ct);
        var rows = PostKindSegments.All.Select(k =>
        {
            var ofKind = proposals.Where(x => x.Kind == k.Kind).ToList();
            return new ReportRow(k.Kind.ToString(), k.SingularName,
                [ofKind.Count, ofKind.Count(x => x.State == ProposalState.Accepted), ofKind.Count(x => x.State == ProposalState.Declined),
                 ofKind.Count(x => x.State == ProposalState.Pending)]);
        }).ToList();
        return new ReportSection("proposals-upward", "Tin, bài đề xuất đăng trên trang của đơn vị cấp trên",
            [new("proposed", "Đề xuất"), new("accepted", "Được chọn đăng"), new("declined", "Không được chọn"), new("pending", "Chờ quyết định")],
            rows.WithTotal(4),
            "Tính các đề xuất gửi trong kỳ, theo quyết định của Tổ Biên tập đơn vị cấp trên đến thời điểm lập báo cáo.");
    }
}

/// <summary>
/// Each unit's civil servants in online reform contests (<see cref="ContestParticipation"/>): the plan row "cử công chức,
/// viên chức tham gia hội thi trực tuyến CCHC" made measurable.
/// </summary>
public sealed class ContestParticipationSection(ContestParticipation participation) : IReportSection
{
    public async Task<ReportSection> BuildAsync(ReportScope scope, CancellationToken ct)
    {
        var counts = await participation.PerUnitAsync(scope.UnitIds, scope.Period.StartUtc, scope.Period.EndUtc, scope.Now, ct);
        var rows = scope.Units.Select(u =>
        {
            var unit = counts.GetValueOrDefault(u.Id) ?? UnitEntries.None;
            return new ReportRow(u.Slug, u.Name, [unit.Entries, unit.People]);
        }).ToList();
        return new ReportSection("contest-participation", "Tham gia hội thi, cuộc thi trực tuyến",
            [new("entries", "Lượt dự thi"), new("people", "Người dự thi")], rows.WithTotal(2),
            "Tính các bài dự thi nộp trong kỳ của công chức, viên chức đã chọn đơn vị mình khi dự thi (người dân không chọn đơn vị không được tính), "
            + "không tính bài bị loại; một người dự thi nhiều đợt được tính mỗi đợt một lượt.");
    }
}
