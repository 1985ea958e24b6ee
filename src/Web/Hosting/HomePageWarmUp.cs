using CchcSite.Content.Site;

namespace CchcSite.Web.Hosting;

/// <summary>
/// Reads the home page's data once, as soon as the database is set up, while the host is still starting. EF Core
/// translates and compiles each query the first time it runs; on an existing database the setup ends before Kestrel
/// listens, so this runs on the core the setup leaves idle, and the first visitor's home page finds its queries compiled
/// (0.15–0.2 s less to the first answer in interleaved starts, docs/perf.md). The queries and rows are the page's own;
/// the work is the same as that first request's, done earlier. Only a read: a failure is logged, and met again by the
/// first request.
/// </summary>
public static class HomePageWarmUp
{
    /// <summary>Starts the warm-up for when <paramref name="setup"/> has succeeded, and returns at once.</summary>
    public static void WarmHomePageAfter(this IServiceProvider services, Task setup) =>
        _ = WarmAsync(services, setup, services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);

    private static async Task WarmAsync(IServiceProvider services, Task setup, CancellationToken stopping)
    {
        // The setup's own failure ends the process where the host awaits it (Program); nothing to warm then.
        await setup.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!setup.IsCompletedSuccessfully)
            return;
        try
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SitePageBuilder>().HomeAsync(stopping);
        }
        catch (Exception failure) when (!stopping.IsCancellationRequested)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HomePageWarmUp))
                .LogWarning(failure, "Reading the home page's data at start failed; the first request will read it.");
        }
    }
}
