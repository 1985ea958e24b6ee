using CchcSite.Content.Accounts;
using CchcSite.Content.Contests;
using CchcSite.Content.Data;
using CchcSite.Content.Plans;
using CchcSite.Content.Posts;
using CchcSite.Content.Questions;
using CchcSite.Content.Text;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Editor;

/// <summary>One kind of thing waiting for the signed-in person: how many, and the filtered list that shows them.</summary>
public sealed record WorkCount(string Key, string Label, int Count, string Url, string Hint);

/// <summary>
/// What waits for the signed-in person ("Việc của tôi"), each count asked of the same services and filters as the list it
/// links to, within the units the one permission table gives this person for that kind of work. Computed once per request:
/// the home page and the side navigation's badges read the same numbers.
/// </summary>
public sealed class MyWork(CurrentEditor editor, CchcDbContext db, SubmissionInbox inbox, PlanCompliance plans, UnitDirectory units,
    Content.Proposals.PostProposals proposals, Content.Reports.ReportReminders reports)
{
    private IReadOnlyList<WorkCount>? _counts;

    /// <summary>Whether the person handles nothing but citizens' questions: their home is the inbox.</summary>
    public async Task<bool> OnlyHandlesSubmissionsAsync()
    {
        var grants = await editor.GrantsAsync();
        return !grants.IsAdministrator && grants.Roles.Count > 0
            && grants.Roles.All(r => !Permissions.RoleAllows(r.Role, EditorAction.ReadDraft))
            && grants.Roles.Any(r => Permissions.RoleAllows(r.Role, EditorAction.HandleSubmission));
    }

    public async Task<IReadOnlyList<WorkCount>> CountsAsync(CancellationToken ct)
    {
        if (_counts is not null)
            return _counts;
        var grants = await editor.GrantsAsync();
        var list = new List<WorkCount>();

        var writable = Permissions.UnitsAllowing(grants, EditorAction.Edit);
        if (writable is null || writable.Count > 0)
        {
            // Sent back with a reviewer's note: the writer's next step. Only the person's own posts unless they run every unit.
            var me = editor.UserId;
            var returned = await Posts(writable).Where(p => (p.Status == PostStatus.Draft && p.ReviewNote != null
                    || p.PendingChange != null && p.PendingChange.Status == PostStatus.Draft && p.PendingChange.ReviewNote != null)
                    && (writable == null || p.AuthorId == me || p.LastEditorId == me)).CountAsync(ct);
            list.Add(new("tra-lai", "Bài bị trả lại cần sửa", returned, "/quan-tri?trang-thai=Draft#bai-viet", "bài có góp ý của người duyệt"));
        }
        var publishable = Permissions.UnitsAllowing(grants, EditorAction.Publish);
        if (publishable is null || publishable.Count > 0)
        {
            var waiting = await Posts(publishable).CountAsync(p => p.Status == PostStatus.InReview
                || p.PendingChange != null && p.PendingChange.Status == PostStatus.InReview, ct);
            list.Add(new("cho-duyet", "Chờ tôi duyệt", waiting, "/quan-tri?trang-thai=InReview#bai-viet", "bài và thay đổi đã gửi duyệt"));
        }
        var contestUnits = Permissions.UnitsAllowing(grants, EditorAction.ManageContests);
        if (contestUnits is null || contestUnits.Count > 0)
        {
            var ids = contestUnits?.ToList();
            var contests = await db.Contests.AsNoTracking().CountAsync(c => c.Status == ContestStatus.InReview && (ids == null || ids.Contains(c.UnitId)), ct);
            list.Add(new("hoi-thi-cho-duyet", "Hội thi chờ duyệt", contests, ContestsAdminController.Base, "hội thi đã trình, chờ công bố hoặc trả lại"));
        }
        var deciding = Permissions.UnitsAllowing(grants, EditorAction.DecideProposal);
        if (deciding is null || deciding.Count > 0)
            list.Add(new("de-xuat", "Bài đề xuất từ đơn vị trực thuộc", await proposals.PendingCountAsync(deciding, ct),
                $"{ProposalsController.Base}?trang-thai=Pending", "chờ Tổ Biên tập nhận đăng hoặc từ chối"));
        // The periodic reports the person's units owe their overseeing unit, due soon or late: the mail reminder, kept on the
        // home page until the report is sent. Not for administrators, who send no unit's report of their own.
        if (Permissions.UnitsAllowing(grants, EditorAction.SubmitReport) is { Count: > 0 } sending
            && await reports.OwedAsync(sending, ct) is { Count: > 0 } owed)
        {
            // Late ones lead, the longest overdue first; a report due soon comes after them.
            var first = owed.OrderBy(r => r.Kind == Content.Reports.ReportReminderKind.Late ? 0 : 1).ThenBy(r => r.Period.DueOn).First();
            var due = VietnamTime.FormatDate(first.Period.DueOn!.Value);
            list.Add(new("bao-cao-gui", "Báo cáo định kỳ cần gửi", owed.Count, SubmittedReportsController.SendUrl(first.Unit.Slug, first.Period),
                $"{first.Period.Label} của {first.Unit.ShortName}: " + (first.Kind == Content.Reports.ReportReminderKind.Late ? $"quá hạn từ {due}" : $"hạn {due}")));
        }
        var readable = Permissions.UnitsAllowing(grants, EditorAction.ReadDraft);
        if (readable is null || readable.Count > 0)
        {
            var scheduled = await Posts(readable).CountAsync(p => p.Status == PostStatus.Scheduled, ct);
            list.Add(new("hen-gio", "Đã hẹn giờ đăng", scheduled, "/quan-tri?trang-thai=Scheduled#bai-viet", "bài sẽ tự đăng đúng giờ"));
        }
        var handled = Permissions.UnitsAllowing(grants, EditorAction.HandleSubmission);
        if (handled is null || handled.Count > 0)
        {
            async Task<int> Count(InboxView view) =>
                (await inbox.ListAsync(new InboxFilter(handled, View: view) { Page = new(1, 1) }, ct)).TotalCount;
            list.Add(new("hoi-moi", "Câu hỏi, phản ánh mới", await Count(InboxView.New), "/quan-tri/hoi-dap?xem=New", "chưa phân công người trả lời"));
            list.Add(new("hoi-dang-xu-ly", "Đang xử lý", await Count(InboxView.Assigned), "/quan-tri/hoi-dap?xem=Assigned", "đã phân công, chưa trả lời"));
            list.Add(new("hoi-qua-han", "Quá hạn trả lời", await Count(InboxView.Overdue), "/quan-tri/hoi-dap?xem=Overdue", "đã quá thời hạn giải quyết"));
            if (Permissions.UnitsAllowing(grants, EditorAction.PublishAnswer) is not { Count: 0 })
                list.Add(new("hoi-cho-duyet", "Câu trả lời chờ duyệt", await Count(InboxView.AwaitingApproval), "/quan-tri/hoi-dap?xem=AwaitingApproval", "đã trả lời, chờ đăng hoặc gửi"));
        }
        var planned = Permissions.UnitsAllowing(grants, EditorAction.ViewPlans);
        if (planned is null || planned.Count > 0)
        {
            var visible = await units.SubtreesAsync(planned, ct);
            var month = plans.CurrentMonth;
            var quota = await plans.QuotaAsync(visible, [month], ct);
            list.Add(new("chua-dang", $"Đơn vị chưa đăng bài tháng {month.Month:00}/{month.Year}", quota.Count(r => r.Months[0].Count == 0),
                "/quan-tri/tuan-thu", "theo quy định mỗi tháng ít nhất một bài"));
            var reminders = await plans.RemindersAsync(visible.Select(u => u.Id).ToList(), ct);
            list.Add(new("ke-hoach-thang", "Nhiệm vụ kế hoạch đến hạn tháng này", reminders.Count, "/quan-tri/tuan-thu#den-han", "chưa có bài thực hiện"));
        }
        return _counts = list;
    }

    /// <summary>The count shown beside a navigation item: the sum of the counts it leads to that need action.</summary>
    public async Task<int> BadgeAsync(string navKey, CancellationToken ct)
    {
        var counts = await CountsAsync(ct);
        string[] keys = navKey switch
        {
            "bai-viet" => ["tra-lai", "cho-duyet"],
            "hoi-dap" => ["hoi-moi", "hoi-cho-duyet"],
            "de-xuat" => ["de-xuat"],
            "tuan-thu" => ["ke-hoach-thang"],
            "hoi-thi" => ["hoi-thi-cho-duyet"],
            _ => [],
        };
        return counts.Where(c => keys.Contains(c.Key)).Sum(c => c.Count);
    }

    private IQueryable<Post> Posts(IReadOnlySet<int>? unitIds)
    {
        var query = db.Posts.AsNoTracking();
        if (unitIds is not null)
        {
            var ids = unitIds.ToList();
            query = query.Where(p => ids.Contains(p.UnitId));
        }
        return query;
    }
}
