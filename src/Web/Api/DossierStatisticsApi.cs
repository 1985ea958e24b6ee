using CchcSite.Content.DossierResults;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CchcSite.Web.Api;

/// <summary>The results of handling dossiers, as the public page shows them: a year per unit (with its sub-units) or site-wide.</summary>
public static class DossierStatisticsApi
{
    public static RouteGroupBuilder MapDossierStatisticsApi(this RouteGroupBuilder api)
    {
        api.MapGroup("/procedures").WithTags("Procedures").MapGet("/statistics", GetAsync).WithName("GetDossierStatistics")
            .WithSummary("Results of handling dossiers for a year (default: the latest with figures): each month, the latest month, the year to date " +
                         "(pending counts as at its end), each field, and the on-time rate; unit (slug) includes its sub-units.");
        return api;
    }

    private static async Task<Results<Ok<DossierYear>, ValidationProblem, ProblemHttpResult>> GetAsync(string? unit, string? year,
        DossierStatistics statistics, UnitDirectory units, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var chosen = QueryValues.Int(year, "year", "Năm", errors);
        if (chosen is < DossierStatistics.FirstYear or > DossierStatistics.LastYear)
            errors["year"] = [$"Năm phải từ {DossierStatistics.FirstYear} đến {DossierStatistics.LastYear}."];
        if (errors.Count > 0)
            return ApiProblems.Invalid(errors);
        UnitNode? node = null;
        if (!string.IsNullOrEmpty(unit) && (node = await units.FindAsync(unit, ct)) is null)
            return ApiProblems.NotFound($"Không có đơn vị '{unit}'.");
        return TypedResults.Ok(await statistics.YearAsync(node, chosen, ct));
    }
}
