using CchcSite.Content.Reports;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CchcSite.Web.Api;

/// <summary>
/// Periodic reports for the province's aggregation. Public, like the plans that require them: every figure counts
/// published content, which anyone can already read on the site, or citizens' questions as numbers only.
/// </summary>
public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/{unit}", GetAsync).WithTags("Reports").WithName("GetPeriodicReport")
            .WithSummary("A unit's periodic report (period=Quarter&year=&quarter=, HalfYear&year=, Year&year=, or Custom&from=&to=), optionally with its sub-units.");
        return api;
    }

    private static async Task<Results<Ok<PeriodicReport>, ValidationProblem, ProblemHttpResult>> GetAsync(string unit,
        UnitDirectory units, PeriodicReports reports, CancellationToken ct,
        ReportPeriodKind period = ReportPeriodKind.Year, int? year = null, int? quarter = null, DateOnly? from = null, DateOnly? to = null,
        bool includeSubUnits = false)
    {
        var (reportPeriod, error) = ReportPeriod.Create(period, year, quarter, from, to);
        if (reportPeriod is null)
            return ApiProblems.Invalid(new Dictionary<string, string[]> { ["period"] = [error!] });
        if (await units.FindAsync(unit, ct) is not { } node)
            return ApiProblems.NotFound($"Không có đơn vị '{unit}'.");
        return TypedResults.Ok((await reports.BuildAsync(node.Unit.Id, includeSubUnits, reportPeriod, ct))!);
    }
}
