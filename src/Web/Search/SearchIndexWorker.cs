using CchcSite.Content.Data;
using CchcSite.Content.Search;

namespace CchcSite.Web.Search;

/// <summary>
/// Keeps the index true: before the site serves, rebuilds a missing or damaged index and catches up with the
/// outbox (changes committed before a crash); then applies new outbox rows as soon as a commit here wakes it
/// (<see cref="IndexWakeup"/>), and every half second for rows written by another process.
/// </summary>
public sealed class SearchIndexWorker(SearchIndexer indexer, IndexWakeup wakeup, IServiceScopeFactory scopes, TimeProvider clock,
    ILogger<SearchIndexWorker> logger)
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
                await indexer.RebuildAsync(db, null, cancellationToken);
            }
            while (await indexer.ApplyOutboxAsync(db, cancellationToken) > 0)
            {
            }
        }
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
                    await indexer.PruneOutboxAsync(db, now - OutboxRetention, stoppingToken);
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
