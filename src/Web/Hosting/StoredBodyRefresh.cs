using CchcSite.Content.Data;
using CchcSite.Content.Posts;

namespace CchcSite.Web.Hosting;

/// <summary>
/// After start, renders again the post bodies an older renderer stored (<see cref="StoredPostBodies.RefreshAsync"/>): in
/// the background, because pages render such a body themselves meanwhile and the site should not wait for thousands.
/// Nodes started together may both do it; the update is conditional on the version, so they only repeat work.
/// </summary>
public sealed class StoredBodyRefresh(StoredPostBodies bodies, BackgroundStart start, IServiceScopeFactory scopes, ILogger<StoredBodyRefresh> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await start.WaitAsync(stoppingToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var refreshed = await bodies.RefreshAsync(scope.ServiceProvider.GetRequiredService<CchcDbContext>(), stoppingToken);
            if (refreshed > 0)
                logger.LogInformation("Rendered {Count} post bodies again for renderer version {Version}.", refreshed, Content.Rendering.MarkdownRenderer.Version);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Pages still show such a body, rendering it on read; the next start tries again.
            logger.LogError(e, "Rendering stored post bodies again failed.");
        }
    }
}
