using CchcSite.Content.Categories;
using CchcSite.Content.Units;

namespace CchcSite.Content.Questions;

/// <summary>A question for the Q&amp;A column (hỏi – đáp) or feedback to the hotline (phản ánh, kiến nghị).</summary>
public enum SubmissionKind
{
    Question,
    Feedback,
}

/// <summary>
/// Received → Assigned → Answered → Published (Q&amp;A column) or Closed (answered to the citizen only); or Rejected,
/// or Merged into a duplicate that is answered instead.
/// </summary>
public enum SubmissionStatus
{
    Received,
    Assigned,
    Answered,
    Published,
    Closed,
    Rejected,
    Merged,
}

/// <summary>What a hotline message is: a report of something wrong (phản ánh) or a proposal (kiến nghị).</summary>
public enum FeedbackType
{
    Report,
    Proposal,
}

public enum RejectionKind
{
    Spam,
    OutOfScope,
}

/// <summary>
/// One citizen's submission, kept exactly as typed: the text is HTML-encoded where it is shown, never here.
/// The contact details are seen only by the officers of the unit handling it.
/// </summary>
public class Submission
{
    public int Id { get; set; }
    public SubmissionKind Kind { get; set; }
    /// <summary>Random and unique; the citizen's only key to the item.</summary>
    public required string TrackingCode { get; set; }
    /// <summary>The unit handling it now; a forward moves it.</summary>
    public int UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public int? CategoryId { get; set; }
    public Category? Category { get; set; }
    /// <summary>The administrative procedure the question is about, as the citizen named it or an officer corrected it.</summary>
    public int? ProcedureId { get; set; }
    public Procedures.Procedure? Procedure { get; set; }

    public required string Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    /// <summary>The citizen agreed that the question may be published, without their name.</summary>
    public bool PublishConsent { get; set; }
    public string? Location { get; set; }
    public FeedbackType? FeedbackType { get; set; }
    public string? AttachmentPath { get; set; }
    public string? AttachmentName { get; set; }
    public string? AttachmentType { get; set; }

    public SubmissionStatus Status { get; set; }
    public DateTime ReceivedAt { get; set; }
    /// <summary>The last working day on which an answer is on time.</summary>
    public DateOnly DueOn { get; set; }
    public string? AssignedUserId { get; set; }
    public string? AnswerMarkdown { get; set; }
    public DateTime? AnsweredAt { get; set; }
    /// <summary>The unit that wrote the answer, shown with it in the Q&amp;A column.</summary>
    public int? AnsweredByUnitId { get; set; }
    public Unit? AnsweredByUnit { get; set; }
    public DateTime? PublishedAt { get; set; }
    public string? RejectionReason { get; set; }
    public int? MergedIntoId { get; set; }
    public Submission? MergedInto { get; set; }
    /// <summary>Changes on every step, so that two officers acting at once do not overwrite each other.</summary>
    public Guid Version { get; set; }

    public List<SubmissionEvent> History { get; set; } = [];
}

/// <summary>One step in a submission's history, as officers and the citizen's tracking page see it.</summary>
public class SubmissionEvent
{
    public long Id { get; set; }
    public int SubmissionId { get; set; }
    public DateTime At { get; set; }
    public SubmissionStep Step { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public int? UnitId { get; set; }
    public string? Note { get; set; }
}

public enum SubmissionStep
{
    Received,
    Assigned,
    Forwarded,
    Answered,
    Published,
    Closed,
    Rejected,
    Merged,
    /// <summary>Taken out of the Q&amp;A column; the citizen still sees the answer by the tracking code.</summary>
    Unpublished,
}

public static class SubmissionNames
{
    public static string Vietnamese(this SubmissionKind kind) => kind == SubmissionKind.Question ? "Câu hỏi" : "Phản ánh, kiến nghị";

    public static string Vietnamese(this SubmissionStatus status) => status switch
    {
        SubmissionStatus.Received => "Mới tiếp nhận",
        SubmissionStatus.Assigned => "Đã phân công xử lý",
        SubmissionStatus.Answered => "Đã có trả lời, chờ duyệt",
        SubmissionStatus.Published => "Đã trả lời và công khai",
        SubmissionStatus.Closed => "Đã trả lời",
        SubmissionStatus.Rejected => "Không xử lý",
        _ => "Đã gộp với nội dung trùng",
    };

    public static string Vietnamese(this FeedbackType type) => type == FeedbackType.Report ? "Phản ánh" : "Kiến nghị";

    public static string Vietnamese(this RejectionKind kind) => kind == RejectionKind.Spam ? "Nội dung rác, quấy rối" : "Không thuộc phạm vi xử lý";

    public static string Vietnamese(this SubmissionStep step) => step switch
    {
        SubmissionStep.Received => "Tiếp nhận",
        SubmissionStep.Assigned => "Phân công",
        SubmissionStep.Forwarded => "Chuyển đơn vị",
        SubmissionStep.Answered => "Trả lời",
        SubmissionStep.Published => "Công khai",
        SubmissionStep.Closed => "Gửi trả lời, kết thúc",
        SubmissionStep.Rejected => "Từ chối",
        SubmissionStep.Unpublished => "Gỡ khỏi Hỏi – đáp",
        _ => "Gộp nội dung trùng",
    };

    /// <summary>The citizen has an answer: shown on the tracking page and, for a published question, in the column.</summary>
    public static bool HasPublicAnswer(this SubmissionStatus status) => status is SubmissionStatus.Published or SubmissionStatus.Closed;

    /// <summary>Still waiting for the unit: counts against the deadline.</summary>
    public static bool IsOpen(this SubmissionStatus status) => status is SubmissionStatus.Received or SubmissionStatus.Assigned or SubmissionStatus.Answered;
}
