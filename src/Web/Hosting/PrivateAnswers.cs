namespace CchcSite.Web.Hosting;

/// <summary>Marks an endpoint whose answer belongs to one visitor (a tracking lookup, a form with its antiforgery token).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PrivateAnswerAttribute : Attribute;

/// <summary>
/// The editor area and every personal answer are <c>private, no-store</c>: no CDN or shared cache keeps them and the
/// browser keeps no copy on disk. Marked before the endpoint runs, so that compression already sees it (such answers
/// stay uncompressed, <see cref="Compression"/>), and again as the response starts, over the antiforgery system's own
/// <c>no-cache, no-store</c>.
/// </summary>
public static class PrivateAnswers
{
    public const string EditorPath = "/quan-tri";
    public const string CacheControl = "private, no-store";

    public static IApplicationBuilder UsePrivateAnswers(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(EditorPath)
                || context.GetEndpoint()?.Metadata.GetMetadata<PrivateAnswerAttribute>() is not null)
            {
                context.Response.Headers.CacheControl = CacheControl;
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.CacheControl = CacheControl;
                    context.Response.Headers.Remove("Pragma");
                    return Task.CompletedTask;
                });
            }
            return next(context);
        });
}
