using CchcSite.Content.Accounts;
using CchcSite.Content.Posts;

namespace CchcSite.Content.Bulletins;

/// <summary>
/// A bulletin issue takes the steps of a post — Submit, SendBack, Publish, Unpublish, BackToDraft — asked of the same
/// permission table through <see cref="PostWorkflow.ActionFor"/> and under the same two-person rule
/// (<see cref="PostWorkflow.BreaksTwoPersonRule"/>). It has no schedule and no pending change: it is edited as a draft only.
/// </summary>
public static class BulletinWorkflow
{
    public static readonly IReadOnlyList<WorkflowStep> Steps =
        [WorkflowStep.Submit, WorkflowStep.SendBack, WorkflowStep.Publish, WorkflowStep.Unpublish, WorkflowStep.BackToDraft];

    /// <summary>Only a draft is edited: what a reviewer approves is what they read.</summary>
    public static bool IsEditable(BulletinIssue issue) => issue.Status == PostStatus.Draft;

    public static WorkflowDecision Check(BulletinIssue issue, WorkflowStep step, UserGrants user, bool unitAllowsSelfPublishing)
    {
        if (!Steps.Contains(step) || !Permissions.Allows(user, PostWorkflow.ActionFor(step), issue.UnitId))
            return WorkflowDecision.No("Bạn không có quyền thực hiện thao tác này với bản tin của đơn vị này.");
        var fromOk = step switch
        {
            WorkflowStep.Submit => issue.Status is PostStatus.Draft,
            WorkflowStep.Publish or WorkflowStep.SendBack => issue.Status is PostStatus.InReview,
            WorkflowStep.Unpublish => issue.Status is PostStatus.Published,
            _ => issue.Status is PostStatus.Unpublished,
        };
        if (!fromOk)
            return WorkflowDecision.No($"Bản tin đang ở trạng thái \"{issue.Status.Vietnamese()}\" nên không thể thực hiện thao tác này.");
        if (step == WorkflowStep.Submit && issue.Entries.Count == 0)
            return WorkflowDecision.No("Bản tin chưa có mục nào: vui lòng chọn ít nhất một tin, bài trước khi trình duyệt.");
        var ownWork = issue.AuthorId == user.UserId || issue.LastEditorId == user.UserId;
        if (PostWorkflow.BreaksTwoPersonRule(step, ownWork, unitAllowsSelfPublishing, user))
            return WorkflowDecision.No("Theo quy trình duyệt hai người, bạn không thể tự duyệt bản tin do chính mình lập hoặc sửa lần cuối. Vui lòng đề nghị lãnh đạo khác duyệt.");
        return WorkflowDecision.Yes;
    }

    public static void Apply(BulletinIssue issue, WorkflowStep step, string userId, DateTime utcNow, string? note)
    {
        issue.Status = step switch
        {
            WorkflowStep.Submit => PostStatus.InReview,
            WorkflowStep.Publish => PostStatus.Published,
            WorkflowStep.Unpublish => PostStatus.Unpublished,
            _ => PostStatus.Draft,
        };
        if (step == WorkflowStep.Publish)
        {
            issue.ApproverId = userId;
            issue.PublishedAt ??= utcNow;
        }
        issue.ReviewNote = note;
        issue.UpdatedAt = utcNow;
    }
}
