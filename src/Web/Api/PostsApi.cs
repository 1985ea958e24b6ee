using System.Globalization;
using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CchcSite.Web.Api;

public static class PostsApi
{
    public static RouteGroupBuilder MapPostsApi(this RouteGroupBuilder api)
    {
        var posts = api.MapGroup("/posts").WithTags("Posts");
        posts.MapGet("/", ListAsync).WithName("ListPosts")
            .WithSummary("Published posts, newest first; filter by unit (with its sub-units), kind, category and publication date.");
        posts.MapGet("/{id:int}", async Task<Results<Ok<PostDetail>, ProblemHttpResult>> (int id, PublishedPosts published, CancellationToken ct) =>
                await published.FindAsync(id, ct) is { } post ? TypedResults.Ok(post) : ApiProblems.NotFound($"Không có bài viết số {id}."))
            .WithName("GetPostById").WithSummary("One published post by id.");
        api.MapGet("/units/{unit}/posts/{slug}", async Task<Results<Ok<PostDetail>, ProblemHttpResult>> (string unit, string slug, PublishedPosts published, CancellationToken ct) =>
                await published.FindAsync(unit, slug, ct) is { } post ? TypedResults.Ok(post) : ApiProblems.NotFound($"Không có bài viết '{slug}' của đơn vị '{unit}'."))
            .WithTags("Posts").WithName("GetPostBySlug").WithSummary("One published post by its unit and slug.");
        return api;
    }

    /// <summary>Query values arrive as text so that every bad value gets a clear message, not a bare 400.</summary>
    public sealed record ListQuery(
        string? Unit, string? Kind, string? Category, string? From, string? To, string? IncludeSubUnits, string? Page, string? PageSize);

    private static async Task<Results<Ok<PagedResult<PostCard>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        [AsParameters] ListQuery query, PublishedPosts published, UnitDirectory units, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var page = ParseInt(query.Page, 1, "page", "Số trang", errors);
        var pageSize = ParseInt(query.PageSize, PageRequest.DefaultSize, "pageSize", "Số mục mỗi trang", errors);
        var paging = new PageRequest(page, pageSize);
        foreach (var (key, messages) in paging.Validate())
            errors.TryAdd(key, messages);

        var kind = ParseKind(query.Kind, errors);
        var from = ParseDate(query.From, "from", errors);
        var to = ParseDate(query.To, "to", errors);
        if (from > to)
            errors["to"] = ["Ngày kết thúc phải không sớm hơn ngày bắt đầu."];
        var includeSubUnits = true;
        if (query.IncludeSubUnits is not null && !bool.TryParse(query.IncludeSubUnits, out includeSubUnits))
            errors["includeSubUnits"] = ["includeSubUnits phải là true hoặc false."];
        if (errors.Count > 0)
            return ApiProblems.Invalid(errors);

        int? unitId = null;
        if (query.Unit is not null)
        {
            if (await units.FindAsync(query.Unit, ct) is not { } unit)
                return ApiProblems.NotFound($"Không có đơn vị '{query.Unit}'.");
            unitId = unit.Unit.Id;
        }
        var filter = new PostFilter(unitId, includeSubUnits, kind, query.Category, from, to) { Page = paging };
        return TypedResults.Ok(await published.ListAsync(filter, ct));
    }

    internal static PostKind? ParseKind(string? value, Dictionary<string, string[]> errors)
    {
        if (value is null)
            return null;
        if (Enum.TryParse<PostKind>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            return parsed;
        errors["kind"] = [$"Loại bài viết phải là một trong: {string.Join(", ", Enum.GetNames<PostKind>().Select(n => n.ToLowerInvariant()))}."];
        return null;
    }

    internal static int ParseInt(string? value, int fallback, string key, string label, Dictionary<string, string[]> errors)
    {
        if (value is null)
            return fallback;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            return parsed;
        errors[key] = [$"{label} phải là số nguyên dương."];
        return fallback;
    }

    internal static DateOnly? ParseDate(string? value, string key, Dictionary<string, string[]> errors)
    {
        if (value is null)
            return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        errors[key] = ["Ngày phải có dạng yyyy-MM-dd, ví dụ 2022-02-18."];
        return null;
    }
}
