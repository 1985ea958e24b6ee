using CchcSite.Content.Accounts;
using CchcSite.Content.Posts;
using CchcSite.Content.Units;

namespace CchcSite.Content.Questions;

/// <summary>
/// What the rules need to know, loaded before deciding: the item (its unit and history included), and what the command
/// points at — the unit's officers for an assignment, the unit to forward to, the item to merge into.
/// </summary>
public sealed record SubmissionFacts(Submission Item, bool UnitAllowsSelfPublishing, string? AnswerWrittenBy, string? AnswerLastEditedBy)
{
    /// <summary>The people of the item's unit who may be assigned it.</summary>
    public IReadOnlyList<Officer> Officers { get; init; } = [];

    /// <summary>The active unit a forward names, if it exists.</summary>
    public Unit? ForwardTo { get; init; }

    /// <summary>The item a merge names by its code, if it exists.</summary>
    public Submission? MergeInto { get; init; }

    /// <summary>
    /// The facts an item carries itself. The current answer is the one written since the item last came to its unit
    /// (a forward clears it): its writer is whoever answered first since then, its last editor whoever answered last.
    /// </summary>
    public static SubmissionFacts Of(Submission item)
    {
        var sinceArrival = item.History.Skip(item.History.FindLastIndex(h => h.Step == SubmissionStep.Forwarded) + 1);
        var answers = sinceArrival.Where(h => h.Step == SubmissionStep.Answered).ToList();
        return new SubmissionFacts(item, item.Unit.AllowSelfPublishing, answers.FirstOrDefault()?.UserId, answers.LastOrDefault()?.UserId);
    }
}

/// <summary>
/// Received → Assigned → Answered → Published (Q&amp;A column) or Closed (sent to the citizen); Rejected or Merged from any
/// open state; a published question can be taken out of the column (back to Closed). The two-person rule holds for
/// answers as for posts: whoever wrote or last edited the answer does not release it, unless the unit allows
/// self-publishing or they are an administrator. Pure: the inbox loads the facts, asks, applies and saves.
/// </summary>
public static class SubmissionWorkflow
{
    /// <summary>The steps an officer can ask for; <see cref="SubmissionStep.Received"/> is the citizen's.</summary>
    public static readonly IReadOnlyList<SubmissionStep> OfficerSteps =
    [
        SubmissionStep.Assigned, SubmissionStep.Forwarded, SubmissionStep.Answered, SubmissionStep.Published,
        SubmissionStep.Closed, SubmissionStep.Unpublished, SubmissionStep.Rejected, SubmissionStep.Merged,
    ];

    /// <summary>The permission each step needs in the unit handling the item; the one rule table decides who has it.</summary>
    public static EditorAction ActionFor(SubmissionStep step) => step switch
    {
        SubmissionStep.Answered => EditorAction.Answer,
        SubmissionStep.Published or SubmissionStep.Closed or SubmissionStep.Unpublished => EditorAction.PublishAnswer,
        _ => EditorAction.HandleSubmission,
    };

    /// <summary>Whether the step may be taken now, before looking at what the officer typed: role, state, two-person rule.</summary>
    public static WorkflowDecision Check(SubmissionFacts facts, SubmissionStep step, UserGrants user)
    {
        var s = facts.Item;
        if (step == SubmissionStep.Received || !Permissions.Allows(user, ActionFor(step), s.UnitId))
            return WorkflowDecision.No("Bạn không có quyền thực hiện thao tác này với câu hỏi, phản ánh của đơn vị này.");
        var open = s.Status.IsOpen();
        var stateProblem = step switch
        {
            SubmissionStep.Assigned when !open => "Chỉ phân công được nội dung đang chờ xử lý.",
            SubmissionStep.Forwarded when !open => "Chỉ chuyển được nội dung đang chờ xử lý.",
            SubmissionStep.Answered or SubmissionStep.Rejected or SubmissionStep.Merged when !open => "Nội dung này đã được xử lý xong.",
            SubmissionStep.Published when s.Status != SubmissionStatus.Answered => "Chỉ công khai được nội dung đã có trả lời.",
            SubmissionStep.Published when s.Kind != SubmissionKind.Question =>
                "Phản ánh, kiến nghị không đăng lên chuyên mục Hỏi – đáp; hãy gửi trả lời cho người dân.",
            SubmissionStep.Published when !s.PublishConsent => "Người hỏi không đồng ý công khai câu hỏi; hãy gửi trả lời cho người hỏi.",
            SubmissionStep.Closed when s.Status != SubmissionStatus.Answered => "Chỉ gửi được nội dung đã có trả lời.",
            SubmissionStep.Unpublished when s.Status != SubmissionStatus.Published => "Chỉ gỡ được câu hỏi đang công khai.",
            _ => null,
        };
        if (stateProblem is not null)
            return WorkflowDecision.No(stateProblem);
        var releases = step is SubmissionStep.Published or SubmissionStep.Closed;
        var ownAnswer = user.UserId == facts.AnswerWrittenBy || user.UserId == facts.AnswerLastEditedBy;
        if (releases && ownAnswer && !facts.UnitAllowsSelfPublishing && !user.IsAdministrator)
            return WorkflowDecision.No("Theo quy trình duyệt hai người, bạn không thể tự duyệt trả lời do chính mình viết hoặc sửa lần cuối. Vui lòng đề nghị lãnh đạo khác duyệt.");
        return WorkflowDecision.Yes;
    }

    /// <summary>The step, then what the command carries: the reason, the answer, the person, unit or item it names.</summary>
    public static WorkflowDecision Check(SubmissionFacts facts, SubmissionCommand command, UserGrants user)
    {
        var decision = Check(facts, command.Step, user);
        if (!decision.Allowed)
            return decision;
        var s = facts.Item;
        var inputProblem = command switch
        {
            SubmissionCommand.Assign assign when facts.Officers.All(o => o.UserId != assign.UserId) =>
                "Người được phân công phải là cán bộ tiếp nhận hoặc lãnh đạo của đơn vị.",
            SubmissionCommand.Forward forward when MissingReason(forward.Reason) => $"Vui lòng nêu lý do chuyển (tối đa {SubmissionInbox.MaxReason} ký tự).",
            SubmissionCommand.Forward when facts.ForwardTo is not { IsActive: true } to || to.Id == s.UnitId => "Vui lòng chọn một đơn vị khác để chuyển đến.",
            SubmissionCommand.Answer answer when string.IsNullOrWhiteSpace(answer.Markdown) || answer.Markdown.Length > SubmissionInbox.MaxAnswer =>
                $"Vui lòng nhập nội dung trả lời (tối đa {SubmissionInbox.MaxAnswer} ký tự).",
            SubmissionCommand.Unpublish unpublish when MissingReason(unpublish.Reason) => $"Vui lòng nêu lý do gỡ (tối đa {SubmissionInbox.MaxReason} ký tự).",
            SubmissionCommand.Reject reject when MissingReason(reject.Reason) => $"Vui lòng nêu lý do từ chối (tối đa {SubmissionInbox.MaxReason} ký tự).",
            SubmissionCommand.Merge when facts.MergeInto is not { } target || target.Id == s.Id || target.UnitId != s.UnitId || target.Kind != s.Kind
                || target.Status is SubmissionStatus.Rejected or SubmissionStatus.Merged =>
                "Mã cần gộp vào phải là một nội dung khác cùng loại, cùng đơn vị, chưa bị từ chối hay gộp.",
            _ => null,
        };
        return inputProblem is null ? WorkflowDecision.Yes : WorkflowDecision.No(inputProblem);
    }

    /// <summary>Changes the item as an allowed command says.</summary>
    public static void Apply(SubmissionFacts facts, SubmissionCommand command, DateTime utcNow)
    {
        var s = facts.Item;
        switch (command)
        {
            case SubmissionCommand.Assign assign:
                s.AssignedUserId = assign.UserId;
                if (s.Status == SubmissionStatus.Received)
                    s.Status = SubmissionStatus.Assigned;
                break;
            case SubmissionCommand.Forward:
                // The receiving unit starts afresh: its own officers assign and answer.
                var to = facts.ForwardTo!;
                s.Unit = to;
                s.UnitId = to.Id;
                s.AssignedUserId = null;
                s.AnswerMarkdown = null;
                s.AnsweredByUnitId = null;
                s.Status = SubmissionStatus.Received;
                break;
            case SubmissionCommand.Answer answer:
                s.AnswerMarkdown = answer.Markdown.Trim();
                s.AnsweredByUnitId = s.UnitId;
                s.Status = SubmissionStatus.Answered;
                break;
            case SubmissionCommand.Publish:
                s.Status = SubmissionStatus.Published;
                s.AnsweredAt = utcNow;
                s.PublishedAt = utcNow;
                break;
            case SubmissionCommand.Close:
                s.Status = SubmissionStatus.Closed;
                s.AnsweredAt = utcNow;
                break;
            case SubmissionCommand.Unpublish:
                s.Status = SubmissionStatus.Closed;
                break;
            case SubmissionCommand.Reject reject:
                s.Status = SubmissionStatus.Rejected;
                s.RejectionReason = $"{reject.Kind.Vietnamese()}: {reject.Reason.Trim()}";
                break;
            case SubmissionCommand.Merge:
                s.Status = SubmissionStatus.Merged;
                s.MergedIntoId = facts.MergeInto!.Id;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(command));
        }
    }

    private static bool MissingReason(string reason) => string.IsNullOrWhiteSpace(reason) || reason.Length > SubmissionInbox.MaxReason;
}
