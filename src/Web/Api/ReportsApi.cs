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
        [AsParameters] ReportQuery query, UnitDirectory units, PeriodicReports reports, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var period = QueryValues.Enum<ReportPeriodKind>(query.Period, "period", "Kỳ báo cáo", errors) ?? ReportPeriodKind.Year;
        var year = QueryValues.Int(query.Year, "year", "Năm", errors);
        var quarter = QueryValues.Int(query.Quarter, "quarter", "Quý", errors);
        var from = QueryValues.Date(query.From, "from", errors);
        var to = QueryValues.Date(query.To, "to", errors);
        var includeSubUnits = QueryValues.Bool(query.IncludeSubUnits, "includeSubUnits", errors) ?? false;
        if (errors.Count > 0)
            return ApiProblems.Invalid(errors);
        var (reportPeriod, error) = ReportPeriod.Create(period, year, quarter, from, to);
        if (reportPeriod is null)
            return ApiProblems.Invalid(new Dictionary<string, string[]> { ["period"] = [error!] });
        if (await units.FindAsync(unit, ct) is not { } node)
            return ApiProblems.NotFound($"Không có đơn vị '{unit}'.");
        return TypedResults.Ok((await reports.BuildAsync(node.Unit.Id, includeSubUnits, reportPeriod, ct))!);
    }
}

/// <summary>The report's query values, as text so that a bad one gets a Vietnamese message (see <see cref="QueryValues"/>).</summary>
public sealed class ReportQuery
{
    public string? Period { get; init; }
    public string? Year { get; init; }
    public string? Quarter { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public string? IncludeSubUnits { get; init; }
}
