using CchcSite.Content.Paging;
using CchcSite.Content.Surveys;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CchcSite.Web.Api;

/// <summary>
/// Surveys as the public sees them: the open ones and those whose results are published, by unit; and the published results,
/// the same figures as the public results page (never a response, never free text). Not output-cached: a survey opens and
/// closes by the clock and takes responses all the time.
/// </summary>
public static class SurveysApi
{
    public static RouteGroupBuilder MapSurveysApi(this RouteGroupBuilder api)
    {
        var surveys = api.MapGroup("/surveys").WithTags("Surveys");
        surveys.MapGet("/", ListAsync).WithName("ListSurveys")
            .WithSummary("Surveys taking responses now, then those with published results, latest first; unit (slug) narrows to one unit.");
        surveys.MapGet("/{slug}/results", async Task<Results<Ok<SurveyResultsView>, ProblemHttpResult>> (string slug, SurveyResults results, CancellationToken ct) =>
                await results.PublishedAsync(slug, ct) is { } view ? TypedResults.Ok(view) : ApiProblems.NotFound($"Khảo sát '{slug}' chưa công bố kết quả."))
            .WithName("GetSurveyResults")
            .WithSummary("The published results of a survey: responses, the indicator share with its 95% Wilson interval against the target, each question's figures.");
        return api;
    }

    private static async Task<Results<Ok<PagedResult<SurveyCard>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? unit, [AsParameters] PageQuery query, SurveyResponses surveys, UnitDirectory units, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = query.ToRequest(errors);
        if (errors.Count > 0)
            return ApiProblems.Invalid(errors);
        int? unitId = null;
        if (unit is not null)
        {
            if (await units.FindAsync(unit, ct) is not { } found)
                return ApiProblems.NotFound($"Không có đơn vị '{unit}'.");
            unitId = found.Unit.Id;
        }
        return TypedResults.Ok(await surveys.PublicListAsync(unitId, paging, ct));
    }
}
