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
            .WithSummary("Published posts, newest first; filter by unit (with its sub-units), kind, category, tag (its slug), " +
                         "audience (a post for everyone counts for each audience) and publication date.");
        posts.MapGet("/{id:int}", async Task<Results<Ok<PostDetail>, ProblemHttpResult>> (int id, PublishedPosts published, CancellationToken ct) =>
                await published.FindAsync(id, ct) is { } post ? TypedResults.Ok(post) : ApiProblems.NotFound($"Không có bài viết số {id}."))
            .WithName("GetPostById").WithSummary("One published post by id.");
        api.MapGet("/units/{unit}/posts/{slug}", async Task<Results<Ok<PostDetail>, ProblemHttpResult>> (string unit, string slug, PublishedPosts published, CancellationToken ct) =>
                await published.FindAsync(unit, slug, ct) is { } post ? TypedResults.Ok(post) : ApiProblems.NotFound($"Không có bài viết '{slug}' của đơn vị '{unit}'."))
            .WithTags("Posts").WithName("GetPostBySlug").WithSummary("One published post by its unit and slug.");
        return api;
    }

    private static async Task<Results<Ok<PagedResult<PostCard>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        [AsParameters] FilterQuery query, string? tag, string? audience, PublishedPosts published, UnitDirectory units, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var (filter, unknownUnit) = await query.ToFilterAsync(units, errors, ct);
        var forAudience = QueryValues.Enum<Audience>(audience, "audience", "Đối tượng", errors, lowerCase: true);
        if (errors.Count > 0)
            return ApiProblems.Invalid(errors);
        if (unknownUnit is not null)
            return unknownUnit;
        if (tag is not null && await published.FindTagAsync(tag, ct) is null)
            return ApiProblems.NotFound($"Không có từ khóa '{tag}'.");
        return TypedResults.Ok(await published.ListAsync(filter with { TagSlug = tag, Audience = forAudience }, ct));
    }
}
