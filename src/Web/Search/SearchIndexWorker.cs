using CchcSite.Content.Data;
using CchcSite.Content.Nodes;
using CchcSite.Content.Search;

namespace CchcSite.Web.Search;

/// <summary>
/// Keeps the index true: before the site serves, rebuilds a missing or damaged index and catches up with the
/// outbox (changes committed before a crash, or on other nodes while this one was down); then applies new outbox rows as
/// soon as a commit wakes it (<see cref="IndexWakeup"/>: here, or on another node through its notice), and every half
/// second in any case. It cleans up old outbox rows on one node at a time (<see cref="INodeLocks"/>).
/// </summary>
/// <remarks>
/// The catch-up blocks the start: the site answers nothing, not even <c>/healthz/live</c>, until its index is current. A
/// node behind a load balancer is thus never sent a search it would answer from an empty index; a first start on a large
/// site takes as long as a rebuild (docs/perf.md, "Several nodes"), which a liveness probe's initial delay must allow.
/// </remarks>
public sealed class SearchIndexWorker(SearchIndexer indexer, IndexWakeup wakeup, SearchReadiness readiness, INodeLocks locks,
    IServiceScopeFactory scopes, TimeProvider clock, ILogger<SearchIndexWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    /// <summary>Applied outbox rows are kept this long, then deleted (checked hourly), so the table stays small.</summary>
    private static readonly TimeSpan OutboxRetention = TimeSpan.FromDays(1);
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CchcDbContext>();
            if (indexer.Index.NeedsRebuild)
            {
                logger.LogWarning("Search index missing or unreadable; rebuilding it from the database.");
                await indexer.RebuildHereAsync(db, null, cancellationToken);
            }
            while (await indexer.ApplyOutboxAsync(db, cancellationToken) > 0)
            {
            }
        }
        readiness.CaughtUp = true;
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextPrune = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            await wakeup.WaitAsync(PollInterval, stoppingToken);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CchcDbContext>();
                await indexer.ApplyOutboxAsync(db, stoppingToken);
                var now = clock.GetUtcNow().UtcDateTime;
                if (now >= nextPrune)
                {
                    await using (var held = await locks.TryAcquireAsync(NodeLockNames.OutboxCleanup, stoppingToken))
                    {
                        if (held is not null)
                            await indexer.PruneOutboxAsync(db, now - OutboxRetention, stoppingToken);
                    }
                    nextPrune = now + PruneInterval;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A busy database or a bad row must not stop the worker; the cursor did not move, so it retries.
                logger.LogError(e, "Applying the search outbox failed; retrying.");
            }
        }
    }
}
