using CchcSite.Content.Plans;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CchcSite.Web.Api;

/// <summary>
/// Units' communication plans and how far they are carried out: the rows, their due months, their statuses as of today
/// and the published posts that carried them out, as on the public plan page.
/// </summary>
public static class PlansApi
{
    public static RouteGroupBuilder MapPlansApi(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/plans").WithTags("Plans");
        plans.MapGet("/", ListAsync).WithName("ListPlans")
            .WithSummary("Plans, newest year first, each with its progress; filter by unit (slug, the unit itself) and year.");
        plans.MapGet("/{id:int}", GetAsync).WithName("GetPlan")
            .WithSummary("One plan with its rows, due months (and due days), statuses as of today and the published posts that carried each row out; "
                + "a plan over several years in one of its years (year, default: this year within the plan).");
        return api;
    }

    private static async Task<Results<Ok<PublicPlan>, ValidationProblem, ProblemHttpResult>> GetAsync(int id, string? year,
        PublicPlans published, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var shown = QueryValues.Int(year, "year", "Năm", errors);
        if (errors.Count > 0)
            return ApiProblems.Invalid(errors);
        return await published.FindAsync(id, ct, shown) is { } plan ? TypedResults.Ok(plan)
            : ApiProblems.NotFound(shown is null ? $"Không có kế hoạch số {id}." : $"Không có kế hoạch số {id} trong năm {shown}.");
    }

    private static async Task<Results<Ok<IReadOnlyList<PublicPlanSummary>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        [AsParameters] PlanQuery query, PublicPlans published, UnitDirectory units, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var year = QueryValues.Int(query.Year, "year", "Năm", errors);
        if (year is < 2000 or > 2100)
            errors["year"] = ["Năm phải từ 2000 đến 2100."];
        if (errors.Count > 0)
            return ApiProblems.Invalid(errors);
        int? unitId = null;
        if (!string.IsNullOrEmpty(query.Unit))
        {
            if (await units.FindAsync(query.Unit, ct) is not { } node)
                return ApiProblems.NotFound($"Không có đơn vị '{query.Unit}'.");
            unitId = node.Unit.Id;
        }
        return TypedResults.Ok(await published.ListAsync(unitId, year, ct));
    }
}

/// <summary>The list's query values, as text so that a bad one gets a Vietnamese message (see <see cref="QueryValues"/>).</summary>
public sealed class PlanQuery
{
    public string? Unit { get; init; }
    public string? Year { get; init; }
}
