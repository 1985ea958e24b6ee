using CchcSite.Content.Nodes;
using CchcSite.Content.Videos;
using CchcSite.Web.Hosting;

namespace CchcSite.Web.Videos;

/// <summary>Rung when a video is queued on this node: an upload completed, or a failed one sent back by an editor.</summary>
public sealed class VideoQueueWakeup : Wakeup;

/// <summary>
/// Works through the transcoding queue (<see cref="VideoTranscoding"/>), one video at a time across the nodes
/// (<see cref="INodeLocks"/>), at once when this node queues a video (<see cref="VideoQueueWakeup"/>) and otherwise every
/// five minutes, for videos queued on another node and jobs a stopped node left running. The queue is in the database, so a
/// job a stopped process left behind is taken again here after the restart.
/// </summary>
public sealed class VideoTranscodingJob(IServiceScopeFactory scopes, INodeLocks locks, VideoQueueWakeup wakeup, BackgroundStart start,
    ILogger<VideoTranscodingJob> logger)
    : BackgroundService
{
    // Only for what no ring here announces. Each round is a query and a lock: once a minute, it was most of what an idle
    // site did of its own (docs/perf.md, "Idle CPU and resident memory").
    private static readonly TimeSpan Poll = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await start.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Video transcoding failed; retrying at the next round.");
            }
            await wakeup.WaitAsync(Poll, stoppingToken);
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        await using var held = await locks.TryAcquireAsync(NodeLockNames.VideoTranscoding, stoppingToken);
        if (held is null)
            return;
        bool ran;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            ran = await scope.ServiceProvider.GetRequiredService<VideoTranscoding>().RunNextAsync(stoppingToken);
        }
        while (ran && !stoppingToken.IsCancellationRequested);
    }
}
