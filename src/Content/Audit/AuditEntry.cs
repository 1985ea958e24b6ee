namespace CchcSite.Content.Audit;

/// <summary>One thing somebody did: who, when, what, to which item of which unit, and from where.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    /// <summary>The user's e-mail at the time, so the entry still reads right after the account changes.</summary>
    public string? UserName { get; set; }
    public required string Action { get; set; }
    public string? ItemType { get; set; }
    public string? ItemId { get; set; }
    public int? UnitId { get; set; }
    public required string Summary { get; set; }
    public string? Address { get; set; }
}

/// <summary>Who is acting: the signed-in user and the address the request came from.</summary>
public sealed record Actor(string UserId, string? UserName, string? Address);

public static class AuditActions
{
    public const string PostCreated = "post.create";
    public const string PostEdited = "post.edit";
    public const string PostStep = "post.step";
    public const string PostScheduled = "post.schedule";
    public const string SignedIn = "account.sign-in";
    public const string SignInFailed = "account.sign-in-failed";
    public const string SignedOut = "account.sign-out";
    public const string PasswordChanged = "account.password";
    public const string AccountCreated = "account.create";
    public const string PermissionChanged = "account.permission";
    public const string UnitChanged = "unit.change";
    public const string UnitMerged = "unit.merge";
    public const string SubmissionStep = "submission.step";
    public const string PlanChanged = "plan.edit";
    public const string PlanImported = "plan.import";
    public const string IndexResultsImported = "index.import";
    public const string IndexResultDeleted = "index.delete";
    public const string IndexResultEntered = "index.enter";
    public const string IndexResultCorrected = "index.correct";
    public const string IndexDefinitionSaved = "index.define";
    public const string ProcedureSaved = "procedure.edit";
    public const string ProceduresImported = "procedure.import";
    public const string DossierResultsImported = "dossier.import";
    public const string BulletinEdited = "bulletin.edit";
    public const string BulletinStep = "bulletin.step";
    public const string ReportSubmitted = "report.submit";
    public const string ReportReviewed = "report.review";
    public const string PostProposed = "post.propose";
    public const string ProposalDecided = "post.proposal-decide";
    public const string ContestSaved = "contest.edit";
    public const string ContestQuestionSaved = "contest.question";
    public const string ContestQuestionCorrected = "contest.correct";
    public const string ContestRescored = "contest.rescore";
    public const string ContestEntryDisqualified = "contest.disqualify";
    public const string ContestStep = "contest.step";
    public const string SurveySaved = "survey.edit";
    public const string SurveyQuestionSaved = "survey.question";
    public const string SurveyStateChanged = "survey.state";
    public const string SurveyTextPublished = "survey.text";
    public const string VideoCaptionsChanged = "video.captions";

    /// <summary>Every action, in the order the audit filter offers them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        PostCreated, PostEdited, PostStep, PostScheduled, SignedIn, SignInFailed, SignedOut, PasswordChanged,
        AccountCreated, PermissionChanged, UnitChanged, UnitMerged, SubmissionStep, PlanChanged, PlanImported,
        IndexResultsImported, IndexResultDeleted, IndexResultEntered, IndexResultCorrected, IndexDefinitionSaved, ProcedureSaved, ProceduresImported, DossierResultsImported, BulletinEdited, BulletinStep,
        ReportSubmitted, ReportReviewed, PostProposed, ProposalDecided, ContestSaved, ContestQuestionSaved, ContestQuestionCorrected, ContestRescored, ContestEntryDisqualified, ContestStep,
        SurveySaved, SurveyQuestionSaved, SurveyStateChanged, SurveyTextPublished, VideoCaptionsChanged,
    ];

    public static string Vietnamese(string action) => action switch
    {
        PostCreated => "Tạo bài viết",
        PostEdited => "Sửa bài viết",
        PostStep => "Chuyển trạng thái",
        PostScheduled => "Đăng, gỡ theo lịch",
        SignedIn => "Đăng nhập",
        SignInFailed => "Đăng nhập sai",
        SignedOut => "Đăng xuất",
        PasswordChanged => "Đổi mật khẩu",
        AccountCreated => "Tạo tài khoản",
        PermissionChanged => "Thay đổi quyền",
        UnitChanged => "Thay đổi đơn vị",
        UnitMerged => "Sáp nhập đơn vị",
        SubmissionStep => "Xử lý hỏi đáp, phản ánh",
        PlanChanged => "Sửa kế hoạch",
        PlanImported => "Nhập nhiệm vụ kế hoạch",
        IndexResultsImported => "Nhập kết quả chỉ số",
        IndexResultDeleted => "Xóa kết quả chỉ số",
        IndexResultEntered => "Nhập một kết quả chỉ số",
        IndexResultCorrected => "Đính chính kết quả chỉ số",
        IndexDefinitionSaved => "Sửa danh mục chỉ số",
        ProcedureSaved => "Sửa thủ tục hành chính",
        ProceduresImported => "Nhập thủ tục hành chính",
        DossierResultsImported => "Nhập kết quả giải quyết hồ sơ",
        BulletinEdited => "Lập, sửa bản tin",
        BulletinStep => "Duyệt bản tin",
        ReportSubmitted => "Gửi báo cáo định kỳ",
        ReportReviewed => "Tiếp nhận, trả lại báo cáo",
        PostProposed => "Đề xuất bài lên đơn vị cấp trên",
        ProposalDecided => "Nhận, từ chối bài đề xuất",
        ContestSaved => "Tạo, sửa hội thi",
        ContestQuestionSaved => "Thêm, sửa, xóa câu hỏi hội thi",
        ContestQuestionCorrected => "Đính chính câu hỏi hội thi",
        ContestRescored => "Tính lại điểm bài thi",
        ContestEntryDisqualified => "Loại bài thi",
        ContestStep => "Trình duyệt, công bố hội thi",
        SurveySaved => "Tạo, sửa khảo sát",
        SurveyQuestionSaved => "Thêm, sửa, xóa câu hỏi khảo sát",
        SurveyStateChanged => "Mở, đóng khảo sát, công bố kết quả",
        SurveyTextPublished => "Công bố, bỏ công bố ý kiến khảo sát",
        VideoCaptionsChanged => "Gắn, thay, gỡ phụ đề video",
        _ => action,
    };
}
