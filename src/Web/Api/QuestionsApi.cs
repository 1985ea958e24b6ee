using CchcSite.Content.Paging;
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
            .WithTags("Questions").WithName("ListQuestions").WithSummary("Published questions with their answers (the Q&A column).");
        return api;
    }

    private static async Task<Results<Ok<PagedResult<QuestionCard>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? unit, string? category, [AsParameters] PageQuery query, PublicSubmissions submissions, UnitDirectory units, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = query.ToRequest(errors);
        if (errors.Count > 0)
            return ApiProblems.Invalid(errors);
        int[]? unitIds = null;
        if (unit is not null)
        {
            if (await units.FindAsync(unit, ct) is not { } found)
                return ApiProblems.NotFound($"Không có đơn vị '{unit}'.");
            unitIds = [found.Unit.Id];
        }
        return TypedResults.Ok(await submissions.ColumnAsync(unitIds, category, paging, ct));
    }
}
