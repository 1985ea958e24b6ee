using CchcSite.Content.Accounts;

namespace CchcSite.Content.Posts;

public enum WorkflowStep
{
    Submit,
    Publish,
    SendBack,
    Unpublish,
    Archive,
    BackToDraft,
}

/// <summary>The outcome of asking for a step: allowed, or refused with a reason a person can read.</summary>
public sealed record WorkflowDecision(bool Allowed, string? Reason)
{
    public static readonly WorkflowDecision Yes = new(true, null);

    public static WorkflowDecision No(string reason) => new(false, reason);
}

/// <summary>
/// Draft → InReview → Published (or Scheduled when the publication time is ahead) → Unpublished/Archived.
/// Two-person review lives here, in the rules, not in the screens: an approver cannot publish what they
/// wrote or last edited, unless their unit allows self-publishing.
/// </summary>
public static class PostWorkflow
{
    public static EditorAction ActionFor(WorkflowStep step) => step switch
    {
        WorkflowStep.Submit or WorkflowStep.BackToDraft => EditorAction.Submit,
        WorkflowStep.Publish or WorkflowStep.SendBack => EditorAction.Publish,
        _ => EditorAction.Unpublish,
    };

    public static WorkflowDecision Check(Post post, WorkflowStep step, UserGrants user, bool unitAllowsSelfPublishing)
    {
        if (!Permissions.Allows(user, ActionFor(step), post.UnitId))
            return WorkflowDecision.No("Bạn không có quyền thực hiện thao tác này với bài viết của đơn vị này.");
        var fromOk = step switch
        {
            WorkflowStep.Submit => post.Status is PostStatus.Draft,
            WorkflowStep.Publish or WorkflowStep.SendBack => post.Status is PostStatus.InReview,
            WorkflowStep.Unpublish => post.Status is PostStatus.Published or PostStatus.Scheduled,
            WorkflowStep.Archive => post.Status is PostStatus.Published or PostStatus.Unpublished,
            _ => post.Status is PostStatus.Unpublished or PostStatus.Archived,
        };
        if (!fromOk)
            return WorkflowDecision.No($"Bài viết đang ở trạng thái \"{post.Status.Vietnamese()}\" nên không thể thực hiện thao tác này.");
        var ownWork = post.AuthorId == user.UserId || post.LastEditorId == user.UserId;
        if (step == WorkflowStep.Publish && ownWork && !unitAllowsSelfPublishing && !user.IsAdministrator)
            return WorkflowDecision.No("Theo quy trình duyệt hai người, bạn không thể tự đăng bài do chính mình viết hoặc sửa lần cuối. Vui lòng đề nghị lãnh đạo khác duyệt.");
        return WorkflowDecision.Yes;
    }

    /// <summary>Applies an allowed step. Publishing with a future time schedules instead; the publisher job finishes it.</summary>
    public static void Apply(Post post, WorkflowStep step, string userId, DateTime utcNow, string? note)
    {
        switch (step)
        {
            case WorkflowStep.Submit:
                post.Status = PostStatus.InReview;
                break;
            case WorkflowStep.Publish:
                post.PublishAt ??= utcNow;
                post.Status = post.PublishAt > utcNow ? PostStatus.Scheduled : PostStatus.Published;
                post.ApproverId = userId;
                break;
            case WorkflowStep.SendBack:
                post.Status = PostStatus.Draft;
                break;
            case WorkflowStep.Unpublish:
                post.Status = PostStatus.Unpublished;
                break;
            case WorkflowStep.Archive:
                post.Status = PostStatus.Archived;
                break;
            case WorkflowStep.BackToDraft:
                post.Status = PostStatus.Draft;
                break;
        }
        post.ReviewNote = note;
        post.UpdatedAt = utcNow;
    }
}
