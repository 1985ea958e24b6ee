using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Search;
using CchcSite.Content.Site;
using CchcSite.Content.Units;

namespace CchcSite.Content.Questions;

// The read models the theme renders for questions and feedback.

/// <summary>The question or feedback form, empty or with the citizen's input and the reasons it was refused.</summary>
public sealed record SubmissionFormPage(
    SubmissionKind Kind,
    UnitRef? Unit,
    IReadOnlyList<UnitChoice> Units,
    IReadOnlyList<CategoryRef> Categories,
    SubmissionInput Input,
    IReadOnlyDictionary<string, string> Errors,
    long MaxAttachmentBytes,
    IReadOnlyList<Breadcrumb> Trail)
    : SitePage(SubmissionAddresses.FormTitle(Kind, Unit), Trail)
{
    public string Action => SubmissionAddresses.Form(Kind, Unit?.Slug);

    /// <summary>The procedures the typed words fit, to choose one from; empty when the box found one or nothing was typed.</summary>
    public IReadOnlyList<Procedures.ProcedureRef> ProcedureChoices { get; init; } = [];
}

/// <summary>Shown once the submission is stored: the tracking code to keep.</summary>
public sealed record SubmissionReceivedPage(Submitted Receipt, bool Emailed)
    : SitePage("Đã tiếp nhận", [new("Trang chủ", "/"), new("Đã tiếp nhận", null)])
{
    public string TrackingUrl => SubmissionAddresses.Tracking(Receipt.TrackingCode);
}

/// <summary>The lookup by tracking code: the form, and the item when the code was found.</summary>
public sealed record TrackingPage(string? Code, SubmissionTracking? Found)
    : SitePage("Tra cứu câu hỏi, phản ánh", [new("Trang chủ", "/"), new("Tra cứu", null)]);

/// <summary>The Q&amp;A column of a unit, or of all units when <see cref="Unit"/> is null.</summary>
public sealed record QuestionColumnPage(
    UnitNode? Unit,
    PagedResult<QuestionCard> Questions,
    IReadOnlyList<CategoryRef> Categories,
    string? CategorySlug,
    string? Query,
    string? Message,
    IReadOnlyList<Breadcrumb> Trail)
    : SitePage(Unit is null ? "Hỏi – đáp" : $"Hỏi – đáp – {Unit.Unit.ShortName}", Trail)
{
    public string BaseUrl
    {
        get
        {
            var values = new List<string>();
            if (!string.IsNullOrEmpty(CategorySlug))
                values.Add("linh-vuc=" + Uri.EscapeDataString(CategorySlug));
            if (!string.IsNullOrEmpty(Query))
                values.Add("q=" + Uri.EscapeDataString(Query));
            if (Procedure is not null)
                values.Add(PublishedQuestionUrls.ProcedureQuery + "=" + Uri.EscapeDataString(Procedure.Code));
            return Path + (values.Count == 0 ? "" : "?" + string.Join('&', values));
        }
    }

    public string Path => Unit is null ? PublishedQuestionUrls.Column : $"/{Unit.Unit.Slug}{PublishedQuestionUrls.Column}";

    /// <summary>The procedure the list is narrowed to, when the address names one.</summary>
    public Procedures.ProcedureRef? Procedure { get; init; }
}

/// <summary>One published question with its answer.</summary>
public sealed record QuestionPage(QuestionCard Question, IReadOnlyList<Breadcrumb> Trail) : SitePage(Question.Title, Trail);

/// <summary>
/// The vote on an answer outside its cached page: the confirmation that carries this visitor's antiforgery token
/// (<see cref="Thanked"/> false, <see cref="Helpful"/> the choice already made on the cached page, if any), or the thanks
/// once the vote is in. Never cached: it holds one visitor's token.
/// </summary>
public sealed record HelpfulVotePage(int QuestionId, string QuestionTitle, bool? Helpful, bool Thanked)
    : SitePage(Thanked ? HelpfulVotes.Thanks : HelpfulVotes.Question,
        [new("Trang chủ", "/"), new("Hỏi – đáp", PublishedQuestionUrls.Column), new(QuestionTitle, PublishedQuestionUrls.Of(QuestionId)),
            new("Góp ý", null)])
{
    public string QuestionUrl => PublishedQuestionUrls.Of(QuestionId);
    public string Action => PublishedQuestionUrls.Vote(QuestionId);
}

public static class SubmissionAddresses
{
    public const string QuestionSegment = "gui-cau-hoi";
    public const string FeedbackSegment = "phan-anh-kien-nghi";
    public const string TrackingPath = "/tra-cuu";

    public static string Form(SubmissionKind kind, string? unitSlug) =>
        (unitSlug is null ? "" : "/" + unitSlug) + "/" + (kind == SubmissionKind.Question ? QuestionSegment : FeedbackSegment);

    public static string FormTitle(SubmissionKind kind, UnitRef? unit) =>
        (kind == SubmissionKind.Question ? "Gửi câu hỏi" : "Gửi phản ánh, kiến nghị") + (unit is null ? "" : $" – {unit.ShortName}");

    /// <summary>The question form of the procedure's unit with the procedure already named.</summary>
    public static string AskAbout(string? unitSlug, string procedureCode) =>
        $"{Form(SubmissionKind.Question, unitSlug)}?{PublishedQuestionUrls.ProcedureQuery}={Uri.EscapeDataString(procedureCode)}";

    public static string Tracking(string code) => $"{TrackingPath}?ma={Uri.EscapeDataString(code)}";
}
