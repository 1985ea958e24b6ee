using CchcSite.Content.Indexes;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CchcSite.Web.Api;

/// <summary>The components of an index, each with the years it is assessed.</summary>
public sealed record IndexComponentInfo(string Code, string Name, decimal? MaxScore, int FromYear, int? ToYear);

public sealed record IndexDescription(IndexInfo Index, IReadOnlyList<IndexComponentInfo> Components);

/// <summary>An index's results in a year, ranked per group.</summary>
public sealed record IndexResultsAnswer(string Index, int Year, IReadOnlyList<RankingGroup> Groups);

/// <summary>
/// Reform index results (PAR INDEX, SIPAS, PAPI, PCI, DDCI): the indexes, the ranked results of a year, a unit's trend.
/// Ranks and changes are the ones the public pages show (<see cref="IndexResults"/>).
/// </summary>
public static class IndexesApi
{
    public static RouteGroupBuilder MapIndexesApi(this RouteGroupBuilder api)
    {
        var indexes = api.MapGroup("/indexes").WithTags("Indexes");
        indexes.MapGet("/", async (IndexResults results, CancellationToken ct) =>
            {
                var list = new List<IndexDescription>();
                foreach (var info in await results.IndexesAsync(ct))
                {
                    var definition = (await results.DefinitionAsync(info.Code, ct))!;
                    list.Add(new IndexDescription(info, definition.Components.OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
                        .Select(c => new IndexComponentInfo(c.Code, c.Name, c.MaxScore, c.FromYear, c.ToYear)).ToList()));
                }
                return TypedResults.Ok(list);
            })
            .WithName("ListIndexes").WithSummary("The reform indexes, their components (with the years each is assessed) and the years that have results.");
        indexes.MapGet("/{code}/results", ResultsAsync).WithName("ListIndexResults")
            .WithSummary("Results of an index in a year (default: the latest), ranked per group, with the change since the year before; filter by unit (slug) and group (tinh, so-nganh, huyen, xa-phuong, khac).");
        api.MapGet("/units/{unit}/indexes", async Task<Results<Ok<IReadOnlyList<UnitIndexTrend>>, ProblemHttpResult>> (string unit, UnitDirectory units,
                    IndexResults results, CancellationToken ct) =>
                await units.FindAsync(unit, ct) is { } node ? TypedResults.Ok(await results.TrendsAsync(node.Unit, ct))
                    : ApiProblems.NotFound($"Không có đơn vị '{unit}'."))
            .WithTags("Indexes").WithName("ListUnitIndexes")
            .WithSummary("Each index a unit has results in: its score and rank every year, the latest components against their maximum, and the sentence that sums it up.");
        return api;
    }

    private static async Task<Results<Ok<IndexResultsAnswer>, ValidationProblem, ProblemHttpResult>> ResultsAsync(string code,
        [AsParameters] IndexResultsQuery query, IndexResults results, UnitDirectory units, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var year = QueryValues.Int(query.Year, "year", "Năm", errors);
        if (year is < 2000 or > 2100)
            errors["year"] = ["Năm phải từ 2000 đến 2100."];
        var group = IndexNames.GroupingOf(query.Group);
        if (!string.IsNullOrEmpty(query.Group) && group is null)
            errors["group"] = ["Nhóm phải là một trong: tinh, so-nganh, huyen, xa-phuong, khac."];
        if (errors.Count > 0)
            return ApiProblems.Invalid(errors);
        if (await results.DefinitionAsync(code, ct) is not { } definition)
            return ApiProblems.NotFound($"Không có chỉ số '{code}'.");
        if (!string.IsNullOrEmpty(query.Unit) && await units.FindAsync(query.Unit, ct) is null)
            return ApiProblems.NotFound($"Không có đơn vị '{query.Unit}'.");
        var info = (await results.IndexesAsync(ct)).First(i => i.Code == definition.Code);
        var shown = year ?? (info.Years.Count > 0 ? info.Years.Max() : null);
        if (shown is null)
            return TypedResults.Ok(new IndexResultsAnswer(definition.Code, 0, []));
        return TypedResults.Ok(new IndexResultsAnswer(definition.Code, shown.Value,
            await results.RankingsAsync(definition, shown.Value, string.IsNullOrEmpty(query.Unit) ? null : query.Unit, group, ct)));
    }
}

/// <summary>The query values, as text so that a bad one gets a Vietnamese message (see <see cref="QueryValues"/>).</summary>
public sealed class IndexResultsQuery
{
    public string? Year { get; init; }
    public string? Unit { get; init; }
    public string? Group { get; init; }
}
