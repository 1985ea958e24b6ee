using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Search;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CchcSite.Web.Api;

public static class SearchApi
{
    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder api)
    {
        api.MapGet("/search", SearchAsync).WithTags("Search").WithName("SearchPosts")
            .WithSummary("Full-text search of published posts, with or without Vietnamese diacritics; quoted text is a phrase. " +
                         "Filter by unit (with its sub-units), kind, category and publication date; sort by relevance or newest. " +
                         "Hits carry an HTML snippet in which only <mark> is markup; counts per kind and unit cover every hit.");
        return api;
    }

    private static async Task<Results<Ok<SearchResults>, ValidationProblem, ProblemHttpResult>> SearchAsync(
        string? q, string? sort, [AsParameters] FilterQuery query, PostSearch search, UnitDirectory units, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!UserQuery.TryParse(q, out var text, out var error))
            errors["q"] = [error];
        var order = sort?.ToLowerInvariant() switch
        {
            null or "relevance" => SearchSort.Relevance,
            "newest" => SearchSort.Newest,
            _ => (SearchSort?)null,
        };
        if (order is null)
            errors["sort"] = ["Cách sắp xếp phải là relevance hoặc newest."];
        var (filter, unknownUnit) = await query.ToFilterAsync(units, errors, ct);
        if (errors.Count > 0)
            return ApiProblems.Invalid(errors);
        if (unknownUnit is not null)
            return unknownUnit;
        return TypedResults.Ok(await search.SearchAsync(text, filter, order!.Value, ct));
    }
}
