using CchcSite.Content.Data;
using CchcSite.Content.Nodes;
using CchcSite.Content.Search;
using CchcSite.Web.Hosting;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcSite.Web.Search;

/// <summary>
/// Keeps the index true: first, while the site already serves, rebuilds a missing or damaged index and catches up with
/// the outbox (changes committed before a crash, or on other nodes while this one was down); then applies new outbox rows
/// as soon as a commit wakes it (<see cref="IndexWakeup"/>: here, or on another node through its notice), and on a slow
/// poll for rows no notice announces (the command-line tools). It cleans up old outbox rows on one node at a time
/// (<see cref="INodeLocks"/>).
/// </summary>
/// <remarks>
/// Until the catch-up is done the node is not ready (<see cref="SearchReadiness"/>, <c>/healthz/ready</c>), so a load
/// balancer sends it nothing, and its search page says the index is still being built; pages, feeds and the API are
/// served from the first second, which a single node with a fresh database needs most.
/// </remarks>
public sealed class SearchIndexWorker(IServiceProvider services, BackgroundStart start, SeedReadiness seed, IndexWakeup wakeup, SearchReadiness readiness,
    INodeLocks locks, IOutputCacheStore answers, IServiceScopeFactory scopes, TimeProvider clock, ILogger<SearchIndexWorker> logger)
    : BackgroundService
{
    /// <summary>Every commit here or on another node wakes the worker at once; the poll only finds rows written without a notice.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(5);
    /// <summary>A failed start (a busy database) is tried again sooner than the poll.</summary>
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);
    /// <summary>Applied outbox rows are kept this long, then deleted (checked hourly), so the table stays small.</summary>
    private static readonly TimeSpan OutboxRetention = TimeSpan.FromDays(1);
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The host goes on starting, and serving, while the index is built; it is opened only now (the indexer owns it), so
        // that opening it is not part of the start either.
        await start.WaitAsync(stoppingToken);
        // A new database's later seed parts come first, so its index is built once over the whole seed; on any other start
        // this is one query away.
        await seed.Parts.WaitAsync(stoppingToken);
        var indexer = services.GetRequiredService<SearchIndexer>();
        var nextPrune = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CchcDbContext>();
                if (!readiness.CaughtUp)
                    await CatchUpAsync(indexer, db, stoppingToken);
                else
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
            await wakeup.WaitAsync(readiness.CaughtUp ? PollInterval : RetryInterval, stoppingToken);
        }
    }

    private async Task CatchUpAsync(SearchIndexer indexer, CchcDbContext db, CancellationToken ct)
    {
        if (indexer.Index.NeedsRebuild)
        {
            logger.LogWarning("Search index missing or unreadable; rebuilding it from the database while the site serves.");
            await indexer.RebuildHereAsync(db, null, ct);
        }
        while (await indexer.ApplyOutboxAsync(db, ct) > 0)
        {
        }
        readiness.CaughtUp = true;
        // Answers cached meanwhile (the search API's) came from an incomplete index.
        await answers.EvictByTagAsync(ContentTags.Site, ct);
    }
}
