using CchcSite.Content.Nodes;
using CchcSite.Content.Videos;

namespace CchcSite.Web.Videos;

/// <summary>
/// Works through the transcoding queue (<see cref="VideoTranscoding"/>), one video at a time across the nodes
/// (<see cref="INodeLocks"/>), looking for new work every few seconds. The queue is in the database, so a job a stopped
/// process left behind is taken again here after the restart.
/// </summary>
public sealed class VideoTranscodingJob(IServiceScopeFactory scopes, INodeLocks locks, TimeProvider clock, ILogger<VideoTranscodingJob> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var held = await locks.TryAcquireAsync(NodeLockNames.VideoTranscoding, stoppingToken);
                if (held is null)
                    continue;
                bool ran;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    ran = await scope.ServiceProvider.GetRequiredService<VideoTranscoding>().RunNextAsync(stoppingToken);
                }
                while (ran && !stoppingToken.IsCancellationRequested);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Video transcoding failed; retrying at the next tick.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
