using CchcSite.Content.Data;
using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Questions;
using CchcSite.Content.Site;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcSite.Web.Hosting;

/// <summary>
/// Public pages and API answers are cached in memory, each tagged with what it shows (<see cref="ContentTags"/>), and
/// dropped by those tags once a change to them has committed. The short lifetime bounds how late a scheduled post
/// (which appears by the clock, not by a save) can show.
/// </summary>
public static class PublicCaching
{
    public const string Pages = "public-page";
    public const string Api = "public-api";
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddPublicCaching(this IServiceCollection services)
    {
        services.AddSingleton<IContentChangeListener, StaleAnswerEviction>();
        services.Configure<MvcOptions>(options => options.Filters.Add(new TagPageByModel()));
        return services.AddOutputCache(options =>
        {
            options.AddPolicy(Pages, policy => policy.Expire(Lifetime).Tag(ContentTags.Site).SetVaryByQuery("trang", "linh-vuc"));
            options.AddPolicy(Api, policy => policy.Expire(Lifetime).Tag(ContentTags.Site).SetVaryByQuery("*"));
        });
    }

    public static WebApplication UsePublicCaching(this WebApplication app)
    {
        app.UseOutputCache();
        return app;
    }

    /// <summary>Caches the group's answers, each tagged by the value it returns.</summary>
    public static RouteGroupBuilder CachePublicAnswers(this RouteGroupBuilder api)
    {
        api.CacheOutput(Api).AddEndpointFilter<TagAnswerByValue>();
        return api;
    }

    /// <summary>The tags of what an answer shows, read from the read model it renders or returns.</summary>
    internal static IEnumerable<string> TagsOf(object? shown) => shown switch
    {
        HomePage => [ContentTags.Home],
        UnitSectionPage section => section.Unit.SelfAndDescendants().Select(n => ContentTags.Unit(n.Unit.Id)),
        PostPage page => [ContentTags.Post(page.Post.Card.Id)],
        PostDetail post => [ContentTags.Post(post.Card.Id)],
        CategoryPage or PagedResult<PostCard> => [ContentTags.PostLists],
        QuestionColumnPage or QuestionPage or PagedResult<QuestionCard> => [ContentTags.Questions],
        // Only units and categories, which the site-wide tag on every answer covers.
        CategoryIndexPage or UnitNode or IEnumerable<UnitNode> => [],
        // An answer not named above is dropped by any change to posts or questions, rather than kept stale.
        _ => [ContentTags.PostLists, ContentTags.Questions],
    };

    private static void Tag(HttpContext http, object? shown)
    {
        if (http.Features.Get<IOutputCacheFeature>() is { } cache)
            cache.Context.Tags.UnionWith(TagsOf(shown));
    }

    /// <summary>Tags a cached page with what its view model shows.</summary>
    private sealed class TagPageByModel : IResultFilter
    {
        public void OnResultExecuting(ResultExecutingContext context)
        {
            if (context.Result is ViewResult view)
                Tag(context.HttpContext, view.Model);
        }

        public void OnResultExecuted(ResultExecutedContext context)
        {
        }
    }

    /// <summary>Tags a cached API answer with what it returns.</summary>
    private sealed class TagAnswerByValue : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var result = await next(context);
            Tag(context.HttpContext, ValueOf(result));
            return result;
        }

        private static object? ValueOf(object? result) => result switch
        {
            INestedHttpResult nested => ValueOf(nested.Result),
            IValueHttpResult value => value.Value,
            _ => result,
        };
    }

    /// <summary>Drops the cached answers a committed change made stale.</summary>
    private sealed class StaleAnswerEviction(IOutputCacheStore store) : IContentChangeListener
    {
        public async ValueTask ContentChangedAsync(ContentChangeSet changes, CancellationToken ct)
        {
            foreach (var tag in changes.Tags)
                await store.EvictByTagAsync(tag, ct);
        }
    }
}
