using CchcSite.Content.Nodes;
using CchcSite.Content.Posts;

namespace CchcSite.Web.Editor;

/// <summary>
/// Runs <see cref="ScheduledPublishing"/> every 30 seconds, so a post goes out within a minute of its time; on one node at
/// a time (<see cref="INodeLocks"/>), so that each post is published once, with one audit entry.
/// </summary>
public sealed class ScheduledPublishingJob(IServiceScopeFactory scopes, INodeLocks locks, TimeProvider clock, ILogger<ScheduledPublishingJob> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                // Another node holds it and is doing this tick's work.
                await using var held = await locks.TryAcquireAsync(NodeLockNames.ScheduledPublishing, stoppingToken);
                if (held is null)
                    continue;
                await using var scope = scopes.CreateAsyncScope();
                var (published, unpublished) = await scope.ServiceProvider.GetRequiredService<ScheduledPublishing>().RunDueAsync(stoppingToken);
                if (published + unpublished > 0)
                    logger.LogInformation("Scheduled publishing: {Published} published, {Unpublished} taken down.", published, unpublished);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A locked database or a transient fault must not stop the schedule; the next tick retries.
                logger.LogError(e, "Scheduled publishing failed; retrying at the next tick.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
