using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace CchcSite.Web.Hosting;

/// <summary>
/// HEAD is answered as the GET of the same address, with the GET's status and headers and no body: uptime monitors and
/// link checkers send HEAD, and every route is mapped for GET only. The request is routed, cached and rendered as a GET
/// (so it shares the GET's cache entry) while its body goes nowhere.
/// </summary>
public static class HeadRequests
{
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await next(context);
                return;
            }
            var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
            context.Features.Set<IHttpResponseBodyFeature>(new DiscardedBody(body));
            context.Request.Method = HttpMethods.Get;
            try
            {
                await next(context);
            }
            finally
            {
                context.Request.Method = HttpMethods.Head;
                context.Features.Set(body);
            }
        });

    /// <summary>Passes the start and end of the response on and drops every byte of its body.</summary>
    private sealed class DiscardedBody(IHttpResponseBodyFeature inner) : IHttpResponseBodyFeature
    {
        public Stream Stream => System.IO.Stream.Null;
        public PipeWriter Writer { get; } = PipeWriter.Create(System.IO.Stream.Null);
        public void DisableBuffering() => inner.DisableBuffering();
        public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);
        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) => Task.CompletedTask;
        public Task CompleteAsync() => inner.CompleteAsync();
    }
}
