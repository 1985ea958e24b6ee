using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Search;
using CchcSite.Content.Units;
using CchcSite.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CchcSite.Web.Search;

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

    /// <summary>Query values arrive as text so that every bad value gets a clear message, not a bare 400.</summary>
    public sealed record SearchQuery(
        string? Q, string? Unit, string? Kind, string? Category, string? From, string? To, string? Sort, string? Page, string? PageSize);

    private static async Task<Results<Ok<SearchResults>, ValidationProblem, ProblemHttpResult>> SearchAsync(
        [AsParameters] SearchQuery query, PostSearch search, UnitDirectory units, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!UserQuery.TryParse(query.Q, out var text, out var error))
            errors["q"] = [error];
        var paging = new PageRequest(
            PostsApi.ParseInt(query.Page, 1, "page", "Số trang", errors),
            PostsApi.ParseInt(query.PageSize, PageRequest.DefaultSize, "pageSize", "Số mục mỗi trang", errors));
        foreach (var (key, messages) in paging.Validate())
            errors.TryAdd(key, messages);
        var kind = PostsApi.ParseKind(query.Kind, errors);
        var from = PostsApi.ParseDate(query.From, "from", errors);
        var to = PostsApi.ParseDate(query.To, "to", errors);
        if (from > to)
            errors["to"] = ["Ngày kết thúc phải không sớm hơn ngày bắt đầu."];
        var sort = query.Sort?.ToLowerInvariant() switch
        {
            null or "relevance" => SearchSort.Relevance,
            "newest" => SearchSort.Newest,
            _ => (SearchSort?)null,
        };
        if (sort is null)
            errors["sort"] = ["Cách sắp xếp phải là relevance hoặc newest."];
        if (errors.Count > 0)
            return ApiProblems.Invalid(errors);

        int? unitId = null;
        if (query.Unit is not null)
        {
            if (await units.FindAsync(query.Unit, ct) is not { } unit)
                return ApiProblems.NotFound($"Không có đơn vị '{query.Unit}'.");
            unitId = unit.Unit.Id;
        }
        var filter = new PostFilter(unitId, IncludeSubUnits: true, kind, query.Category, from, to) { Page = paging };
        return TypedResults.Ok(await search.SearchAsync(text, filter, sort!.Value, ct));
    }
}
