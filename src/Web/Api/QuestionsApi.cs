using CchcSite.Content.Paging;
using CchcSite.Content.Procedures;
using CchcSite.Content.Questions;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CchcSite.Web.Api;

/// <summary>Published questions and answers, newest answer first; filter by unit and category.</summary>
public static class QuestionsApi
{
    public static RouteGroupBuilder MapQuestionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/questions", ListAsync)
            .WithTags("Questions").WithName("ListQuestions").WithSummary("Published questions with their answers (the Q&A column); procedure narrows them to those naming a procedure code.");
        return api;
    }

    private static async Task<Results<Ok<PagedResult<QuestionCard>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? unit, string? category, string? procedure, [AsParameters] PageQuery query, PublicSubmissions submissions, UnitDirectory units,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = query.ToRequest(errors);
        if (procedure is not null && !ProcedureRules.IsCode(procedure))
            errors[nameof(procedure)] = [$"Mã thủ tục '{procedure}' không đúng dạng (ví dụ 1.001193)."];
        if (errors.Count > 0)
            return ApiProblems.Invalid(errors);
        int[]? unitIds = null;
        if (unit is not null)
        {
            if (await units.FindAsync(unit, ct) is not { } found)
                return ApiProblems.NotFound($"Không có đơn vị '{unit}'.");
            unitIds = [found.Unit.Id];
        }
        return TypedResults.Ok(await submissions.ColumnAsync(unitIds, category, paging, ct, procedure));
    }
}
