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
/// What the tracking page and <c>GET /api/v1/submissions/{code}</c> show. Never the citizen's name or contact
/// details: the code may be shared or guessed.
/// </summary>
public sealed record SubmissionTracking(
    string Code, SubmissionKind Kind, string Title, SubmissionStatus Status, string StatusName, string UnitName,
    DateTime ReceivedAt, DateOnly DueOn, DateTime? AnsweredAt, string? AnsweredBy, string? AnswerHtml,
    string? RejectionReason, string? MergedIntoCode, IReadOnlyList<TrackingStep> Steps);

/// <summary>A published question and its answer, for the Q&amp;A column. The question's text is as the citizen typed it.</summary>
public sealed record QuestionCard(int Id, string Title, string Text, string AnswerHtml, UnitRef Unit, UnitRef AnsweredBy,
    CategoryRef? Category, DateTime AskedAt, DateTime AnsweredAt)
{
    public string Url => PublishedQuestionUrls.Of(Id);
}

public static class PublishedQuestionUrls
{
    public const string Column = "/hoi-dap";

    public static string Of(int id) => $"{Column}/{id}";
}

/// <summary>The public side of submissions: the tracking lookup and the Q&amp;A column.</summary>
public sealed class PublicSubmissions(CchcDbContext db, MarkdownRenderer markdown)
{
    public async Task<SubmissionTracking?> TrackAsync(string? typedCode, CancellationToken ct)
    {
        if (TrackingCode.Normalize(typedCode) is not { } code)
            return null;
        var found = await db.Submissions.AsNoTracking().Where(s => s.TrackingCode == code)
            .Select(s => new
            {
                s.TrackingCode, s.Kind, s.Title, s.Status, Unit = s.Unit.Name, s.ReceivedAt, s.DueOn, s.AnsweredAt,
                AnsweredBy = s.AnsweredByUnit!.Name, s.AnswerMarkdown, s.RejectionReason, MergedInto = s.MergedInto!.TrackingCode,
                Steps = s.History.OrderBy(h => h.Id).Select(h => new { h.At, h.Step }).ToList(),
            }).FirstOrDefaultAsync(ct);
        if (found is null)
            return null;
        var answered = found.Status.HasPublicAnswer();
        return new SubmissionTracking(found.TrackingCode, found.Kind, found.Title, found.Status, found.Status.Vietnamese(), found.Unit,
            found.ReceivedAt, found.DueOn, answered ? found.AnsweredAt : null, answered ? found.AnsweredBy : null,
            answered && found.AnswerMarkdown is { } answer ? markdown.AnswerToHtml(answer) : null,
            found.Status == SubmissionStatus.Rejected ? found.RejectionReason : null, found.MergedInto,
            found.Steps.Select(h => new TrackingStep(h.At, h.Step, h.Step.Vietnamese())).ToList());
    }

    /// <summary>Published questions of the units (all units when null), newest answer first, optionally of one field.</summary>
    public async Task<PagedResult<QuestionCard>> ColumnAsync(IReadOnlyCollection<int>? unitIds, string? categorySlug, PageRequest page, CancellationToken ct)
    {
        var query = Published();
        if (unitIds is not null)
            query = query.Where(s => unitIds.Contains(s.UnitId));
        if (!string.IsNullOrEmpty(categorySlug))
            query = query.Where(s => s.Category!.Slug == categorySlug);
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

    private IQueryable<Submission> Published() => db.Submissions.AsNoTracking()
        .Where(s => s.Kind == SubmissionKind.Question && s.Status == SubmissionStatus.Published && s.AnsweredAt != null)
        .Include(s => s.Unit).Include(s => s.AnsweredByUnit).Include(s => s.Category);

    private QuestionCard ToCard(Submission s) => new(s.Id, s.Title, s.Text, markdown.AnswerToHtml(s.AnswerMarkdown ?? ""),
        RefOf(s.Unit), RefOf(s.AnsweredByUnit ?? s.Unit), s.Category is { } c ? new CategoryRef(c.Slug, c.Name) : null,
        s.ReceivedAt, s.AnsweredAt!.Value);

    private static UnitRef RefOf(Unit unit) => new(unit.Id, unit.Slug, unit.Name, unit.ShortName, unit.Kind);
}
