using CchcSite.Content.Accounts;
using CchcSite.Content.Posts;

namespace CchcSite.Content.Contests;

/// <summary>What the review of a contest needs to know besides the contest: its bank, its entries, its unit's setting.</summary>
public sealed record ContestReviewFacts(Contest Contest, int Questions, int Entries, bool UnitAllowsSelfPublishing);

/// <summary>
/// A contest takes a post's review steps under the same two-person rule (<see cref="PostWorkflow.BreaksTwoPersonRule"/>):
/// an editor prepares the draft and submits it (<see cref="EditorAction.PrepareContests"/>); an approver of the unit who did
/// not submit or last edit it publishes it or returns it with a comment (<see cref="EditorAction.ManageContests"/>). Only a
/// draft is edited, so what the approver publishes is what they read. A published contest goes back to draft only while no
/// round has opened and nobody has entered; after that its questions can only be corrected, which rescores
/// (<see cref="ContestEditing.SaveQuestionAsync"/>).
/// </summary>
public static class ContestWorkflow
{
    public static readonly IReadOnlyList<WorkflowStep> Steps = [WorkflowStep.Submit, WorkflowStep.Publish, WorkflowStep.SendBack, WorkflowStep.BackToDraft];

    public static EditorAction ActionFor(WorkflowStep step) => step == WorkflowStep.Submit ? EditorAction.PrepareContests : EditorAction.ManageContests;

    public static bool IsEditable(Contest contest) => contest.Status == ContestStatus.Draft;

    public static string Vietnamese(this ContestStatus status) => status switch
    {
        ContestStatus.Draft => "Bản nháp",
        ContestStatus.InReview => "Chờ duyệt",
        _ => "Đã công bố",
    };

    /// <summary>Why a draft-only change of the contest or its bank is refused in its state; null when it is a draft.</summary>
    public static string? NotEditable(ContestStatus status) => status switch
    {
        ContestStatus.Draft => null,
        ContestStatus.InReview => "Hội thi đang chờ duyệt nên không sửa được. Lãnh đạo duyệt công bố hoặc trả lại để sửa.",
        _ => "Hội thi đã công bố nên không sửa được. Trước khi đợt đầu tiên mở, lãnh đạo có thể đưa hội thi về bản nháp để sửa và trình duyệt lại; "
            + "sau đó chỉ được đính chính câu hỏi (ghi rõ lý do).",
    };

    public static WorkflowDecision Check(ContestReviewFacts facts, WorkflowStep step, UserGrants user, DateTime utcNow)
    {
        var contest = facts.Contest;
        if (!Steps.Contains(step) || !Permissions.Allows(user, ActionFor(step), contest.UnitId))
            return WorkflowDecision.No("Bạn không có quyền thực hiện thao tác này với hội thi của đơn vị này.");
        var fromOk = step switch
        {
            WorkflowStep.Submit => contest.Status == ContestStatus.Draft,
            WorkflowStep.Publish or WorkflowStep.SendBack => contest.Status == ContestStatus.InReview,
            _ => contest.Status == ContestStatus.Published,
        };
        if (!fromOk)
            return WorkflowDecision.No($"Hội thi đang ở trạng thái \"{contest.Status.Vietnamese()}\" nên không thể thực hiện thao tác này.");
        if (step == WorkflowStep.Submit && facts.Questions == 0)
            return WorkflowDecision.No("Hội thi chưa có câu hỏi nào: vui lòng thêm câu hỏi trước khi trình duyệt.");
        // Once a round has opened, participants have read the rules and may have seen questions: the contest stays as published.
        if (step == WorkflowStep.BackToDraft && (facts.Entries > 0 || contest.Rounds.Any(r => r.OpensAt <= utcNow)))
            return WorkflowDecision.No("Đợt thi đầu tiên đã mở nên không đưa hội thi về bản nháp được; chỉ được đính chính câu hỏi (ghi rõ lý do).");
        var ownWork = contest.SubmittedById == user.UserId || contest.LastEditorId == user.UserId;
        if (PostWorkflow.BreaksTwoPersonRule(step, ownWork, facts.UnitAllowsSelfPublishing, user))
            return WorkflowDecision.No("Theo quy trình duyệt hai người, bạn không thể tự công bố hội thi do chính mình trình duyệt hoặc sửa lần cuối. "
                + "Vui lòng đề nghị lãnh đạo khác duyệt.");
        return WorkflowDecision.Yes;
    }

    /// <summary>Applies an allowed step; the caller announces a first publication (<see cref="Contest.PublishedAt"/> was null).</summary>
    public static void Apply(Contest contest, WorkflowStep step, string userId, DateTime utcNow, string? note)
    {
        contest.Status = step switch
        {
            WorkflowStep.Submit => ContestStatus.InReview,
            WorkflowStep.Publish => ContestStatus.Published,
            _ => ContestStatus.Draft,
        };
        if (step == WorkflowStep.Submit)
            contest.SubmittedById = userId;
        if (step == WorkflowStep.Publish)
        {
            contest.ApproverId = userId;
            contest.PublishedAt ??= utcNow;
        }
        contest.ReviewNote = note;
        contest.UpdatedAt = utcNow;
    }
}
