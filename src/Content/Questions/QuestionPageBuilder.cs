using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Search;
using CchcSite.Content.Site;
using CchcSite.Content.Units;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Questions;

/// <summary>Builds the public pages of questions and feedback: the forms, the tracking lookup and the Q&amp;A column.</summary>
public sealed class QuestionPageBuilder(UnitDirectory units, SitePageBuilder pages, PublicSubmissions submissions,
    IQuestionSearch search, Procedures.ProcedureLookup procedures, IOptions<SubmissionOptions> options)
{
    /// <summary>The form for a unit (null: the province-level form, where the citizen picks the unit); null when the unit is unknown.</summary>
    public async Task<SubmissionFormPage?> FormAsync(SubmissionKind kind, string? unitSlug, SubmissionInput input,
        IReadOnlyDictionary<string, string> errors, CancellationToken ct)
    {
        UnitNode? unit = null;
        if (unitSlug is not null && (unit = await units.FindAsync(unitSlug, ct)) is null)
            return null;
        var choices = unit is null
            ? (await units.RootsAsync(ct)).SelectMany(root => root.SelfAndDescendantsWithDepth())
                .Select(u => new UnitChoice(u.Node.Unit.Slug, u.Node.Unit.Name, u.Depth)).ToList()
            : [];
        // The box shows a procedure found as "code – name" (which finds it again), and the choices when the words fit several.
        var procedure = kind == SubmissionKind.Question ? await procedures.FindAsync(input.Procedure, ct) : Procedures.ProcedureLookupResult.Nothing;
        if (procedure.Found is { } found)
            input = input with { Procedure = found.Label };
        return new SubmissionFormPage(kind, unit?.Unit, choices, await pages.CategoriesAsync(ct),
            unit is null ? input : input with { Unit = unit.Unit.Slug }, errors, options.Value.MaxAttachmentBytes,
            await TrailAsync(unit, SubmissionAddresses.FormTitle(kind, null), ct)) { ProcedureChoices = procedure.Candidates };
    }

    public async Task<TrackingPage> TrackingAsync(string? code, CancellationToken ct) =>
        new(code?.Trim(), string.IsNullOrWhiteSpace(code) ? null : await submissions.TrackAsync(code, ct));

    /// <summary>The column of a unit (null: every unit); null when the unit or the page does not exist.</summary>
    /// <remarks>A procedure (by code) narrows the list to the questions naming it; an unknown code is no page.</remarks>
    public async Task<QuestionColumnPage?> ColumnAsync(string? unitSlug, string? categorySlug, string? q, int page, CancellationToken ct,
        string? procedureCode = null)
    {
        UnitNode? unit = null;
        if (unitSlug is not null && (unit = await units.FindAsync(unitSlug, ct)) is null)
            return null;
        Procedures.ProcedureRef? procedure = null;
        if (!string.IsNullOrEmpty(procedureCode))
        {
            if (!Procedures.ProcedureRules.IsCode(procedureCode) || (procedure = (await procedures.FindAsync(procedureCode, ct)).Found) is null)
                return null;
            // The index knows nothing of procedures: the procedure's questions are listed, not searched.
            q = null;
        }
        var categories = await pages.CategoriesAsync(ct);
        var category = categories.FirstOrDefault(c => c.Slug == categorySlug)?.Slug;
        IReadOnlyList<int>? unitIds = unit is null ? null : [unit.Unit.Id];
        var paging = new PageRequest(page);
        string? message = null;
        PagedResult<QuestionCard> list;
        if (string.IsNullOrWhiteSpace(q))
            list = await submissions.ColumnAsync(unitIds, category, paging, ct, procedure?.Code);
        else
        {
            var matches = search.Find(q, unitIds, category, paging);
            message = matches.Problem;
            list = message is not null ? new PagedResult<QuestionCard>([], 1, paging.PageSize, 0)
                : new PagedResult<QuestionCard>(await submissions.CardsAsync(matches.Ids, ct), paging.Page, paging.PageSize, matches.TotalCount);
        }
        if (page > list.TotalPages)
            return null;
        return new QuestionColumnPage(unit, list, categories, category, q?.Trim(), message, await TrailAsync(unit, "Hỏi – đáp", ct)) { Procedure = procedure };
    }

    public async Task<QuestionPage?> QuestionAsync(int id, CancellationToken ct) =>
        await submissions.FindAsync(id, ct) is { } question
            ? new QuestionPage(question, [new("Trang chủ", "/"), new("Hỏi – đáp", PublishedQuestionUrls.Column), new(question.Title, null)])
            : null;

    /// <summary>Home, the unit's ancestry when there is a unit, then the page itself.</summary>
    private async Task<IReadOnlyList<Breadcrumb>> TrailAsync(UnitNode? unit, string title, CancellationToken ct) =>
        unit is null ? [new("Trang chủ", "/"), new(title, null)] : [.. await pages.UnitTrailAsync(unit.Unit.Slug, ct), new(title, null)];
}
