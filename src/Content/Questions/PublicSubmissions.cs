using CchcSite.Content.Data;
using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Rendering;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Questions;

/// <summary>One dated step as the citizen sees it: what happened, never who or why inside the unit.</summary>
public sealed record TrackingStep(DateTime At, SubmissionStep Step, string Name);

/// <summary>
/// What the tracking page and <c>GET /api/v1/submissions/{code}</c> show: only what is addressed to the holder of the
/// code. Never the citizen's name or contact details, for the code may be shared or guessed; and for an item merged
/// into another citizen's, nothing of that item (its code, title or private answer) — only its answer once it is
/// public in the Q&amp;A column, with <see cref="PublishedQuestionUrl"/>, where the question is published.
/// </summary>
public sealed record SubmissionTracking(
    string Code, SubmissionKind Kind, string Title, SubmissionStatus Status, string StatusName, string UnitName,
    DateTime ReceivedAt, DateOnly DueOn, DateTime? AnsweredAt, string? AnsweredBy, string? AnswerHtml,
    string? RejectionReason, string? PublishedQuestionUrl, IReadOnlyList<TrackingStep> Steps);

/// <summary>A published question and its answer, for the Q&amp;A column. The question's text is as the citizen typed it.</summary>
public sealed record QuestionCard(int Id, string Title, string Text, string AnswerHtml, UnitRef Unit, UnitRef AnsweredBy,
    CategoryRef? Category, DateTime AskedAt, DateTime AnsweredAt, Procedures.ProcedureRef? Procedure)
{
    public string Url => PublishedQuestionUrls.Of(Id);

    /// <summary>Where "Câu trả lời này có hữu ích không?" is answered.</summary>
    public string VoteUrl => PublishedQuestionUrls.Vote(Id);
}

/// <summary>The one rule for which submissions the public sees: the Q&amp;A column, its pages and the sitemap.</summary>
public static class PublishedQuestionVisibility
{
    public static IQueryable<Submission> PublishedQuestions(this IQueryable<Submission> submissions) =>
        submissions.Where(s => s.Kind == SubmissionKind.Question && s.Status == SubmissionStatus.Published && s.AnsweredAt != null);
}

public static class PublishedQuestionUrls
{
    public const string Column = "/hoi-dap";

    public static string Of(int id) => $"{Column}/{id}";

    /// <summary>The vote on an answer: the form posts here; GET is its confirmation with the visitor's antiforgery token.</summary>
    public static string Vote(int id) => $"{Column}/{id}/{VoteSegment}";

    public const string VoteSegment = "y-kien";

    /// <summary>The thanks after a vote: the same for everyone.</summary>
    public static string VoteThanks(int id) => $"{Vote(id)}/cam-on";

    /// <summary>The column's query name for the procedure a question is about.</summary>
    public const string ProcedureQuery = "thu-tuc";

    /// <summary>The published questions naming a procedure, all units.</summary>
    public static string OfProcedure(string code) => $"{Column}?{ProcedureQuery}={Uri.EscapeDataString(code)}";
}

/// <summary>The public side of submissions: the tracking lookup and the Q&amp;A column.</summary>
public sealed class PublicSubmissions(CchcDbContext db, MarkdownRenderer markdown)
{
    public const string AnsweredWithAnother = "Đã được trả lời cùng câu hỏi khác";

    public async Task<SubmissionTracking?> TrackAsync(string? typedCode, CancellationToken ct)
    {
        if (TrackingCode.Normalize(typedCode) is not { } code)
            return null;
        var found = await db.Submissions.AsNoTracking().Where(s => s.TrackingCode == code)
            .Select(s => new
            {
                s.Id, s.TrackingCode, s.Kind, s.Title, s.Status, Unit = s.Unit.Name, s.ReceivedAt, s.DueOn, s.AnsweredAt,
                AnsweredBy = s.AnsweredByUnit!.Name, s.AnswerMarkdown, s.RejectionReason, s.MergedIntoId,
                Steps = s.History.OrderBy(h => h.Id).Select(h => new { h.At, h.Step }).ToList(),
            }).FirstOrDefaultAsync(ct);
        if (found is null)
            return null;
        var steps = found.Steps.Select(h => new TrackingStep(h.At, h.Step, h.Step.Vietnamese())).ToList();
        if (found.Status == SubmissionStatus.Merged)
        {
            var shared = await PublishedTargetAsync(found.MergedIntoId, ct);
            return new SubmissionTracking(found.TrackingCode, found.Kind, found.Title, found.Status,
                shared is null ? found.Status.Vietnamese() : AnsweredWithAnother, found.Unit, found.ReceivedAt, found.DueOn,
                shared?.AnsweredAt, shared?.AnsweredBy.Name, shared?.AnswerHtml, null, shared?.Url, steps);
        }
        var answered = found.Status.HasPublicAnswer();
        return new SubmissionTracking(found.TrackingCode, found.Kind, found.Title, found.Status, found.Status.Vietnamese(), found.Unit,
            found.ReceivedAt, found.DueOn, answered ? found.AnsweredAt : null, answered ? found.AnsweredBy : null,
            answered && found.AnswerMarkdown is { } answer ? markdown.AnswerToHtml(answer) : null,
            found.Status == SubmissionStatus.Rejected ? found.RejectionReason : null,
            found.Status == SubmissionStatus.Published && found.Kind == SubmissionKind.Question ? PublishedQuestionUrls.Of(found.Id) : null, steps);
    }

    /// <summary>
    /// The question a merged item was finally answered with (merges of merges are followed), when — and only when — it
    /// is published in the column: then its answer is public anyway. A private answer belongs to its own asker alone.
    /// </summary>
    private async Task<QuestionCard?> PublishedTargetAsync(int? mergedIntoId, CancellationToken ct)
    {
        // A merged item is never a merge target, so the chain cannot loop; the bound only guards against bad data.
        for (var hop = 0; hop < 10 && mergedIntoId is { } id; hop++)
        {
            var target = await db.Submissions.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.Status, s.MergedIntoId }).FirstOrDefaultAsync(ct);
            if (target is null)
                return null;
            if (target.Status != SubmissionStatus.Merged)
                return await FindAsync(id, ct);
            mergedIntoId = target.MergedIntoId;
        }
        return null;
    }

    /// <summary>
    /// Published questions of the units (all units when null), newest answer first, optionally of one field and of one
    /// procedure (by code).
    /// </summary>
    public async Task<PagedResult<QuestionCard>> ColumnAsync(IReadOnlyCollection<int>? unitIds, string? categorySlug, PageRequest page, CancellationToken ct,
        string? procedureCode = null)
    {
        var query = Published();
        if (unitIds is not null)
            query = query.Where(s => unitIds.Contains(s.UnitId));
        if (!string.IsNullOrEmpty(categorySlug))
            query = query.Where(s => s.Category!.Slug == categorySlug);
        if (!string.IsNullOrEmpty(procedureCode))
            query = query.Where(s => s.Procedure!.Code == procedureCode);
        var rows = await query.OrderByDescending(s => s.AnsweredAt).ThenByDescending(s => s.Id).ToPageAsync(page, ct);
        return new PagedResult<QuestionCard>(rows.Items.Select(ToCard).ToList(), rows.Page, rows.PageSize, rows.TotalCount);
    }

    public async Task<QuestionCard?> FindAsync(int id, CancellationToken ct) =>
        await Published().FirstOrDefaultAsync(s => s.Id == id, ct) is { } row ? ToCard(row) : null;

    /// <summary>Cards in the order of <paramref name="ids"/>; ids no longer published drop out.</summary>
    public async Task<IReadOnlyList<QuestionCard>> CardsAsync(IReadOnlyList<int> ids, CancellationToken ct)
    {
        var rows = await Published().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        return ids.Where(rows.ContainsKey).Select(id => ToCard(rows[id])).ToList();
    }

    private IQueryable<Submission> Published() => db.Submissions.AsNoTracking().PublishedQuestions()
        .Include(s => s.Unit).Include(s => s.AnsweredByUnit).Include(s => s.Category).Include(s => s.Procedure);

    private QuestionCard ToCard(Submission s) => new(s.Id, s.Title, s.Text, markdown.AnswerToHtml(s.AnswerMarkdown ?? ""),
        RefOf(s.Unit), RefOf(s.AnsweredByUnit ?? s.Unit), s.Category is { } c ? new CategoryRef(c.Slug, c.Name) : null,
        s.ReceivedAt, s.AnsweredAt!.Value, s.Procedure is { } p ? new Procedures.ProcedureRef(p.Code, p.Name) : null);

    private static UnitRef RefOf(Unit unit) => new(unit.Id, unit.Slug, unit.Name, unit.ShortName, unit.Kind);
}
