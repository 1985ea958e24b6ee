using CchcSite.Content.Data;
using CchcSite.Content.DossierResults;
using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Procedures;
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
/// (which appears by the clock, not by a save) can show. An entry is keyed by the path, the query values its endpoint
/// reads (<see cref="AnswerQueryKeys"/>) and the compression the client gets, never by the Host header or by values the
/// page ignores, so no request can add entries beyond the site's real pages; the store has a size limit all the same.
/// A stored answer carries the content version as its ETag (<see cref="ContentVersion"/>) and a Cache-Control for a
/// CDN in front: a request that holds the current version gets a 304 without a lookup or a rendering.
/// </summary>
public static class PublicCaching
{
    public const string Pages = "public-page";
    public const string Api = "public-api";

    /// <summary>Short, so that a CDN or browser shows a change within a minute; stale-while-revalidate hides the revalidation.</summary>
    public const string CacheControl = "public, max-age=60, stale-while-revalidate=300";

    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>The version of the content when the request began, before it read anything (<see cref="HttpContext.Items"/> key).</summary>
    private static readonly object VersionAtStart = new();

    public static IServiceCollection AddPublicCaching(this IServiceCollection services)
    {
        // The version changes before the eviction: a page rendered in between is tagged with the new version only if it
        // began after the change (see VersionAtStart), and an entry rendered across a change is never stored.
        services.AddSingleton<ContentVersion>();
        services.AddSingleton<IContentChangeListener>(provider => provider.GetRequiredService<ContentVersion>());
        services.AddSingleton<IContentChangeListener, StaleAnswerEviction>();
        services.AddSingleton<AnswerQueryKeys>();
        services.Configure<MvcOptions>(options => options.Filters.Add(new TagPageByModel()));
        return services.AddOutputCache(options =>
        {
            // A page is about 20 KB plain and 4 KB compressed; the limit holds thousands of them and bounds the rest.
            options.SizeLimit = 64 * 1024 * 1024;
            options.MaximumBodySize = 1024 * 1024;
            options.AddPolicy(Pages, policy => policy.Expire(Lifetime).Tag(ContentTags.Site).AddPolicy<PublicAnswerPolicy>());
            options.AddPolicy(Api, policy => policy.Expire(Lifetime).Tag(ContentTags.Site).AddPolicy<PublicAnswerPolicy>());
        });
    }

    /// <summary>The cache, the compression of what it stores, and the 304s by content version, in that order.</summary>
    public static WebApplication UsePublicCaching(this WebApplication app)
    {
        app.UseOutputCache();
        app.UseResponseCompression();
        app.Use((context, next) =>
        {
            if (context.Items[VersionAtStart] is string
                && context.RequestServices.GetRequiredService<ContentVersion>() is var version && version.IsCurrent(context.Request))
            {
                var response = context.Response;
                response.StatusCode = StatusCodes.Status304NotModified;
                response.Headers.ETag = version.Tag;
                response.Headers.CacheControl = CacheControl;
                response.Headers.Vary = "Accept-Encoding";
                return Task.CompletedTask;
            }
            return next(context);
        });
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
        // The fields' index and API count published posts.
        CategoryPage or TagPage or PagedResult<PostCard> or CategoryIndexPage or IReadOnlyList<CategorySummary> => [ContentTags.PostLists],
        // A question names its procedure by code and name.
        QuestionColumnPage or QuestionPage or PagedResult<QuestionCard> => [ContentTags.Questions, ContentTags.Source(Procedure.SourceName)],
        // Procedure pages also link the Document posts of their legal basis and decisions; a procedure's page lists its questions.
        ProcedurePage => [ContentTags.Source(Procedure.SourceName), ContentTags.PostLists, ContentTags.Questions],
        ProceduresPage or ProcedureChangesPage or ProcedureDetail or PagedResult<ProcedureCard>
            => [ContentTags.Source(Procedure.SourceName), ContentTags.PostLists],
        // Only units, which the site-wide tag on every answer covers.
        UnitNode or IEnumerable<UnitNode> => [],
        // Dossier results change only by an import, which drops every answer (the site-wide tag).
        DossierResultsPage or DossierYear => [],
        // An answer not named above is dropped by any change to posts or questions, rather than kept stale.
        _ => [ContentTags.PostLists, ContentTags.Questions],
    };

    /// <summary>Tags an answer about to be stored with what it shows, and stamps its version and Cache-Control.</summary>
    private static void TagAndStamp(HttpContext http, object? shown, int status)
    {
        if (http.Features.Get<IOutputCacheFeature>() is not { } cache)
            return;
        cache.Context.Tags.UnionWith(TagsOf(shown));
        // Only what the cache may keep follows the content version: an answer from the search index (the Q&A column's
        // search) follows the index, which lags the commit.
        if (status == StatusCodes.Status200OK && cache.Context.AllowCacheStorage && http.Items[VersionAtStart] is string version)
        {
            http.Response.Headers.ETag = version;
            http.Response.Headers.CacheControl = CacheControl;
        }
    }

    /// <summary>The key of a public answer, and the guard against storing one rendered across a change.</summary>
    private sealed class PublicAnswerPolicy(ContentVersion version, AnswerQueryKeys queryKeys) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            http.Items[VersionAtStart] = version.Tag;
            var rules = context.CacheVaryByRules;
            // Absolute links come from Site:PublicUrl, so every Host gets the same page: one entry, not one per Host.
            rules.VaryByHost = false;
            if (http.GetEndpoint() is { } endpoint)
            {
                var keys = queryKeys.Of(endpoint);
                rules.QueryKeys = keys.Query;
                if (keys.Paged)
                    rules.VaryByValues[AnswerQueryKeys.PageNumberKey] = AnswerQueryKeys.PageOf(http.Request);
            }
            rules.VaryByValues["encoding"] = Compression.NegotiatedEncoding(http);
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            // A change committed while the answer was made: it may show the content from before, so it is not kept.
            if (!ReferenceEquals(http.Items[VersionAtStart], version.Tag))
                context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Tags a cached page with what its view model shows.</summary>
    private sealed class TagPageByModel : IResultFilter
    {
        public void OnResultExecuting(ResultExecutingContext context)
        {
            if (context.Result is ViewResult view)
                TagAndStamp(context.HttpContext, view.Model, view.StatusCode ?? context.HttpContext.Response.StatusCode);
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
            TagAndStamp(context.HttpContext, ValueOf(result), StatusOf(result) ?? context.HttpContext.Response.StatusCode);
            return result;
        }

        private static object? ValueOf(object? result) => result switch
        {
            INestedHttpResult nested => ValueOf(nested.Result),
            IValueHttpResult value => value.Value,
            _ => result,
        };

        private static int? StatusOf(object? result) => result switch
        {
            INestedHttpResult nested => StatusOf(nested.Result),
            IStatusCodeHttpResult status => status.StatusCode,
            _ => null,
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
