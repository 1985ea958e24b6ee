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
    /// <summary>Drop a pending change; the live text stays as it is.</summary>
    Discard,
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
/// Once readers have seen a post, a save no longer touches its live text: it becomes a <see cref="PendingChange"/>
/// that takes the same Submit → Publish (or SendBack) path under the same two-person rule, and the times it goes
/// online and offline are decisions of those who may publish and unpublish, never of an editor's save.
/// </summary>
public static class PostWorkflow
{
    /// <summary>The size of a review note's column; a longer note is refused before the step is taken.</summary>
    public const int MaxNote = 2000;

    public static EditorAction ActionFor(WorkflowStep step) => step switch
    {
        WorkflowStep.Submit or WorkflowStep.BackToDraft => EditorAction.Submit,
        WorkflowStep.Publish or WorkflowStep.SendBack => EditorAction.Publish,
        WorkflowStep.Discard => EditorAction.Edit,
        _ => EditorAction.Unpublish,
    };

    /// <summary>
    /// Whether a save becomes a pending change rather than a change of the post: readers have the post (or it is
    /// scheduled for them), or a change is already pending (it stays one when the post is taken down meanwhile).
    /// </summary>
    public static bool ChangesNeedReview(Post post) =>
        post.PendingChange is not null || post.Status is PostStatus.Published or PostStatus.Scheduled;

    /// <summary>Whether the step takes its text from the pending change: approving it, or a post going back to draft with it.</summary>
    public static bool TakesChangeText(Post post, WorkflowStep step) =>
        post.PendingChange is not null && step is WorkflowStep.Publish or WorkflowStep.BackToDraft;

    public static WorkflowDecision Check(Post post, WorkflowStep step, UserGrants user, bool unitAllowsSelfPublishing)
    {
        if (!Permissions.Allows(user, ActionFor(step), post.UnitId))
            return WorkflowDecision.No("Bạn không có quyền thực hiện thao tác này với bài viết của đơn vị này.");
        var change = post.PendingChange;
        var onChange = change is not null && step is WorkflowStep.Submit or WorkflowStep.Publish or WorkflowStep.SendBack;
        var status = onChange ? change!.Status : post.Status;
        var fromOk = step switch
        {
            WorkflowStep.Submit => status is PostStatus.Draft,
            WorkflowStep.Publish or WorkflowStep.SendBack => status is PostStatus.InReview,
            WorkflowStep.Unpublish => status is PostStatus.Published or PostStatus.Scheduled,
            WorkflowStep.Archive => status is PostStatus.Published or PostStatus.Unpublished,
            WorkflowStep.Discard => change is not null,
            _ => status is PostStatus.Unpublished or PostStatus.Archived,
        };
        if (!fromOk)
            return WorkflowDecision.No(step == WorkflowStep.Discard ? "Bài viết không có thay đổi nào chờ duyệt."
                : $"{(onChange ? "Thay đổi của bài viết" : "Bài viết")} đang ở trạng thái \"{status.Vietnamese()}\" nên không thể thực hiện thao tác này.");
        var ownWork = onChange
            ? change!.StartedById == user.UserId || change.LastEditorId == user.UserId
            : post.AuthorId == user.UserId || post.LastEditorId == user.UserId;
        if (BreaksTwoPersonRule(step, ownWork, unitAllowsSelfPublishing, user))
            return WorkflowDecision.No(onChange
                ? "Theo quy trình duyệt hai người, bạn không thể tự duyệt thay đổi do chính mình đề xuất hoặc sửa lần cuối. Vui lòng đề nghị lãnh đạo khác duyệt."
                : "Theo quy trình duyệt hai người, bạn không thể tự đăng bài do chính mình viết hoặc sửa lần cuối. Vui lòng đề nghị lãnh đạo khác duyệt.");
        return WorkflowDecision.Yes;
    }

    /// <summary>
    /// The two-person rule, for everything reviewed like a post (posts, their pending changes, bulletin issues): nobody
    /// approves their own work, unless the unit allows self-publishing or they are an administrator.
    /// </summary>
    public static bool BreaksTwoPersonRule(WorkflowStep step, bool ownWork, bool unitAllowsSelfPublishing, UserGrants user) =>
        step == WorkflowStep.Publish && ownWork && !unitAllowsSelfPublishing && !user.IsAdministrator;

    /// <summary>
    /// Applies an allowed step. Publishing with a future time schedules instead; the publisher job finishes it.
    /// On a pending change, Submit and SendBack move the change only; Publish (and BackToDraft) end it, after the
    /// caller has copied its text into the post (that needs the database, for the address and the tags).
    /// </summary>
    public static void Apply(Post post, WorkflowStep step, string userId, DateTime utcNow, string? note)
    {
        if (post.PendingChange is { } change && step is WorkflowStep.Submit or WorkflowStep.SendBack)
        {
            change.Status = step == WorkflowStep.Submit ? PostStatus.InReview : PostStatus.Draft;
            change.ReviewNote = note;
            change.UpdatedAt = utcNow;
            return;
        }
        if (step == WorkflowStep.Discard)
        {
            post.PendingChange = null;
            return;
        }
        if (TakesChangeText(post, step))
        {
            post.LastEditorId = post.PendingChange!.LastEditorId;
            post.PendingChange = null;
            if (step == WorkflowStep.Publish)
            {
                // The post keeps its state and its times; only its text is new.
                post.ApproverId = userId;
                post.UpdatedAt = utcNow;
                return;
            }
        }
        switch (step)
        {
            case WorkflowStep.Submit:
                post.Status = PostStatus.InReview;
                break;
            case WorkflowStep.Publish:
                post.PublishAt ??= utcNow;
                post.Status = LiveStatus(post.PublishAt, utcNow);
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

    /// <summary>
    /// The state of a post approved for readers: Scheduled while its publication time is ahead, Published from then on.
    /// Approving, rescheduling and the seed import all decide it here.
    /// </summary>
    public static PostStatus LiveStatus(DateTime? publishAt, DateTime utcNow) =>
        publishAt > utcNow ? PostStatus.Scheduled : PostStatus.Published;

    /// <summary>
    /// The times a save asks to change on a post whose changes are reviewed, and that the user may not change: the
    /// publication time needs the right to publish, the unpublish time (set, moved or cleared) the right to unpublish.
    /// An empty publication time means "unchanged". Times are compared to the minute, as the form shows them.
    /// </summary>
    public static IReadOnlyDictionary<string, string> CheckTimes(Post post, PostDraft draft, UserGrants user)
    {
        var errors = new Dictionary<string, string>();
        var (publishAt, unpublishAt) = ChangedTimes(post, draft);
        if (publishAt && !Permissions.Allows(user, EditorAction.Publish, post.UnitId))
            errors[nameof(PostDraft.PublishAt)] = "Bài đã được duyệt: chỉ người có quyền duyệt đăng mới được đổi thời điểm đăng.";
        if (unpublishAt && !Permissions.Allows(user, EditorAction.Unpublish, post.UnitId))
            errors[nameof(PostDraft.UnpublishAt)] = "Bài đã được duyệt: chỉ người có quyền gỡ bài mới được đặt hoặc đổi thời điểm tự gỡ.";
        return errors;
    }

    /// <summary>
    /// Applies the times of an allowed save to a post whose changes are reviewed; a live post becomes Scheduled when its
    /// publication time moves ahead, and Published when it comes due. Returns whether anything changed.
    /// </summary>
    public static bool Reschedule(Post post, PostDraft draft, DateTime utcNow)
    {
        var (publishAt, unpublishAt) = ChangedTimes(post, draft);
        if (publishAt)
            post.PublishAt = draft.PublishAt;
        if (unpublishAt)
            post.UnpublishAt = draft.UnpublishAt;
        if (publishAt && post.Status is PostStatus.Published or PostStatus.Scheduled)
            post.Status = LiveStatus(post.PublishAt, utcNow);
        return publishAt || unpublishAt;
    }

    private static (bool PublishAt, bool UnpublishAt) ChangedTimes(Post post, PostDraft draft) =>
        (draft.PublishAt is { } publishAt && !SameMinute(publishAt, post.PublishAt), !SameMinute(draft.UnpublishAt, post.UnpublishAt));

    private static bool SameMinute(DateTime? a, DateTime? b) =>
        a is null || b is null ? a is null && b is null : a.Value.Ticks / TimeSpan.TicksPerMinute == b.Value.Ticks / TimeSpan.TicksPerMinute;
}
