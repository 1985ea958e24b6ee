using CchcSite.Content.Data;
using CchcSite.Content.Nodes;
using CchcSite.Content.Posts;
using CchcSite.Web.Hosting;

namespace CchcSite.Web.Editor;

/// <summary>
/// Rung by every committed change, here or on another node (its notice): an approver may have scheduled a post, or moved
/// or cancelled a schedule, so the <see cref="ScheduledPublishingJob"/> looks again at when it next has work.
/// </summary>
public sealed class ScheduleWakeup : Wakeup, IContentChangeListener
{
    public ValueTask ContentChangedAsync(ContentChangeSet changes, CancellationToken ct)
    {
        if (!changes.IsEmpty)
            Wake();
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Runs <see cref="ScheduledPublishing"/> when a scheduled time comes: it sleeps until the earliest pending publish or
/// unpublish time, or until a commit may have changed the schedule, with a slow poll for what no commit announces (the
/// command-line tools). On one node at a time (<see cref="INodeLocks"/>), so that each post is published once, with one
/// audit entry.
/// </summary>
public sealed class ScheduledPublishingJob(IServiceScopeFactory scopes, INodeLocks locks, ScheduleWakeup wakeup, TimeProvider clock,
    BackgroundStart start, ILogger<ScheduledPublishingJob> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMinutes(5);
    /// <summary>While another node holds the lock, or after a failure, this one looks again this soon.</summary>
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await start.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = Retry;
            try
            {
                wait = await RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A locked database or a transient fault must not stop the schedule.
                logger.LogError(e, "Scheduled publishing failed; retrying.");
            }
            await wakeup.WaitAsync(wait, stoppingToken);
        }
    }

    /// <summary>Publishes and takes down what is due; returns how long to sleep before the next scheduled time.</summary>
    private async Task<TimeSpan> RunAsync(CancellationToken stoppingToken)
    {
        // Another node holds it and is doing this round's work.
        await using var held = await locks.TryAcquireAsync(NodeLockNames.ScheduledPublishing, stoppingToken);
        if (held is null)
            return Retry;
        await using var scope = scopes.CreateAsyncScope();
        var publishing = scope.ServiceProvider.GetRequiredService<ScheduledPublishing>();
        var (published, unpublished) = await publishing.RunDueAsync(stoppingToken);
        if (published + unpublished > 0)
            logger.LogInformation("Scheduled publishing: {Published} published, {Unpublished} taken down.", published, unpublished);
        if (await publishing.NextDueAsync(stoppingToken) is not { } next)
            return Poll;
        var until = next - clock.GetUtcNow().UtcDateTime;
        // A time just passed (it fell due while this round ran) is taken at once.
        return until <= TimeSpan.Zero ? TimeSpan.Zero : until < Poll ? until : Poll;
    }
}

public static class ScheduledPublishingServices
{
    public static IServiceCollection AddScheduledPublishing(this IServiceCollection services) => services
        .AddSingleton<ScheduleWakeup>()
        .AddSingleton<IContentChangeListener>(provider => provider.GetRequiredService<ScheduleWakeup>())
        .AddHostedService<ScheduledPublishingJob>();
}
